import type { Needle } from './highlight';
import { hasHan, normalizeText } from './normalize';
import type { QueryPlan } from './query-plan';
import { isStopWord, queryWords } from './segment';

/** The strings to mark for a plan: every token of every alternative of every term. */
export function planNeedles(plan: QueryPlan): Needle[] {
  const needles: Needle[] = [];
  for (const term of plan.terms) {
    for (const alt of term.alternatives) {
      if (alt.length > 1 && !alt.some(hasHan)) {
        needles.push({ text: alt.join(' '), term: term.text });
      }
      for (const token of alt) {
        needles.push({ text: token, term: term.text, prefix: term.prefix });
      }
    }
  }
  return needles;
}

/**
 * Query terms a document satisfies: some alternative has all its tokens in the document's
 * normalised searchable text (a prefix term also matches a longer word).
 */
export function matchedTermsIn(plan: QueryPlan, normalizedText: string): string[] {
  return plan.terms
    .filter((term) => term.alternatives.some((alt) => alt.every((token) => normalizedText.includes(token))))
    .map((t) => t.text);
}

/** A string value, or the strings of an array value; nothing for other types. */
export function textsOf(value: unknown): string[] {
  if (typeof value === 'string') {
    return value ? [value] : [];
  }
  if (Array.isArray(value)) {
    return value.filter((v): v is string => typeof v === 'string' && v.length > 0);
  }
  return [];
}

/**
 * Search-as-you-type candidates of a document, normalised form → display form: each keyword,
 * each title, and the words inside them (two characters or more, no stop words), so 碳纤 completes
 * to 碳纤维 even when no title starts with it.
 */
export function suggestionCandidates(doc: Record<string, unknown>, attributes: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const attr of attributes) {
    for (const text of textsOf(doc[attr])) {
      const display = text.trim().slice(0, 80);
      const norm = normalizeText(display);
      if (norm) {
        out.set(norm, display);
      }
      for (const w of queryWords(norm)) {
        if ([...w].length >= 2 && !isStopWord(w) && !/^\d+$/.test(w) && !out.has(w)) {
          out.set(w, w);
        }
      }
    }
  }
  return out;
}
