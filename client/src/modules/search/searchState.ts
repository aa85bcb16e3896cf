import type { SearchKind } from '@kezhuan/shared';
import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type { SearchParams } from '../../api/matching';
import { isTerm } from '../../utils/vocab';
import { FACETS, FACET_VOCAB, SORTS, type FacetName } from './facets';

/** The whole search as the URL holds it. */
export interface SearchState {
  q: string;
  sort: string;
  page: number;
  filters: Partial<Record<FacetName, string[]>>;
}

export const DEFAULT_SORT = 'relevance';
const Q_MAX = 200;
const PAGE_MAX = 10_000;

function values(raw: LocationQuery[string] | undefined): string[] {
  const list = Array.isArray(raw) ? raw : [raw];
  return list.filter((v): v is string => typeof v === 'string');
}

/** Reads a search from a query string; unknown sorts, facets and values are dropped, not sent. */
export function parseSearchState(kind: SearchKind, query: LocationQuery): SearchState {
  const q = (values(query.q)[0] ?? '').trim().slice(0, Q_MAX);
  const sortRaw = values(query.sort)[0] ?? DEFAULT_SORT;
  const pageRaw = Number(values(query.page)[0] ?? '1');
  const filters: SearchState['filters'] = {};
  for (const facet of FACETS[kind]) {
    const picked = [...new Set(values(query[facet]).filter((v) => isTerm(FACET_VOCAB[facet], v)))];
    if (picked.length) {
      filters[facet] = picked;
    }
  }
  return {
    q,
    sort: SORTS[kind].includes(sortRaw) ? sortRaw : DEFAULT_SORT,
    page: Number.isInteger(pageRaw) && pageRaw >= 1 && pageRaw <= PAGE_MAX ? pageRaw : 1,
    filters,
  };
}

/** The search's parameters without the page: what a saved search stores and an export takes. */
export function searchParamsOf(state: SearchState): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  if (state.q) {
    out.q = state.q;
  }
  if (state.sort !== DEFAULT_SORT) {
    out.sort = state.sort;
  }
  for (const [facet, picked] of Object.entries(state.filters)) {
    if (picked.length) {
      out[facet] = [...picked];
    }
  }
  return out;
}

/** The query string for the URL: defaults left out so shared links stay short. */
export function searchStateToQuery(state: SearchState): LocationQueryRaw {
  const query: LocationQueryRaw = searchParamsOf(state);
  if (state.page > 1) {
    query.page = String(state.page);
  }
  return query;
}

/** The API request for a search page. */
export function searchStateToParams(state: SearchState, pageSize: number): SearchParams {
  return { ...searchParamsOf(state), page: state.page, pageSize };
}

/** Number of filter values chosen. */
export function filterCount(state: SearchState): number {
  return Object.values(state.filters).reduce((n, picked) => n + picked.length, 0);
}
