import { TfIdf } from '@node-rs/jieba';
import { idf } from '@node-rs/jieba/dict';
import { SYNONYM_GROUPS, synonymMap } from '@kezhuan/search-config';
import { jieba, isStopWord } from '../../search/text/segment';
import { normalizeText } from '../../search/text/normalize';

let tfidf: TfIdf | undefined;
const synonyms = synonymMap(SYNONYM_GROUPS);

/** At most this many terms: Meilisearch reads only the first 10 words of a query. */
export const MAX_TERMS = 6;

/**
 * The key terms of a listing, to query the other side with: its own keywords first, then the
 * words of highest TF-IDF in its title (counted twice) and description. Numbers, single
 * characters and stop words are left out.
 */
export function keyTerms(listing: { title: string; keywords: readonly string[]; body: string }, max = MAX_TERMS): string[] {
  tfidf ??= TfIdf.withDict(idf);
  const out: string[] = [];
  const add = (term: string) => {
    const t = normalizeText(term).trim();
    if (t.length >= 2 && !/^[\d.%]+$/.test(t) && !isStopWord(t) && !out.includes(t) && out.length < max) {
      out.push(t);
    }
  };
  listing.keywords.slice(0, Math.ceil(max / 2)).forEach(add);
  const text = `${listing.title}。${listing.title}。${listing.body}`;
  for (const k of tfidf.extractKeywords(jieba(), text, max * 2)) {
    add(k.keyword);
  }
  return out;
}

const LATIN = /^[a-z0-9][a-z0-9 .+-]*$/;

/**
 * Does a synonym stand for the term in this text? A Latin abbreviation (碳纤维 ↔ "cf") means
 * something else in most texts, so short ones are never taken for the term; longer Latin synonyms
 * count only as whole words ("carbon fiber", not inside "carbon fibers-reinforced…" mid-word).
 */
function synonymIn(hay: string, synonym: string): boolean {
  const s = normalizeText(synonym);
  if (!LATIN.test(s)) {
    return hay.includes(s);
  }
  if (s.length < 4) {
    return false;
  }
  const escaped = s.replace(/[.+-]/g, (c) => `\\${c}`);
  return new RegExp(`(^|[^a-z0-9])${escaped}($|[^a-z0-9])`).test(hay);
}

/** The key terms (or one of their close synonyms) that occur in a text. */
export function termsFoundIn(terms: readonly string[], text: string): string[] {
  return terms.filter(termMatcher(normalizeText(text)));
}

/**
 * A test "does this key term (or a close synonym) occur in the text", for a text normalised once
 * (`normalizeText`) and asked about many terms: the pairing run checks every request's terms against
 * every commissioner's expertise with the same rule as the recommendations.
 */
export function termMatcher(normalizedText: string): (term: string) => boolean {
  return (t) => normalizedText.includes(t) || (synonyms[t] ?? []).some((s) => synonymIn(normalizedText, s));
}
