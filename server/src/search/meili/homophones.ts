/**
 * What the embedded engine does with its own vocabulary, done for Meilisearch with two hidden
 * fields (see MEILI_HIDDEN in search-config): sub-words of the homophone attributes, so 纤维 finds
 * 碳纤维, and their pinyin, so a homophone typo (碳纤唯) finds 碳纤维 by sound.
 */
import { exactAttributes, MEILI_HIDDEN, type IndexConfig } from '@kezhuan/search-config';
import { highlight, SNIPPET_CHARS, type Needle } from '../text/highlight';
import { normalizeText } from '../text/normalize';
import { findHomophones, hanSyllables } from '../text/pinyin';
import { indexTokens } from '../text/segment';
import { textsOf } from '../text/terms';
import type { SearchDocument, SearchHit } from '../types';

/**
 * The shape of the documents this code sends, stored with each (`_f`): a document of another shape
 * (sent before the hidden fields existed) reports version -1, so a reconciliation re-sends it.
 * 2: listings carry `expiresAt` (filtered at query time). 3: sub-words without jieba's HMM.
 * 4: `_exact`, the whole title and keywords (exactness).
 */
export const MEILI_DOC_FORMAT = 4;

/** Hard separator between texts, so a pinyin phrase never spans two keywords. */
const BETWEEN = '. ';

/** The document as sent to Meilisearch: its own fields plus the two hidden ones. */
export function withHiddenFields(doc: SearchDocument, config: IndexConfig): SearchDocument {
  const texts = config.typoTolerance.homophones.attributes.flatMap((a) => textsOf(doc[a]));
  const sub = new Set(texts.flatMap((t) => indexTokens(t)));
  return {
    ...doc,
    [MEILI_HIDDEN.subWords]: [...sub].join(' '),
    [MEILI_HIDDEN.pinyin]: texts.map((t) => hanSyllables(t).join(' ')).filter(Boolean).join(BETWEEN),
    [MEILI_HIDDEN.exact]: exactValues(doc, config),
    _f: MEILI_DOC_FORMAT,
  };
}

/** The whole values a query may equal (title, each keyword), normalised as a query is. */
export function exactValues(doc: Record<string, unknown>, config: IndexConfig): string[] {
  return [...new Set(exactAttributes(config).flatMap((a) => textsOf(doc[a]).map((t) => normalizeText(t).trim())))].filter(Boolean);
}

/** The hidden fields removed from a stored document. */
export function withoutHiddenFields(doc: Record<string, unknown>): Record<string, unknown> {
  const { [MEILI_HIDDEN.subWords]: _sub, [MEILI_HIDDEN.pinyin]: _py, [MEILI_HIDDEN.exact]: _exact, _f, ...rest } = doc;
  return rest;
}

/** A query's Chinese runs as pinyin phrases, other words kept: the query of the homophone pass. */
export interface HomophoneQuery {
  q: string;
  /** Each Chinese run of the query and its syllables. */
  runs: { text: string; syllables: string[] }[];
}

export function homophoneQuery(q: string): HomophoneQuery | undefined {
  const runs: HomophoneQuery['runs'] = [];
  const parts: string[] = [];
  for (const piece of normalizeText(q).split(/[^\p{L}\p{N}]+/u).filter(Boolean)) {
    for (const m of piece.matchAll(/\p{Script=Han}+|[^\p{Script=Han}]+/gu)) {
      const text = m[0];
      const syllables = hanSyllables(text);
      if (syllables.length >= 2) {
        runs.push({ text, syllables });
        parts.push(`"${syllables.join(' ')}"`);
      } else {
        parts.push(text);
      }
    }
  }
  return runs.length > 0 ? { q: parts.join(' '), runs } : undefined;
}

/**
 * A hit of the homophone pass, marked the way the embedded engine marks it: the words that sound
 * like a run of the query, credited to that run (碳纤唯 marks 碳纤维).
 */
export function homophoneHit(hit: SearchHit, config: IndexConfig, hq: HomophoneQuery): SearchHit {
  const highlights: Record<string, string> = { ...hit.highlights };
  // Pieces of a run (碳纤 of 碳纤唯) are credited to the run when its sound is found, not alone.
  const matched = new Set(hit.matchedTerms.filter((t) => !hq.runs.some((r) => r.text !== t && r.text.includes(t))));
  for (const attr of config.searchable) {
    const texts = textsOf(hit.doc[attr.name]);
    const needles: Needle[] = hq.runs.flatMap((r) => texts.flatMap((t) => findHomophones(t, r.syllables)).map((text) => ({ text: normalizeText(text), term: r.text })));
    if (texts.length === 0 || needles.length === 0) {
      continue;
    }
    const marked = texts.map((t) => highlight(t, needles, attr.snippet ? SNIPPET_CHARS : undefined));
    if (marked.some((m) => m.terms.size > 0)) {
      highlights[attr.name] = marked.map((m) => m.html).join('、');
      marked.forEach((m) => m.terms.forEach((t) => matched.add(t)));
    }
  }
  return { ...hit, highlights, matchedTerms: [...matched] };
}
