import type { NeedSearchQuery, ResultSearchQuery, SearchKind } from '@kezhuan/shared';
import type { FilterValue, SearchQuery } from '../../search/types';

export const RESULT_FACETS = ['discipline', 'industry', 'maturity', 'transferModes', 'city', 'orgType', 'priceBand'] as const;
export const NEED_FACETS = ['discipline', 'industry', 'cooperationModes', 'city', 'orgType', 'budgetBand'] as const;

const SORTS: Record<string, SearchQuery['sort']> = {
  relevance: null,
  newest: { field: 'publishedAt', order: 'desc' },
  price_asc: { field: 'price', order: 'asc' },
  price_desc: { field: 'price', order: 'desc' },
  budget_desc: { field: 'budgetMax', order: 'desc' },
  deadline_asc: { field: 'deadline', order: 'asc' },
};

function range(min?: number, max?: number): FilterValue | undefined {
  if (min === undefined && max === undefined) {
    return undefined;
  }
  return { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
}

/** Drops empty filters so the engines see only what was asked. */
function compact(filters: Record<string, FilterValue | undefined>): Record<string, FilterValue> {
  const out: Record<string, FilterValue> = {};
  for (const [k, v] of Object.entries(filters)) {
    if (v !== undefined && !(Array.isArray(v) && v.length === 0)) {
      out[k] = v;
    }
  }
  return out;
}

/** The engine query for a validated search of research results. */
export function resultEngineQuery(q: ResultSearchQuery): SearchQuery {
  return {
    q: q.q,
    filters: compact({
      discipline: q.discipline,
      industry: q.industry,
      city: q.city,
      orgType: q.orgType,
      maturity: q.maturity,
      transferModes: q.transferModes,
      priceBand: q.priceBand,
      price: range(q.priceMin, q.priceMax),
    }),
    facets: RESULT_FACETS,
    // Without text, relevance means nothing: newest first.
    sort: SORTS[q.sort === 'relevance' && !q.q ? 'newest' : q.sort] ?? null,
    page: q.page,
    pageSize: q.pageSize,
    // Listings that expired since the last sweep are already gone.
    activeAt: Date.now(),
  };
}

/** The engine query for a validated search of technology needs. */
export function needEngineQuery(q: NeedSearchQuery): SearchQuery {
  return {
    q: q.q,
    filters: compact({
      discipline: q.discipline,
      industry: q.industry,
      city: q.city,
      orgType: q.orgType,
      cooperationModes: q.cooperationModes,
      budgetBand: q.budgetBand,
      budgetMax: range(q.budgetMin, undefined),
      budgetMin: range(undefined, q.budgetMax),
    }),
    facets: NEED_FACETS,
    sort: SORTS[q.sort === 'relevance' && !q.q ? 'newest' : q.sort] ?? null,
    page: q.page,
    pageSize: q.pageSize,
    // Listings that expired since the last sweep are already gone.
    activeAt: Date.now(),
  };
}

export function indexOf(kind: SearchKind): 'results' | 'needs' {
  return kind;
}
