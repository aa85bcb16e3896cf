import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { STOP_WORDS, SYNONYM_GROUPS } from '@kezhuan/search-config';
import { hasHan, normalizeText } from './normalize';

/**
 * Chinese segmentation with jieba, shared by both engines. The dictionary is jieba's own plus every
 * Chinese term of the synonym vocabulary, so 锂离子电池 or 玉米深加工 stay one word on both sides.
 */

let instance: Jieba | undefined;

/** The process-wide jieba instance (loading the dictionary takes a few hundred milliseconds). */
export function jieba(): Jieba {
  if (!instance) {
    instance = Jieba.withDict(dict);
    const domainWords = SYNONYM_GROUPS.flat().filter((t) => hasHan(t) && !/\s/.test(t));
    instance.loadDict(Buffer.from(domainWords.map((w) => `${w} 3000`).join('\n')));
  }
  return instance;
}

const STOP = new Set(STOP_WORDS);
const NON_WORD = /[^\p{L}\p{N}]+/u;

/** True for a stop word of the domain vocabulary. */
export function isStopWord(token: string): boolean {
  return STOP.has(token);
}

/** Splits jieba's output on anything that is not a letter or digit and drops empty pieces. */
function words(raw: readonly string[]): string[] {
  const out: string[] = [];
  for (const piece of raw) {
    for (const w of piece.split(NON_WORD)) {
      if (w) {
        out.push(w);
      }
    }
  }
  return out;
}

/**
 * Tokens stored for a text: jieba's search mode (whole words plus the shorter words inside them, so
 * 材料 finds 复合材料 and 纤维 finds 碳纤维), normalised, without stop words. Without HMM, as the
 * queries: the HMM glues unknown character runs into guessed words that depend on the context
 * (细胞外囊泡 → 细胞|外囊|泡), which the query's segmentation (细胞|外|囊|泡) then never meets.
 */
export function indexTokens(text: string): string[] {
  return words(jieba().cutForSearch(normalizeText(text), false)).filter((t) => !STOP.has(t));
}

/**
 * Whole words of an already normalised text (jieba's exact mode, dictionary words only): what a
 * query is made of. No HMM: it guesses "words" from unknown character runs (高氟对, 坝排) that
 * documents do not contain; an unknown run stays single characters, matched as a phrase.
 */
export function queryWords(normalized: string): string[] {
  return words(jieba().cut(normalized, false));
}

/**
 * Shorter dictionary words that tile a Chinese word exactly (电动汽车 → 电动 汽车), or none. A
 * document may segment the same characters differently in context; the tiling still finds it.
 */
export function subWordTiling(word: string): string[] | undefined {
  if ([...word].length < 3 || !hasHan(word)) {
    return undefined;
  }
  const parts = new Set(jieba().cutForSearch(word, false).filter((p) => p !== word && p.length >= 2));
  // Depth-first tiling from the left; words are short, so this stays tiny.
  const tile = (at: number): string[] | undefined => {
    if (at === word.length) {
      return [];
    }
    for (const p of parts) {
      if (word.startsWith(p, at)) {
        const rest = tile(at + p.length);
        if (rest) {
          return [p, ...rest];
        }
      }
    }
    return undefined;
  };
  return tile(0);
}
