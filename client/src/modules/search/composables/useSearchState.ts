import type { SearchKind } from '@kezhuan/shared';
import { computed, toValue, type MaybeRefOrGetter } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import type { FacetName } from '../facets';
import { parseSearchState, searchStateToQuery, type SearchState } from '../searchState';

/**
 * The search state lives in the URL: reading parses the query string, every change pushes a new
 * history entry (so links are shareable and Back undoes a filter). Changing anything but the page
 * goes back to page 1.
 */
export function useSearchState(kind: MaybeRefOrGetter<SearchKind>) {
  const route = useRoute();
  const router = useRouter();
  const state = computed(() => parseSearchState(toValue(kind), route.query));

  function update(patch: Partial<SearchState>): Promise<unknown> {
    const next: SearchState = { ...state.value, ...patch, page: patch.page ?? 1 };
    return router.push({ path: route.path, query: searchStateToQuery(next) });
  }

  function toggle(facet: FacetName, value: string, on: boolean): Promise<unknown> {
    const current = state.value.filters[facet] ?? [];
    const picked = on ? [...new Set([...current, value])] : current.filter((v) => v !== value);
    return update({ filters: { ...state.value.filters, [facet]: picked } });
  }

  function clearFilters(): Promise<unknown> {
    return update({ filters: {} });
  }

  return { state, update, toggle, clearFilters };
}
