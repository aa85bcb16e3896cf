import { escapeHtml, isLatinWord, normalizeMapped } from './normalize';

/** A string to mark in a text, and the query term it stands for. */
export interface Needle {
  /** Normalised (lower case, half-width). */
  text: string;
  /** The query term credited when this needle is found. */
  term: string;
  /** Extend a Latin match to the end of its word ("learn" marks "learning"). */
  prefix?: boolean;
}

/** Characters of a snippet (a long field cut around its first match) when we highlight ourselves. */
export const SNIPPET_CHARS = 120;

export interface Highlighted {
  /** HTML: the original text escaped, matches wrapped in <mark>…</mark>. */
  html: string;
  /** Query terms found in the text. */
  terms: Set<string>;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Finds every needle in the text; returns non-overlapping [start, end) ranges of the normalised text. */
function findRanges(text: string, needles: readonly Needle[], terms: Set<string>): [number, number][] {
  const ranges: [number, number][] = [];
  for (const needle of needles) {
    if (!needle.text) {
      continue;
    }
    const latin = isLatinWord(needle.text);
    for (let at = text.indexOf(needle.text); at >= 0; at = text.indexOf(needle.text, at + 1)) {
      let end = at + needle.text.length;
      if (latin) {
        // Latin words match whole words only ("ai" is not marked inside "said").
        if (at > 0 && WORD_CHAR.test(text[at - 1]!)) {
          continue;
        }
        if (needle.prefix) {
          while (end < text.length && WORD_CHAR.test(text[end]!)) {
            end++;
          }
        } else if (end < text.length && WORD_CHAR.test(text[end]!)) {
          continue;
        }
      }
      ranges.push([at, end]);
      terms.add(needle.term);
    }
  }
  // Merge overlaps (碳纤维 and the 纤维 inside it give one mark).
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) {
      last[1] = Math.max(last[1], r[1]);
    } else {
      merged.push([r[0], r[1]]);
    }
  }
  return merged;
}

/**
 * Marks the needles in the original text: `<mark>` around each match, everything else HTML-escaped.
 * With `snippet`, a text longer than about 1.3 × snippet characters is cut to a window of that many
 * characters starting a little before the first match, with "…" where it was cut.
 */
export function highlight(original: string, needles: readonly Needle[], snippet?: number): Highlighted {
  const terms = new Set<string>();
  const mapped = normalizeMapped(original);
  const ranges = findRanges(mapped.text, needles, terms).map(
    ([s, e]) => [mapped.offsets[s]!, mapped.offsets[e]!] as [number, number],
  );

  let from = 0;
  let to = original.length;
  if (snippet && original.length > snippet * 1.3) {
    const first = ranges[0]?.[0] ?? 0;
    from = Math.max(0, Math.min(first - Math.floor(snippet / 4), original.length - snippet));
    to = Math.min(original.length, from + snippet);
  }

  let html = from > 0 ? '…' : '';
  let at = from;
  for (const [s, e] of ranges) {
    if (e <= from || s >= to) {
      continue;
    }
    const start = Math.max(s, from);
    const end = Math.min(e, to);
    html += escapeHtml(original.slice(at, start)) + '<mark>' + escapeHtml(original.slice(start, end)) + '</mark>';
    at = end;
  }
  html += escapeHtml(original.slice(at, to)) + (to < original.length ? '…' : '');
  return { html, terms };
}
