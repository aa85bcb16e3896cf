import type { SearchKind, SearchResponse } from '@kezhuan/shared';
import { ref, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue';
import { searchApi } from '../../../api/matching';
import { searchStateToParams, type SearchState } from '../searchState';

export const SEARCH_PAGE_SIZE = 10;

/**
 * Runs the search whenever the state changes; a newer search aborts the one in flight, so a slow
 * answer can never replace a newer one.
 */
export function useSearchResults(kind: MaybeRefOrGetter<SearchKind>, state: MaybeRefOrGetter<SearchState>, pageSize = SEARCH_PAGE_SIZE) {
  const response = shallowRef<SearchResponse | null>(null);
  const loading = ref(false);
  const error = shallowRef<unknown>(null);
  let controller: AbortController | null = null;

  async function run(): Promise<void> {
    controller?.abort();
    const mine = new AbortController();
    controller = mine;
    loading.value = true;
    error.value = null;
    try {
      const answer = await searchApi.search(toValue(kind), searchStateToParams(toValue(state), pageSize), mine.signal);
      if (controller === mine) {
        response.value = answer;
      }
    } catch (err) {
      if (controller === mine) {
        error.value = err;
        response.value = null;
      }
    } finally {
      if (controller === mine) {
        loading.value = false;
      }
    }
  }

  watch(
    () => JSON.stringify([toValue(kind), toValue(state)]),
    () => void run(),
    { immediate: true },
  );

  return { response, loading, error, reload: run };
}
