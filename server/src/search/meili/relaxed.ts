import type { IndexConfig } from '@kezhuan/search-config';
import { highlight, SNIPPET_CHARS } from '../text/highlight';
import { normalizeText } from '../text/normalize';
import type { QueryPlan, QueryTerm } from '../text/query-plan';
import { matchedTermsIn, planNeedles, textsOf } from '../text/terms';
import type { SearchHit } from '../types';
import { withoutHiddenFields } from './homophones';

/**
 * Meilisearch's `frequency` strategy drops the commonest words first and never the rarest: a
 * listing without the query's rarest word is not found at all, however much else of a long query it
 * says. The engine therefore also asks for the query without its rarest word and merges the
 * listings that lack that word into the first RELAX_WINDOW positions, ranked as the embedded
 * engine ranks partial matches: by the rarity (BM25 IDF) of the query words each contains.
 *
 * Paging stays stable: the window is fixed, the full query's own order is kept inside it, and past
 * it the full query continues where the window left it (shifted by the listings merged in).
 */
export const RELAX_WINDOW = 100;

/** BM25's IDF of a word found in `df` of `n` documents. */
export const idf = (n: number, df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));

/** The document's searchable text, normalised: what a term is looked for in. */
export function searchableText(raw: Record<string, unknown>, config: IndexConfig): string {
  return normalizeText(config.searchable.flatMap((a) => textsOf(raw[a.name])).join('\n'));
}

/** Characters allowed between two consecutive query words for them to count as side by side (的, 与, 和 …). */
const PAIR_GAP = 3;

/** True when the text has `b` starting at most PAIR_GAP characters after an occurrence of `a`. */
export function sideBySide(text: string, a: string, b: string): boolean {
  for (let at = text.indexOf(a); at >= 0; at = text.indexOf(a, at + 1)) {
    const next = text.indexOf(b, at + a.length);
    if (next < 0) {
      return false;
    }
    if (next - at - a.length <= PAIR_GAP) {
      return true;
    }
  }
  return false;
}

/**
 * Sum of the weights of the plan's terms the text contains, plus, for each two consecutive query
 * words the text has side by side, the rarer one's weight (the embedded engine's rule: a listing
 * that says 余热回收 beats one with 余热 and 回收 in different sentences).
 */
export function coverage(plan: QueryPlan, text: string, weight: ReadonlyMap<string, number>): number {
  const matched = new Set(matchedTermsIn(plan, text));
  let cov = [...matched].reduce((sum, t) => sum + (weight.get(t) ?? 0), 0);
  plan.terms.forEach((a, i) => {
    const b = plan.terms[i + 1];
    if (b && matched.has(a.text) && matched.has(b.text) && sideBySide(text, a.text, b.text)) {
      cov += Math.min(weight.get(a.text) ?? 0, weight.get(b.text) ?? 0);
    }
  });
  return cov;
}

export interface Ranked {
  raw: Record<string, unknown>;
  cov: number;
}

/**
 * Merges the full query's hits (in Meilisearch's order) with the hits that lack the rarest word:
 * one of the latter goes first when it covers strictly more of the query's rarity. Neither list is
 * reordered, so the full query's hits keep their relative order.
 */
export function mergeRanked(full: readonly Ranked[], extra: readonly Ranked[], limit: number): { merged: Ranked[]; extraIn: number } {
  const merged: Ranked[] = [];
  let i = 0;
  let j = 0;
  let extraIn = 0;
  while (merged.length < limit && (i < full.length || j < extra.length)) {
    const a = full[i];
    const b = extra[j];
    if (b && (!a || b.cov > a.cov)) {
      merged.push(b);
      j++;
      extraIn++;
    } else {
      merged.push(a!);
      i++;
    }
  }
  return { merged, extraIn };
}

/**
 * The first `limit` positions of a relaxed query. The full query's first `whole` hits have every
 * word (Meilisearch's `words` rule ranks them first): they keep Meilisearch's order (exactness,
 * proximity, attribute) and stay ahead of every listing that lacks a word, however the local
 * coverage counts it (a substring test, blind to how Meilisearch matched: sub-words, typos,
 * synonyms). Behind them, the full query's partial matches and the listings only the relaxed
 * queries found, by the rarity they cover (ties keep the merge order). The full query's hits in
 * the window are its first ones, so past the window it continues at its offset minus `extraIn`.
 */
export function relaxedWindow(full: readonly Ranked[], extra: readonly Ranked[], whole: number, limit: number): { window: Ranked[]; extraIn: number } {
  const head = full.slice(0, Math.max(0, Math.min(whole, limit)));
  const { merged, extraIn } = mergeRanked(full.slice(head.length), extra, limit - head.length);
  const rest = merged.map((h, i) => ({ h, i })).sort((a, b) => b.h.cov - a.h.cov || a.i - b.i).map((x) => x.h);
  return { window: [...head, ...rest], extraIn };
}

/** Listings in the index, listings containing each term, listings (filtered) containing every word. */
export interface TermStats {
  n: number;
  df: Map<string, number>;
  whole: number;
}

/** A hit built from a retrieved document, marked as the embedded engine marks its hits. */
export function localHit(raw: Record<string, unknown>, config: IndexConfig, plan: QueryPlan): SearchHit {
  const { _formatted, _matchesPosition, _rankingScore, ...stored } = raw;
  void _formatted;
  void _matchesPosition;
  void _rankingScore;
  const doc = withoutHiddenFields(stored);
  const needles = planNeedles(plan);
  const highlights: Record<string, string> = {};
  for (const attr of config.searchable) {
    const texts = textsOf(doc[attr.name]);
    if (texts.length > 0) {
      highlights[attr.name] = texts.map((x) => highlight(x, needles, attr.snippet ? SNIPPET_CHARS : undefined).html).join('、');
    }
  }
  return { id: String(doc.id), doc, highlights, matchedTerms: matchedTermsIn(plan, searchableText(doc, config)) };
}

/** The term the full query cannot do without under `frequency`: the one fewest documents contain. */
export function rarest(terms: readonly QueryTerm[], df: ReadonlyMap<string, number>): QueryTerm | undefined {
  let best: QueryTerm | undefined;
  for (const t of terms) {
    if (!best || (df.get(t.text) ?? 0) < (df.get(best.text) ?? 0)) {
      best = t;
    }
  }
  return best;
}
