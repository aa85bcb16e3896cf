import { jieba } from '../text/segment';
import { TfIdf } from '@node-rs/jieba';
import { idf } from '@node-rs/jieba/dict';
import type { QueryPlan } from '../text/query-plan';

/** Meilisearch reads only the first 10 words of a query. */
export const MEILI_MAX_WORDS = 10;

let tfidf: TfIdf | undefined;

/**
 * The text sent to Meilisearch: the query's words as the embedded engine sees them (jieba words,
 * stop words, punctuation and emoji dropped, synonyms phrases kept whole), at most 10 of them: the
 * 10 most informative by jieba's TF-IDF, in their original order, when there are more. A query of
 * stop words only is empty (every document, newest first, as in the embedded engine).
 */
export function meiliQueryText(plan: QueryPlan): string {
  // Single characters jieba could not join go as a phrase: Meilisearch may drop a word the
  // documents lack, and must never be left matching one character of it (磁 of 磁流变).
  const phrases = new Set(plan.terms.filter((t) => t.phrase).map((t) => t.text));
  const words = plan.terms.map((t) => t.text);
  if (words.length === 0) {
    return '';
  }
  const join = (chosen: readonly string[]) => chosen.map((w) => (phrases.has(w) ? `"${w}"` : w)).join(' ');
  if (words.length <= MEILI_MAX_WORDS) {
    return join(words);
  }
  tfidf ??= TfIdf.withDict(idf);
  const top = new Set(tfidf.extractKeywords(jieba(), words.join(' '), MEILI_MAX_WORDS * 2).map((k) => k.keyword));
  const ranked = words.filter((w) => top.has(w)).slice(0, MEILI_MAX_WORDS);
  const chosen = ranked.length > 0 ? ranked : words.slice(0, MEILI_MAX_WORDS);
  return join(chosen);
}
