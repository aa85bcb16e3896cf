/**
 * Text normalisation shared by indexing, querying and highlighting: NFKC (full-width letters,
 * digits and spaces become half-width) and lower case.
 */

/** Normalises a whole string (indexing and queries). */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Normalised text plus, for each of its UTF-16 units, the offset of the original unit it came from. */
export interface MappedText {
  text: string;
  /** `offsets[i]` is where normalised unit i starts in the original; `offsets[text.length]` is its length. */
  offsets: number[];
}

/**
 * Normalises code point by code point so that a match in the normalised text can be mapped back to
 * the original (highlights wrap the user's own characters, not their normalised form).
 */
export function normalizeMapped(original: string): MappedText {
  let text = '';
  const offsets: number[] = [];
  let at = 0;
  for (const ch of original) {
    const n = ch.normalize('NFKC').toLowerCase();
    text += n;
    for (let i = 0; i < n.length; i++) {
      offsets.push(at);
    }
    at += ch.length;
  }
  offsets.push(at);
  return { text, offsets };
}

const HAN = /\p{Script=Han}/u;
const LATIN_OR_DIGIT = /^[\p{Script=Latin}\p{N}]+$/u;

/** True when the string contains a Chinese character. */
export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/** True for a word made only of Latin letters and digits (typo tolerance and prefix search apply). */
export function isLatinWord(text: string): boolean {
  return LATIN_OR_DIGIT.test(text);
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
