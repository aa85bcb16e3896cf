import type { IndexConfig, IndexName, TypoToleranceConfig } from './types';
import { INSTRUMENT_SYNONYM_GROUPS, STOP_WORDS, SYNONYM_GROUPS } from './vocabulary';

/**
 * Ranking rules for Meilisearch. `sort` right after `words`: an explicit sort (price, date) orders
 * every document that matches all the query words, instead of only breaking ties of relevance.
 */
const RANKING_RULES = ['words', 'sort', 'typo', 'proximity', 'exactness', 'attributeRank', 'wordPosition'] as const;

/**
 * The unique key that breaks every remaining tie, in both engines (Meilisearch: a last custom
 * ranking rule; embedded: the last ORDER BY term): equal dates or equal relevance never leave the
 * order to an engine's internal ids, so paging shows every listing once, even when one page is
 * answered by the fallback engine.
 */
export const TIE_BREAK = { field: 'id', order: 'desc' } as const;

const TYPO_TOLERANCE: TypoToleranceConfig = {
  enabled: true,
  minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
  disableOnWords: [],
  disableOnAttributes: ['orgName'],
  disableOnNumbers: true,
  homophones: { attributes: ['title', 'keywords'], minHits: 3 },
};

const BANDS = { kind: 'keyword' } as const;

/**
 * Column weights (embedded engine's bm25): title and author-chosen keywords count ten times the
 * long texts. Measured on the ChinaXiv keyword queries (4,947, MRR@10): title 10 / keywords 6 /
 * summary 3 → 0.728; 10 / 10 / 1 → 0.760 (Meilisearch with the same attribute order: 0.769).
 */

/** 科技成果: what a university or institute offers. */
const results: IndexConfig = {
  name: 'results',
  primaryKey: 'id',
  searchable: [
    { name: 'title', weight: 10 },
    { name: 'keywords', weight: 10 },
    { name: 'summary', weight: 1, snippet: true },
    { name: 'advantages', weight: 1, snippet: true },
    { name: 'applications', weight: 1, snippet: true },
    { name: 'orgName', weight: 2 },
  ],
  filterable: [
    { name: 'discipline', kind: 'keyword' },
    { name: 'industry', kind: 'keyword' },
    { name: 'maturity', kind: 'keyword' },
    { name: 'transferModes', kind: 'keywords' },
    { name: 'ipStatus', kind: 'keyword' },
    { name: 'city', kind: 'keyword' },
    { name: 'orgType', kind: 'keyword' },
    { name: 'orgId', kind: 'keyword' },
    { name: 'status', kind: 'keyword' },
    { name: 'priceBand', ...BANDS },
    { name: 'price', kind: 'number' },
    { name: 'publishedAt', kind: 'number' },
    { name: 'expiresAt', kind: 'number' },
  ],
  sortable: ['publishedAt', 'price'],
  defaultSort: { field: 'publishedAt', order: 'desc' },
  displayed: ['*'],
  suggest: ['title', 'keywords'],
  rankingRules: RANKING_RULES,
  synonyms: SYNONYM_GROUPS,
  stopWords: STOP_WORDS,
  typoTolerance: TYPO_TOLERANCE,
  maxValuesPerFacet: 200,
  maxTotalHits: 10_000,
};

/** 技术需求: what a company needs solved. */
const needs: IndexConfig = {
  name: 'needs',
  primaryKey: 'id',
  searchable: [
    { name: 'title', weight: 10 },
    { name: 'keywords', weight: 10 },
    { name: 'problem', weight: 1, snippet: true },
    { name: 'desiredOutcome', weight: 1, snippet: true },
    { name: 'orgName', weight: 0.5 },
  ],
  filterable: [
    { name: 'discipline', kind: 'keyword' },
    { name: 'industry', kind: 'keyword' },
    { name: 'cooperationModes', kind: 'keywords' },
    { name: 'city', kind: 'keyword' },
    { name: 'orgType', kind: 'keyword' },
    { name: 'orgId', kind: 'keyword' },
    { name: 'status', kind: 'keyword' },
    { name: 'budgetBand', ...BANDS },
    { name: 'budgetMin', kind: 'number' },
    { name: 'budgetMax', kind: 'number' },
    { name: 'deadline', kind: 'number' },
    { name: 'publishedAt', kind: 'number' },
    { name: 'expiresAt', kind: 'number' },
  ],
  sortable: ['publishedAt', 'budgetMax', 'deadline'],
  defaultSort: { field: 'publishedAt', order: 'desc' },
  displayed: ['*'],
  suggest: ['title', 'keywords'],
  rankingRules: RANKING_RULES,
  synonyms: SYNONYM_GROUPS,
  stopWords: STOP_WORDS,
  typoTolerance: TYPO_TOLERANCE,
  maxValuesPerFacet: 200,
  maxTotalHits: 10_000,
};

/**
 * 大型科学仪器: the instruments universities and institutes share (issue 16). The name counts most,
 * then the model and maker (people search 600MHz, Bruker, JEM-2100F), then the parameters and the
 * description; homophone typos are forgiven on the name. `operatorRequired` is stored as the
 * string 'true' / 'false' (a keyword facet like the others); `expiresAt` is never set (instruments
 * do not expire) but is filterable so the engines' shared expiry check stays valid on this index.
 */
const instruments: IndexConfig = {
  name: 'instruments',
  primaryKey: 'id',
  searchable: [
    { name: 'name', weight: 10 },
    { name: 'model', weight: 6 },
    { name: 'manufacturer', weight: 3 },
    { name: 'params', weight: 1, snippet: true },
    { name: 'description', weight: 1, snippet: true },
    { name: 'orgName', weight: 2 },
  ],
  filterable: [
    { name: 'category', kind: 'keyword' },
    { name: 'city', kind: 'keyword' },
    { name: 'orgId', kind: 'keyword' },
    { name: 'priceUnit', kind: 'keyword' },
    { name: 'operatorRequired', kind: 'keyword' },
    { name: 'status', kind: 'keyword' },
    { name: 'price', kind: 'number' },
    { name: 'updatedAt', kind: 'number' },
    { name: 'expiresAt', kind: 'number' },
  ],
  sortable: ['updatedAt', 'price'],
  defaultSort: { field: 'updatedAt', order: 'desc' },
  // Listed (not '*'): the result cards also need the stored opening hours and first photo, which are neither searchable nor filterable.
  displayed: ['id', '_v', 'name', 'model', 'manufacturer', 'params', 'description', 'orgName', 'category', 'city', 'orgId', 'priceUnit', 'price', 'operatorRequired', 'status', 'updatedAt', 'openingHours', 'photo'],
  suggest: ['name', 'model'],
  rankingRules: RANKING_RULES,
  synonyms: [...SYNONYM_GROUPS, ...INSTRUMENT_SYNONYM_GROUPS],
  stopWords: STOP_WORDS,
  typoTolerance: { ...TYPO_TOLERANCE, homophones: { attributes: ['name'], minHits: 3 } },
  maxValuesPerFacet: 200,
  maxTotalHits: 10_000,
};

/**
 * Attributes whose whole value a query may equal (a title, a keyword): the searchable ones among
 * the suggestion attributes. Both engines rank such a listing first (exactness).
 */
export const exactAttributes = (config: IndexConfig): string[] => config.suggest.filter((a) => config.searchable.some((s) => s.name === a));

/** Settings of every index, read by both engines. */
export const SEARCH_CONFIG: Readonly<Record<IndexName, IndexConfig>> = { results, needs, instruments };
