import type { ListingKind, ReviewOutcomeView } from '@kezhuan/shared';
import { ref } from 'vue';
import { reviewApi } from '../../../api/listings';

/** An administrator's decision on a submitted listing; `busy` holds the listing id being decided. */
export function useReviewDecision(kind: ListingKind) {
  const busy = ref<string | null>(null);

  async function decide(id: string, decision: 'approve' | 'return', reason?: string): Promise<ReviewOutcomeView> {
    busy.value = id;
    try {
      const trimmed = reason?.trim();
      return await reviewApi.decide(kind, id, trimmed ? { decision, reason: trimmed } : { decision });
    } finally {
      busy.value = null;
    }
  }

  return {
    busy,
    approve: (id: string) => decide(id, 'approve'),
    sendBack: (id: string, reason: string) => decide(id, 'return', reason),
  };
}
