import { NEED_SORTS, RESULT_SORTS, type SearchKind } from '@kezhuan/shared';
import type { VocabName } from '../../utils/vocab';

/** Filters the search page offers; the name is both the query parameter and the facet key in answers. */
export type FacetName =
  | 'industry'
  | 'discipline'
  | 'maturity'
  | 'transferModes'
  | 'cooperationModes'
  | 'priceBand'
  | 'budgetBand'
  | 'city'
  | 'orgType';

/** The facets of each search, in the order the panel shows them. */
export const FACETS: Record<SearchKind, readonly FacetName[]> = {
  results: ['industry', 'discipline', 'maturity', 'transferModes', 'priceBand', 'city', 'orgType'],
  needs: ['industry', 'discipline', 'cooperationModes', 'budgetBand', 'city', 'orgType'],
};

/** Which vocabulary labels (and validates) each facet's values. */
export const FACET_VOCAB: Record<FacetName, VocabName> = {
  industry: 'industry',
  discipline: 'discipline',
  maturity: 'maturity',
  transferModes: 'transferMode',
  cooperationModes: 'cooperationMode',
  priceBand: 'band',
  budgetBand: 'band',
  city: 'city',
  orgType: 'orgType',
};

export const SORTS: Record<SearchKind, readonly string[]> = { results: RESULT_SORTS, needs: NEED_SORTS };
