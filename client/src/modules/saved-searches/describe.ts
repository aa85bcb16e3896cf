import type { SavedSearchView } from '@kezhuan/shared';
import { termLabel } from '../../utils/vocab';
import { FACETS, FACET_VOCAB } from '../search/facets';
import { parseSearchState } from '../search/searchState';

/** A saved search's parameters as readable chips: the words, then each chosen filter value. */
export function describeSavedSearch(search: SavedSearchView): { q: string; sort: string; terms: string[] } {
  const state = parseSearchState(search.kind, search.params);
  const terms = FACETS[search.kind].flatMap((f) => (state.filters[f] ?? []).map((v) => termLabel(FACET_VOCAB[f], v)));
  return { q: state.q, sort: state.sort, terms };
}
