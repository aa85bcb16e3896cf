/**
 * Does a newly published listing match a saved search? Decided here from the listing's search
 * document, with the same parsing as the search API, so no engine round trip per subscription.
 */
import { needSearchQuery, resultSearchQuery, type SearchKind } from '@kezhuan/shared';
import { indexTokens } from '../../search/text/segment';
import type { FilterValue, SearchDocument } from '../../search/types';
import { termsFoundIn } from '../matching/key-terms';
import { needEngineQuery, resultEngineQuery } from '../discovery/search-query';

const TEXT_FIELDS: Record<SearchKind, string[]> = {
  results: ['title', 'keywords', 'summary', 'advantages', 'applications', 'orgName'],
  needs: ['title', 'keywords', 'problem', 'desiredOutcome', 'orgName'],
};

function filterMatches(value: unknown, filter: FilterValue): boolean {
  if (typeof filter === 'object' && filter !== null && !Array.isArray(filter)) {
    const range = filter as { min?: number; max?: number };
    return typeof value === 'number' && (range.min === undefined || value >= range.min) && (range.max === undefined || value <= range.max);
  }
  const wanted = (Array.isArray(filter) ? filter : [filter]).map(String);
  const have = (Array.isArray(value) ? value : [value]).map(String);
  return have.some((v) => wanted.includes(v));
}

/** True when every filter holds and every word of the text query occurs (or a synonym of it). */
export function savedSearchMatches(kind: SearchKind, params: unknown, doc: SearchDocument): boolean {
  // Searches saved without any filter before params were kept empty have none at all: match all.
  const parsed = (kind === 'results' ? resultSearchQuery : needSearchQuery).safeParse(params ?? {});
  if (!parsed.success) {
    return false;
  }
  const q = kind === 'results' ? resultEngineQuery(parsed.data as never) : needEngineQuery(parsed.data as never);
  for (const [field, filter] of Object.entries(q.filters ?? {})) {
    if (!filterMatches(doc[field], filter)) {
      return false;
    }
  }
  const words = [...new Set(indexTokens(q.q))];
  if (words.length === 0) {
    return true;
  }
  const text = TEXT_FIELDS[kind].map((f) => (Array.isArray(doc[f]) ? (doc[f] as unknown[]).join(' ') : String(doc[f] ?? ''))).join(' ');
  return termsFoundIn(words, text).length === words.length;
}
