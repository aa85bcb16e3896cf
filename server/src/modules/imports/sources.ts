/**
 * Reading an import file row by row, whatever its format: CSV and XLSX give a header row and then
 * rows of cell texts, JSONL gives one object per line. Everything streams: a row is handed on before
 * the next is read, so the number of rows does not bound memory.
 */
import { Readable } from 'node:stream';
import type { ImportFormat } from '@kezhuan/shared';
import { excel } from '../../lib/excel';
import { CsvParser, CsvSyntaxError } from './csv';
import { ImportFileError } from './import.errors';
import { decodeText } from './text-decode';

export type SourceRow =
  /** CSV and XLSX: the first row is the header. */
  | { row: number; cells: string[] }
  /** JSONL: one object per line. */
  | { row: number; object: Record<string, unknown> }
  /** A JSONL line that is not a JSON object. */
  | { row: number; invalid: { zh: string; en: string } };

export type ProgressFn = (bytesRead: number) => void;

/** The rows of a file in the given format; throws `ImportFileError` when the file cannot be read. */
export function readRows(format: ImportFormat, bytes: Uint8Array, onProgress: ProgressFn): AsyncGenerator<SourceRow> {
  switch (format) {
    case 'csv':
      return csvRows(bytes, onProgress);
    case 'jsonl':
      return jsonlRows(bytes, onProgress);
    case 'xlsx':
      return xlsxRows(bytes, onProgress);
  }
}

async function* csvRows(bytes: Uint8Array, onProgress: ProgressFn): AsyncGenerator<SourceRow> {
  const parser = new CsvParser();
  let row = 0;
  try {
    for (const text of decodeText(bytes, onProgress)) {
      for (const cells of parser.push(text)) {
        yield { row: ++row, cells };
      }
    }
    for (const cells of parser.end()) {
      yield { row: ++row, cells };
    }
  } catch (err) {
    if (err instanceof CsvSyntaxError) {
      throw new ImportFileError(
        `第 ${err.record} 行起的引号没有闭合，文件不完整或格式有误`,
        `A quoted field starting in row ${err.record} is never closed: the file is incomplete or malformed`,
        err.record,
      );
    }
    throw err;
  }
}

async function* jsonlRows(bytes: Uint8Array, onProgress: ProgressFn): AsyncGenerator<SourceRow> {
  let carry = '';
  let line = 0;
  const parse = (text: string): SourceRow | null => {
    line += 1;
    const trimmed = text.trim();
    if (!trimmed) {
      return null;
    }
    try {
      const value: unknown = JSON.parse(trimmed);
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        return { row: line, object: value as Record<string, unknown> };
      }
    } catch {
      // reported below
    }
    return { row: line, invalid: { zh: '该行不是一个 JSON 对象', en: 'This line is not a JSON object' } };
  };
  for (const text of decodeText(bytes, onProgress)) {
    const lines = (carry + text).split('\n');
    carry = lines.pop() ?? '';
    for (const l of lines) {
      const r = parse(l);
      if (r) {
        yield r;
      }
    }
  }
  const last = parse(carry);
  if (last) {
    yield last;
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** True when the bytes start like a ZIP archive (every XLSX file is one). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return ZIP_MAGIC.every((b, i) => bytes[i] === b);
}

async function* xlsxRows(bytes: Uint8Array, onProgress: ProgressFn): AsyncGenerator<SourceRow> {
  if (!looksLikeZip(bytes)) {
    throw new ImportFileError('文件不是有效的 XLSX 工作簿（旧版 .xls 请另存为 .xlsx）', 'Not a valid XLSX workbook (save old .xls files as .xlsx)');
  }
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const input = Readable.from(
    (function* () {
      for (let at = 0; at < buf.length; at += 1 << 16) {
        const end = Math.min(buf.length, at + (1 << 16));
        onProgress(end);
        yield buf.subarray(at, end);
      }
    })(),
    { objectMode: false },
  );
  const reader = new (excel().stream.xlsx.WorkbookReader)(input, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit' });
  try {
    // Only the first worksheet holds data; a template's guide sheet comes after it.
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = row.values as unknown[];
        yield { row: row.number, cells: Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => cellText(values[i + 1])) };
      }
      break;
    }
  } catch (err) {
    if (err instanceof ImportFileError) {
      throw err;
    }
    throw new ImportFileError('无法读取 XLSX 工作簿：文件已损坏或不是 Excel 文件', 'Cannot read the XLSX workbook: the file is damaged or not an Excel file');
  } finally {
    input.destroy();
  }
}

/** A cell's value as the text a person sees: dates as YYYY-MM-DD, formulas by their result. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) {
    return '';
  }
  if (typeof v === 'string') {
    return v;
  }
  if (typeof v === 'number' || typeof v === 'boolean') {
    return String(v);
  }
  if (v instanceof Date) {
    return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  }
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
    if (Array.isArray(o.richText)) {
      return o.richText.map((r) => r.text).join('');
    }
    if ('result' in o) {
      return cellText(o.result);
    }
    if (o.text !== undefined) {
      return cellText(o.text);
    }
    if (typeof o.error === 'string') {
      return o.error;
    }
  }
  return '';
}
