/**
 * CSV as RFC 4180 writes it and Excel reads it: comma-separated, fields in double quotes when they
 * hold commas, quotes or line breaks, a quote inside doubled. The parser streams (text arrives in
 * chunks, records leave as they complete); the writer quotes every field.
 */

/** A CSV file that cannot be read (an opened quote never closed). */
export class CsvSyntaxError extends Error {
  constructor(readonly record: number) {
    super(`unterminated quoted field starting in record ${record}`);
  }
}

const SPECIAL = /[,"\r\n]/g;

/**
 * Streaming parser: `push(text)` returns the records completed by that text, `end()` the last one.
 * Lenient where Excel is: a quote inside an unquoted field is kept as a character, and text after a
 * closing quote is appended. Blank lines come out as `['']` so that record numbers stay line-true.
 */
export class CsvParser {
  private field = '';
  private record: string[] = [];
  private inQuotes = false;
  private afterQuote = false;
  private atFieldStart = true;
  private pendingCR = false;
  /** Records completed so far; the one being read is `count + 1`. */
  count = 0;

  push(text: string): string[][] {
    const out: string[][] = [];
    let i = 0;
    const n = text.length;
    while (i < n) {
      if (this.inQuotes) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          this.field += text.slice(i);
          return out;
        }
        this.field += text.slice(i, q);
        this.inQuotes = false;
        this.afterQuote = true;
        i = q + 1;
        continue;
      }
      if (this.afterQuote) {
        this.afterQuote = false;
        if (text.charCodeAt(i) === 34) {
          this.field += '"';
          this.inQuotes = true;
          i += 1;
          continue;
        }
      }
      if (this.pendingCR) {
        this.pendingCR = false;
        if (text.charCodeAt(i) === 10) {
          i += 1;
          continue;
        }
      }
      SPECIAL.lastIndex = i;
      const m = SPECIAL.exec(text);
      if (!m) {
        this.field += text.slice(i);
        this.atFieldStart = false;
        return out;
      }
      const at = m.index;
      if (at > i) {
        this.field += text.slice(i, at);
        this.atFieldStart = false;
      }
      i = at + 1;
      switch (m[0]) {
        case ',':
          this.record.push(this.field);
          this.field = '';
          this.atFieldStart = true;
          break;
        case '"':
          if (this.atFieldStart) {
            this.inQuotes = true;
            this.atFieldStart = false;
          } else {
            this.field += '"';
          }
          break;
        default:
          out.push(this.finishRecord());
          this.pendingCR = m[0] === '\r';
      }
    }
    return out;
  }

  /** The last record when the text does not end with a line break; throws on an open quote. */
  end(): string[][] {
    if (this.inQuotes) {
      throw new CsvSyntaxError(this.count + 1);
    }
    if (this.record.length > 0 || !this.atFieldStart || this.field !== '') {
      return [this.finishRecord()];
    }
    return [];
  }

  private finishRecord(): string[] {
    this.record.push(this.field);
    const rec = this.record;
    this.record = [];
    this.field = '';
    this.atFieldStart = true;
    this.count += 1;
    return rec;
  }
}

/** Parses a whole CSV text (tests, small files). */
export function parseCsv(text: string): string[][] {
  const p = new CsvParser();
  return [...p.push(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text), ...p.end()];
}

/**
 * One CSV field, always quoted. Text that Excel would run as a formula (= + - @ at the start) gets
 * a leading apostrophe, so an exported title cannot execute anything (CSV injection); numbers are
 * written as they are.
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) {
    return '""';
  }
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) {
    s = `'${s}`;
  }
  return `"${s.replace(/"/g, '""')}"`;
}

/** One CSV line with CRLF. */
export function csvLine(values: readonly (string | number | boolean | null | undefined)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** The byte order mark Excel needs to read a CSV file as UTF-8. */
export const UTF8_BOM = '\uFEFF';
