import type { FEEDBACK_REASONS, ListingKind, MatchFeedbackInput, RecommendationView } from '@kezhuan/shared';
import { ref, shallowRef } from 'vue';
import { ApiError } from '../../../api/client';
import { matchingApi, savedSearchesApi } from '../../../api/matching';

export type Verdict = 'interested' | 'not_fit';
export type FeedbackReason = (typeof FEEDBACK_REASONS)[number];

export interface FeedbackChoice {
  verdict: Verdict;
  reason?: FeedbackReason;
  note?: string;
}

/**
 * The ranked counterparts of one listing (results for a need, needs for a result) and the user's
 * verdicts on them. `denied` is set when the caller may not see recommendations for this listing.
 */
export function useRecommendations(kind: ListingKind, id: string) {
  const items = shallowRef<RecommendationView[]>([]);
  /** The listing's key terms the server sought candidates with (what the caller may see of it). */
  const terms = shallowRef<string[]>([]);
  const loading = ref(false);
  const error = shallowRef<unknown>(null);
  const denied = ref(false);
  /** Id of the recommended listing whose feedback is being sent. */
  const sending = ref<string | null>(null);

  async function load(): Promise<void> {
    loading.value = true;
    error.value = null;
    denied.value = false;
    try {
      const res = await matchingApi.recommendations(kind, id);
      items.value = res.items;
      terms.value = res.terms ?? [];
    } catch (err) {
      items.value = [];
      terms.value = [];
      denied.value = err instanceof ApiError && (err.status === 401 || err.status === 403);
      error.value = denied.value ? null : err;
    } finally {
      loading.value = false;
    }
  }

  /** The feedback body for a recommended listing: which id is the need and which the result. */
  function feedbackInput(item: RecommendationView, choice: FeedbackChoice): MatchFeedbackInput {
    const other = item.hit.id;
    const pair = kind === 'need' ? { needId: id, resultId: other } : { needId: other, resultId: id };
    const note = choice.note?.trim();
    return {
      ...pair,
      verdict: choice.verdict,
      ...(choice.verdict === 'not_fit' && choice.reason ? { reason: choice.reason } : {}),
      ...(note ? { note } : {}),
    };
  }

  /** Sends a verdict and shows it on the item (with the deal room interest opened); throws the API error for the caller to show. */
  async function sendFeedback(item: RecommendationView, choice: FeedbackChoice): Promise<void> {
    sending.value = item.hit.id;
    try {
      const answer = await matchingApi.feedback(feedbackInput(item, choice));
      items.value = items.value.map((i) => (i.hit.id === item.hit.id ? { ...i, feedback: choice.verdict, deal: answer.deal ?? i.deal } : i));
    } finally {
      sending.value = null;
    }
  }

  /**
   * Subscribes to new listings of the other side about the listing's leading key term: what the
   * empty state offers when nothing fits yet. Returns the term subscribed to, or null without terms.
   */
  async function subscribe(name: (q: string) => string): Promise<string | null> {
    const q = terms.value[0];
    if (!q) {
      return null;
    }
    await savedSearchesApi.create({ kind: kind === 'need' ? 'results' : 'needs', name: name(q).slice(0, 60), params: { q }, subscribed: true });
    return q;
  }

  return { items, terms, loading, error, denied, sending, load, sendFeedback, feedbackInput, subscribe };
}
