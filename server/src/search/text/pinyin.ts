import { pinyin } from 'pinyin-pro';

/**
 * Pinyin for homophone typo tolerance. The common Chinese typo is a character that sounds the same
 * (碳纤唯 for 碳纤维, 锂电尺 for 锂电池): comparing toneless pinyin syllables forgives it.
 */

const HAN_RUN = /\p{Script=Han}+/gu;

/** Toneless syllables of the Chinese characters of a text, in order (other characters skipped). */
export function hanSyllables(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(HAN_RUN)) {
    out.push(...syllablesOfRun(m[0]));
  }
  return out;
}

function syllablesOfRun(run: string): string[] {
  // One syllable per character; pinyin-pro picks readings of polyphones from their context.
  return pinyin(run, { toneType: 'none', type: 'array', v: true }).map((s) => s.toLowerCase());
}

/**
 * The substrings of `text` whose characters sound like `syllables` (to highlight what a homophone
 * query matched): with syllables of 碳纤唯, returns ['碳纤维'] for a text containing 碳纤维.
 */
export function findHomophones(text: string, syllables: readonly string[]): string[] {
  const found = new Set<string>();
  if (syllables.length === 0) {
    return [];
  }
  for (const m of text.matchAll(HAN_RUN)) {
    const run = m[0];
    const chars = [...run];
    if (chars.length < syllables.length) {
      continue;
    }
    const sy = syllablesOfRun(run);
    for (let i = 0; i + syllables.length <= sy.length; i++) {
      if (syllables.every((s, k) => sy[i + k] === s)) {
        found.add(chars.slice(i, i + syllables.length).join(''));
      }
    }
  }
  return [...found];
}
