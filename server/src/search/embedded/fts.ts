import type { IndexConfig } from '@kezhuan/search-config';
import type Database from 'better-sqlite3';
import { hanSyllables } from '../text/pinyin';
import type { QueryPlan, QueryTerm } from '../text/query-plan';
import { editDistance } from '../text/edit-distance';
import { hasHan } from '../text/normalize';
import { ident, type IndexLayout } from './schema';

/**
 * Turns a query plan into FTS5 MATCH expressions. A term is `{c0 c1 …} : (alt1 OR alt2 …)`; an
 * alternative of several tokens must occur NEAR (Latin: as a phrase). The typo pass adds, for
 * Latin words absent from the index, the indexed words within edit distance, and for Chinese
 * words absent from the index, the pinyin column (homophones).
 */

/** One term as matched: its FTS expression, and the pinyin syllables when it is a homophone term. */
export interface MatchTerm {
  text: string;
  expr: string;
  syllables?: string[];
  /** Extra needles to highlight (typo corrections). */
  corrections?: string[];
  /** The term's own single word as an FTS phrase (for the proximity boost), when it has one. */
  head?: string;
  /** True when the term is the plan's own (not merged or corrected by the typo pass). */
  exact?: boolean;
}

const quote = (token: string) => `"${token.replace(/"/g, '""')}"`;

function alternativeExpr(alt: readonly string[], prefix: boolean): string {
  if (alt.length === 1) {
    return quote(alt[0]!) + (prefix ? '*' : '');
  }
  if (!alt.some(hasHan)) {
    return alt.map(quote).join(' + ');
  }
  return `NEAR(${alt.map(quote).join(' ')}, ${alt.length * 3})`;
}

/** The column filter for the text columns (the pinyin column only answers homophone terms). */
export function textColumns(l: IndexLayout): string {
  return `{${l.ftsColumns.join(' ')}}`;
}

/** Exact terms: the term, its synonyms and tilings, the last Latin word as a prefix. */
export function exactTerms(plan: QueryPlan, l: IndexLayout): MatchTerm[] {
  return plan.terms.map((t) => ({
    text: t.text,
    expr: `${textColumns(l)} : (${t.alternatives.map((a) => alternativeExpr(a, t.prefix)).join(' OR ')})`,
    head: t.alternatives[0]?.length === 1 ? alternativeExpr(t.alternatives[0], t.prefix) : undefined,
    exact: true,
  }));
}

/** Vocabulary look-ups of an index, for the typo pass. */
export class Vocabulary {
  private readonly exact: Database.Statement<[string], { col: string }>;
  private readonly range: Database.Statement<[string, string], { term: string; col: string; doc: number }>;

  constructor(db: Database.Database, l: IndexLayout) {
    this.exact = db.prepare(`SELECT col FROM ${ident(l.vocab)} WHERE term = ?`);
    this.range = db.prepare(`SELECT term, col, doc FROM ${ident(l.vocab)} WHERE term >= ? AND term < ?`);
  }

  /** True when some text column has this token. */
  has(token: string): boolean {
    return this.exact.all(token).some((r) => r.col !== 'py');
  }

  /** Indexed Latin words within `max` edits of `word` that start with the same letter, most frequent first. */
  near(word: string, max: number): string[] {
    const first = word[0]!;
    const found = new Map<string, number>();
    for (const r of this.range.all(first, String.fromCodePoint(first.codePointAt(0)! + 1))) {
      if (r.col !== 'py' && r.term !== word && editDistance(word, r.term, max) <= max) {
        found.set(r.term, (found.get(r.term) ?? 0) + r.doc);
      }
    }
    return [...found].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([t]) => t);
  }
}

function isHanTerm(plan: QueryPlan, k: number): boolean {
  const t = plan.terms[k];
  return t !== undefined && !t.latin && hasHan(t.text);
}

/** True when the index lacks the term (a phrase of single characters: when it lacks the whole word). */
const missing = (t: QueryTerm, vocab: Vocabulary) =>
  t.phrase ? !vocab.has(t.text) : !t.alternatives.some((alt) => alt.every((tok) => vocab.has(tok)));

/**
 * Terms for the typo pass, or undefined when nothing in the query looks like a typo. Chinese words
 * missing from the index are merged with their missing or single-character neighbours (碳纤|唯)
 * and matched by sound on the pinyin column.
 */
export function typoTerms(plan: QueryPlan, config: IndexConfig, l: IndexLayout, vocab: Vocabulary): MatchTerm[] | undefined {
  const typo = config.typoTolerance;
  if (!typo.enabled) {
    return undefined;
  }
  const exact = exactTerms(plan, l);
  const out: MatchTerm[] = [];
  let changed = false;
  for (let i = 0; i < plan.terms.length; i++) {
    const t = plan.terms[i]!;
    if (t.latin && !/^\d+$/.test(t.text) && !typo.disableOnWords.includes(t.text) && missing(t, vocab)) {
      const max = t.text.length >= typo.minWordSizeForTypos.twoTypos ? 2 : t.text.length >= typo.minWordSizeForTypos.oneTypo ? 1 : 0;
      const near = max > 0 ? vocab.near(t.text, max) : [];
      if (near.length > 0) {
        changed = true;
        const own = quote(t.text) + (t.prefix ? '*' : '');
        out.push({ text: t.text, expr: `${textColumns(l)} : (${[own, ...near.map(quote)].join(' OR ')})`, corrections: near });
        continue;
      }
    }
    if (isHanTerm(plan, i) && missing(t, vocab)) {
      // Grow the span over neighbouring missing or single-character Chinese terms (碳纤|唯).
      let start = i;
      while (start > 0 && out.at(-1) === exact[start - 1] && isHanTerm(plan, start - 1) && [...plan.terms[start - 1]!.text].length === 1) {
        start--;
        out.pop();
      }
      let end = i;
      while (isHanTerm(plan, end + 1) && ([...plan.terms[end + 1]!.text].length === 1 || missing(plan.terms[end + 1]!, vocab))) {
        end++;
      }
      const text = plan.terms.slice(start, end + 1).map((x) => x.text).join('');
      const syllables = hanSyllables(text);
      if (syllables.length >= 2) {
        changed = true;
        out.push({ text, expr: `(${textColumns(l)} : ${quote(text)} OR {py} : ${quote(syllables.join(' '))})`, syllables });
        i = end;
        continue;
      }
    }
    out.push(exact[i]!);
  }
  return changed ? out : undefined;
}
