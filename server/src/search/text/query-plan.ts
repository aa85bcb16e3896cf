import { isAbbreviation } from '@kezhuan/search-config';
import { hasHan, isLatinWord, normalizeText } from './normalize';
import { isStopWord, queryWords, subWordTiling } from './segment';

/**
 * Query shaping shared by both engines: normalise, segment with jieba, drop stop words, attach
 * synonyms and sub-word tilings. Each term lists alternatives; a document matches the term when it
 * contains any alternative (an alternative of several words matches when they occur close together).
 */

export interface QueryTerm {
  /** The term as written in the normalised query (shown in `matchedTerms`). */
  text: string;
  /** Token sequences that satisfy the term; the first is the term itself. */
  alternatives: string[][];
  /** A Latin word or number: prefix search and edit-distance typos apply. */
  latin: boolean;
  /** The last word of a query still being typed: match it as a prefix. */
  prefix: boolean;
  /**
   * Made of single characters jieba could not join into a word (an unknown name, 磁 + 流变): its
   * characters must occur together, never one alone.
   */
  phrase?: boolean;
}

export interface QueryPlan {
  normalized: string;
  terms: QueryTerm[];
}

/** Lookup of synonym groups by normalised term. */
export class SynonymIndex {
  private readonly groups = new Map<string, string[]>();
  readonly longestSpan: number;

  constructor(groups: readonly (readonly string[])[]) {
    let span = 1;
    for (const group of groups) {
      const terms = group.map((t) => normalizeText(t));
      for (const t of terms) {
        const merged = new Set([...(this.groups.get(t) ?? []), ...terms]);
        this.groups.set(t, [...merged]);
        span = Math.max(span, queryWords(t).length);
      }
    }
    this.longestSpan = span;
  }

  /** Every term equivalent to `term`, itself included, or undefined. */
  group(term: string): string[] | undefined {
    return this.groups.get(term);
  }
}

const MAX_TERMS = 24;

function contentWords(text: string): string[] {
  return queryWords(text).filter((w) => !isStopWord(w));
}

/** Splits a query into terms with their alternatives. */
export function planQuery(q: string, synonyms: SynonymIndex): QueryPlan {
  const normalized = normalizeText(q).trim();
  const tokens = queryWords(normalized);
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  const add = (term: QueryTerm) => {
    if (!seen.has(term.text) && terms.length < MAX_TERMS) {
      seen.add(term.text);
      terms.push(term);
    }
  };

  const singles = (at: number) => {
    let end = at;
    while (end < tokens.length && isLoneHan(tokens[end]!)) {
      end++;
    }
    return end;
  };
  for (let i = 0; i < tokens.length; i++) {
    // A run of single Chinese characters (or one glued to the next word): one term, as a phrase.
    // Matching 磁 alone for 磁流变抛光, or 苷 for 人参皂苷, finds what was not meant.
    const end = singles(i);
    if (end > i) {
      const next = tokens[end];
      const span = end - i >= 2 || next === undefined || !isJoinable(next) || synonyms.group(next) ? end : end + 1;
      const parts = tokens.slice(i, span);
      if (parts.length >= 2) {
        const text = parts.join('');
        add({ text, alternatives: [[text], parts], latin: false, prefix: false, phrase: true });
        i = span - 1;
        continue;
      }
    }
    const synonym = longestSynonymAt(tokens, i, synonyms);
    if (synonym) {
      // The term itself first: highlights and scoring prefer it.
      // Abbreviations only when typed: 碳纤维 must not find "CF" (compound fertiliser).
      const others = synonym.group.filter((t) => t !== synonym.text && (!isAbbreviation(t) || isAbbreviation(synonym.text)));
      const ordered = [synonym.text, ...others];
      const alternatives = ordered.map((t) => contentWords(t)).filter((a) => a.length > 0);
      for (const alt of [...alternatives]) {
        const tiling = alt.length === 1 ? subWordTiling(alt[0]!) : undefined;
        if (tiling) {
          alternatives.push(tiling);
        }
      }
      add({ text: synonym.text, alternatives, latin: false, prefix: false });
      i += synonym.span - 1;
      continue;
    }
    const token = tokens[i]!;
    if (isStopWord(token)) {
      continue;
    }
    const alternatives = [[token]];
    const tiling = subWordTiling(token);
    if (tiling) {
      alternatives.push(tiling);
    }
    add({ text: token, alternatives, latin: isLatinWord(token) && !hasHan(token), prefix: false });
  }

  const last = terms.at(-1);
  // Still typing the last Latin word ("deep learn"): match it as a prefix, as Meilisearch does.
  if (last?.latin && /[\p{L}\p{N}]$/u.test(normalized) && normalized.endsWith(last.text)) {
    last.prefix = true;
  }
  return { normalized, terms };
}

/** A single Chinese character that is not a stop word. */
function isLoneHan(token: string): boolean {
  return [...token].length === 1 && hasHan(token) && !isStopWord(token);
}

/** A Chinese word a lone character before it may be glued to. */
function isJoinable(token: string): boolean {
  return hasHan(token) && !isStopWord(token);
}

function longestSynonymAt(
  tokens: readonly string[],
  at: number,
  synonyms: SynonymIndex,
): { text: string; group: string[]; span: number } | undefined {
  for (let span = Math.min(synonyms.longestSpan, tokens.length - at); span >= 1; span--) {
    const slice = tokens.slice(at, at + span);
    for (const text of new Set([slice.join(' '), slice.join('')])) {
      const group = synonyms.group(text);
      if (group) {
        return { text, group, span };
      }
    }
  }
  return undefined;
}
