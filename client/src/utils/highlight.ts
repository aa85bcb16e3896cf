const OPEN = '\u0001';
const CLOSE = '\u0002';
/** Any start or end tag; `<` not followed by a letter (e.g. "a < b", "<!--") is not a tag and gets escaped. */
const TAG = /<\/?([a-zA-Z][a-zA-Z0-9-]*)\b[^<>]*>/g;

/**
 * Makes a search highlight safe for `v-html`: keeps `<mark>`/`</mark>` (attributes dropped),
 * removes every other tag, escapes any remaining angle bracket and balances the marks. The server
 * already escapes its snippets; this is the second line of defence.
 */
export function sanitizeHighlight(html: string): string {
  const marked = html
    .replaceAll(OPEN, '')
    .replaceAll(CLOSE, '')
    .replace(TAG, (tag, name: string) => {
      if (name.toLowerCase() !== 'mark') {
        return '';
      }
      return tag.startsWith('</') ? CLOSE : OPEN;
    })
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
  let depth = 0;
  let out = '';
  for (const ch of marked) {
    if (ch === OPEN) {
      if (depth === 0) {
        out += '<mark>';
      }
      depth += 1;
    } else if (ch === CLOSE) {
      if (depth === 1) {
        out += '</mark>';
      }
      depth = Math.max(0, depth - 1);
    } else {
      out += ch;
    }
  }
  return depth > 0 ? `${out}</mark>` : out;
}

/** Plain text of a highlight (marks and entities removed), e.g. for a title attribute. */
export function highlightText(html: string): string {
  return sanitizeHighlight(html)
    .replace(/<\/?mark>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;/g, "'")
    .replace(/&amp;/g, '&');
}
