import type { IndexConfig } from '@kezhuan/search-config';
import { editDistance } from '../text/edit-distance';
import { highlight, SNIPPET_CHARS } from '../text/highlight';
import { escapeHtml, isLatinWord, normalizeText } from '../text/normalize';
import type { QueryPlan } from '../text/query-plan';
import { matchedTermsIn, textsOf } from '../text/terms';
import type { SearchHit } from '../types';
import { withoutHiddenFields } from './homophones';

/** Highlight tags asked of Meilisearch: control characters no listing contains, replaced after escaping. */
export const PRE_TAG = '\u0002';
export const POST_TAG = '\u0003';

/** Meilisearch's highlighted text → HTML: every piece escaped, the tagged ones in <mark>. */
export function markedHtml(formatted: string): { html: string; fragments: string[] } {
  const fragments: string[] = [];
  let html = '';
  // Adjacent matches (融雪 + 剂) become one mark, as in the embedded engine.
  for (const [i, part] of formatted.replaceAll(POST_TAG + PRE_TAG, '').split(PRE_TAG).entries()) {
    if (i === 0) {
      html += escapeHtml(part.replaceAll(POST_TAG, ''));
      continue;
    }
    const end = part.indexOf(POST_TAG);
    const inside = end < 0 ? part : part.slice(0, end);
    const after = end < 0 ? '' : part.slice(end + POST_TAG.length);
    fragments.push(inside);
    html += `<mark>${escapeHtml(inside)}</mark>${escapeHtml(after.replaceAll(POST_TAG, ''))}`;
  }
  return { html, fragments };
}

/** True when a highlighted fragment is (part of) a token of the term, or a typo of it. */
function fragmentMatches(fragment: string, token: string): boolean {
  if (fragment.includes(token) || token.includes(fragment)) {
    return true;
  }
  return isLatinWord(token) && isLatinWord(fragment) && editDistance(fragment, token, 2) <= 2;
}

/** Converts one Meilisearch hit into the contract's shape. */
export function toSearchHit(raw: Record<string, unknown>, config: IndexConfig, plan: QueryPlan): SearchHit {
  const { _formatted, _matchesPosition, _rankingScore, ...stored } = raw;
  const doc = withoutHiddenFields(stored);
  void _matchesPosition;
  void _rankingScore;
  const highlights: Record<string, string> = {};
  if (_formatted === undefined) {
    // Not asked for (no text): the same escaped texts and snippets as the embedded engine gives.
    for (const attr of config.searchable) {
      const pieces = textsOf(doc[attr.name]);
      if (pieces.length > 0) {
        highlights[attr.name] = pieces.map((x) => highlight(x, [], attr.snippet ? SNIPPET_CHARS : undefined).html).join('、');
      }
    }
    return { id: String(doc.id), doc, highlights, matchedTerms: [] };
  }
  const formatted = _formatted as Record<string, unknown>;
  const fragments: string[] = [];
  const texts: string[] = [];
  for (const attr of config.searchable) {
    const pieces = textsOf(formatted[attr.name]);
    if (pieces.length === 0) {
      continue;
    }
    const marked = pieces.map(markedHtml);
    highlights[attr.name] = marked.map((m) => m.html).join('、');
    fragments.push(...marked.flatMap((m) => m.fragments.map(normalizeText)));
    texts.push(...textsOf(doc[attr.name]));
  }
  const matched = new Set(matchedTermsIn(plan, normalizeText(texts.join('\n'))));
  for (const term of plan.terms) {
    if (term.alternatives.some((alt) => alt.some((tok) => fragments.some((f) => fragmentMatches(f, tok))))) {
      matched.add(term.text);
    }
  }
  return { id: String(doc.id), doc, highlights, matchedTerms: plan.terms.map((t) => t.text).filter((t) => matched.has(t)) };
}
