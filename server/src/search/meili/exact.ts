import { MEILI_HIDDEN } from '@kezhuan/search-config';
import type { Meilisearch, SearchParams } from 'meilisearch';
import { quoteFilterValue } from './filters';

/**
 * Exactness as the embedded engine has it: a listing whose title or one of whose keywords *is* the
 * whole query ranks before every other match (papers about 小麦 before papers that mention 冬小麦
 * three times). Meilisearch's `exactness` rule cannot say so: it comes after `proximity` and counts
 * exact words, not one whole keyword among several, and a listing that merely mentions the word in
 * its title won. The engine stores the whole values in the hidden filterable `_exact` and pages
 * through one list: the exact matches (Meilisearch's order), then every other match (its order).
 */

/** What a page of search answers, as the engine reads it. */
export interface PageAnswer {
  hits: Record<string, unknown>[];
  totalHits: number;
  facetDistribution?: Record<string, Record<string, number>>;
}

type Filter = SearchParams['filter'];

/** `filter` AND `clause` (Meilisearch ANDs the entries of an array; a string is one entry). */
export function andFilter(filter: Filter, clause: string): string[] {
  if (filter === undefined || filter === null || filter === '') {
    return [clause];
  }
  return [...(Array.isArray(filter) ? filter : [filter]), clause] as string[];
}

export const exactClause = (key: string) => `${MEILI_HIDDEN.exact} = ${quoteFilterValue(key)}`;
export const notExactClause = (key: string) => `NOT ${MEILI_HIDDEN.exact} = ${quoteFilterValue(key)}`;

/**
 * One page of `text` with the listings whose `_exact` holds `key` first. One multi-search (exact
 * page, the others' page as if there were no exact match, total and facets of the whole query);
 * a second request only past the first page when there are exact matches (the others' offset
 * shifts by their number).
 */
export async function exactFirstPage(
  client: Meilisearch,
  indexUid: string,
  text: string,
  key: string,
  params: SearchParams & { page: number; hitsPerPage: number },
): Promise<PageAnswer> {
  const { page, hitsPerPage, facets, ...rest } = params;
  const from = (page - 1) * hitsPerPage;
  const base = { ...rest, indexUid, q: text };
  const { results } = await client.multiSearch({
    queries: [
      { ...base, filter: andFilter(params.filter, exactClause(key)), page, hitsPerPage },
      { ...base, filter: andFilter(params.filter, notExactClause(key)), offset: from, limit: hitsPerPage },
      { indexUid, q: text, filter: params.filter, attributesToSearchOn: params.attributesToSearchOn, locales: params.locales, matchingStrategy: params.matchingStrategy, facets, page: 1, hitsPerPage: 0 },
    ],
  });
  const [exact, others, whole] = results as unknown as [PageAnswer, PageAnswer, PageAnswer];
  const n = exact.totalHits;
  let tail = others.hits;
  if (n > 0 && from > 0) {
    // The others start at position n: this page needs them from offset from - n (when it is past the exact ones).
    const start = Math.max(from, n);
    tail =
      start < from + hitsPerPage
        ? (await client.index(indexUid).search(text, { ...rest, filter: andFilter(params.filter, notExactClause(key)), offset: start - n, limit: from + hitsPerPage - start })).hits
        : [];
  }
  const hits = [...exact.hits, ...tail].slice(0, hitsPerPage);
  return { hits, totalHits: Math.max(whole.totalHits, n), facetDistribution: whole.facetDistribution };
}
