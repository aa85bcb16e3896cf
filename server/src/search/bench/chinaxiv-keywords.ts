/**
 * ChinaXiv keyword lists as a listing's keywords. The source glued some lists together: with a
 * separator the list never had (全角空格, 、, ；, a space between Chinese words), or with nothing
 * at all (查询问答关联检索). Separators always split; a Chinese string of 10 characters or more
 * with no separator splits only when it is exactly a sequence of keywords other papers use
 * (fewest pieces), otherwise it stays whole. Then the listing limits apply: at most 10 keywords of
 * at most 30 characters (a longer one is cut at jieba word boundaries).
 */
import { LISTING_LIMITS } from '@kezhuan/shared';
import { jieba } from '../text/segment';

const SEPARATORS = /[\u3000;；,，、|]+|(?<=\p{Script=Han})\s+|\s+(?=\p{Script=Han})/u;
const HAN_ONLY = /^\p{Script=Han}+$/u;
const GLUED_MIN = 10;
const PIECE_MAX = 10;

/** The pieces of a keyword string split at its separators. */
export function splitSeparators(raw: string): string[] {
  return raw
    .split(SEPARATORS)
    .map((k) => k.trim())
    .filter(Boolean);
}

/** How often each separator-split keyword occurs in the corpus: the vocabulary glued strings are tiled with. */
export function keywordVocabulary(lists: readonly (readonly string[])[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const list of lists) {
    for (const k of list.flatMap(splitSeparators)) {
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  }
  return counts;
}

/** A glued Chinese string as the fewest known keywords that make it up exactly, or the string itself. */
export function splitGlued(s: string, vocab: ReadonlyMap<string, number>): string[] {
  const chars = [...s];
  const n = chars.length;
  if (n < GLUED_MIN || !HAN_ONLY.test(s)) {
    return [s];
  }
  // best[i]: fewest pieces covering the first i characters.
  const best: (string[] | undefined)[] = [[]];
  for (let i = 0; i < n; i++) {
    const path = best[i];
    if (!path) {
      continue;
    }
    for (let j = i + 2; j <= Math.min(n, i + PIECE_MAX); j++) {
      const piece = chars.slice(i, j).join('');
      const known = piece !== s && (vocab.get(piece) ?? 0) > 0;
      if (known && (!best[j] || best[j]!.length > path.length + 1)) {
        best[j] = [...path, piece];
      }
    }
  }
  const found = best[n];
  return found && found.length > 1 ? found : [s];
}

/** Cuts a keyword longer than the listing limit at word boundaries. */
function withinLimit(k: string): string[] {
  if ([...k].length <= LISTING_LIMITS.keywordMax) {
    return [k];
  }
  const out: string[] = [];
  let cur = '';
  for (const w of jieba().cut(k, true)) {
    if ([...cur + w].length > LISTING_LIMITS.keywordMax && cur) {
      out.push(cur.trim());
      cur = '';
    }
    cur += w;
  }
  if (cur.trim()) {
    out.push(cur.trim().slice(0, LISTING_LIMITS.keywordMax));
  }
  return out;
}

export interface SplitStats {
  /** Source strings split at separators. */
  separated: number;
  /** Separator-free strings split into known keywords. */
  unglued: number;
}

/** A paper's keyword list as listing keywords (deduplicated, limits applied). */
export function listingKeywords(raw: readonly string[], vocab: ReadonlyMap<string, number>, stats?: SplitStats): string[] {
  const out: string[] = [];
  for (const k of raw) {
    const pieces = splitSeparators(k);
    if (stats && pieces.length > 1) {
      stats.separated++;
    }
    for (const p of pieces) {
      const parts = splitGlued(p, vocab);
      if (stats && parts.length > 1) {
        stats.unglued++;
      }
      out.push(...parts.flatMap(withinLimit));
    }
  }
  return [...new Set(out)].slice(0, LISTING_LIMITS.keywordsMax);
}
