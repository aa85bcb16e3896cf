import type { ListingKind } from '@kezhuan/shared';
import { ref } from 'vue';
import { needsApi, resultsApi, type OwnerAction } from '../../../api/listings';

/**
 * Submit, withdraw or confirm (renew) a listing. `run` answers with the listing's new full view;
 * `busy` names the action in flight so its button can spin and the others wait.
 */
export function useListingActions(kind: ListingKind) {
  const busy = ref<OwnerAction | null>(null);

  async function run(id: string, action: OwnerAction) {
    busy.value = action;
    try {
      return kind === 'result' ? await resultsApi.transition(id, action) : await needsApi.transition(id, action);
    } finally {
      busy.value = null;
    }
  }

  return { busy, run };
}
