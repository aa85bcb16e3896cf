/**
 * File writers for exports (search results, reports) and import templates: XLSX through exceljs,
 * CSV as Excel reads it (UTF-8 with BOM, CRLF, every field quoted, formulas neutralised).
 */
import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { excel } from '../../lib/excel';
import { csvLine, UTF8_BOM } from './csv';

export interface ExportColumn {
  /** The row's property to write. */
  key: string;
  header: { zh: string; en: string };
  /** Column width in characters (XLSX). */
  width?: number;
}

export type ExportRow = Readonly<Record<string, unknown>>;
export interface WriteOptions {
  /** Header language; Chinese by default. */
  locale?: 'zh' | 'en';
  sheetName?: string;
}

type Cell = string | number | Date | null;

/** A value as a cell: lists joined with "；", yes/no in the header's language, objects as JSON. */
function cellValue(v: unknown, locale: 'zh' | 'en'): Cell {
  if (v === null || v === undefined) {
    return null;
  }
  if (typeof v === 'string' || typeof v === 'number' || v instanceof Date) {
    return v;
  }
  if (typeof v === 'boolean') {
    return locale === 'zh' ? (v ? '是' : '否') : v ? 'yes' : 'no';
  }
  if (Array.isArray(v)) {
    return v.map((x) => String(cellValue(x, locale) ?? '')).join(locale === 'zh' ? '；' : '; ');
  }
  return JSON.stringify(v);
}

/** Adds a sheet with a bold, frozen header row and the rows below it. */
export function addSheet(wb: ExcelJS.Workbook, name: string, columns: readonly ExportColumn[], rows: Iterable<ExportRow>, locale: 'zh' | 'en' = 'zh'): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ key: c.key, header: c.header[locale], width: c.width ?? Math.min(40, Math.max(10, c.header[locale].length * 2 + 4)) }));
  ws.getRow(1).font = { bold: true };
  for (const row of rows) {
    ws.addRow(columns.map((c) => cellValue(row[c.key], locale)));
  }
  return ws;
}

/** An XLSX workbook of one sheet: the header row, then one row per record. */
export async function writeXlsx(columns: readonly ExportColumn[], rows: Iterable<ExportRow>, opts: WriteOptions = {}): Promise<Buffer> {
  const wb = new (excel().Workbook)();
  wb.creator = '科转 Kezhuan';
  addSheet(wb, opts.sheetName ?? 'Sheet1', columns, rows, opts.locale ?? 'zh');
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The first CSV line: BOM and the header row. */
export function csvHeader(columns: readonly ExportColumn[], locale: 'zh' | 'en' = 'zh'): string {
  return UTF8_BOM + csvLine(columns.map((c) => c.header[locale]));
}

/** One record as a CSV line (streamed exports write these one by one). */
export function csvRecord(columns: readonly ExportColumn[], row: ExportRow, locale: 'zh' | 'en' = 'zh'): string {
  return csvLine(
    columns.map((c) => {
      const v = cellValue(row[c.key], locale);
      return v instanceof Date ? v.toISOString() : v;
    }),
  );
}

/** CSV text for Excel: BOM, header row, CRLF line ends, every field quoted; dates as ISO 8601. */
export function writeCsv(columns: readonly ExportColumn[], rows: Iterable<ExportRow>, opts: WriteOptions = {}): string {
  const locale = opts.locale ?? 'zh';
  const lines = [csvHeader(columns, locale)];
  for (const row of rows) {
    lines.push(csvRecord(columns, row, locale));
  }
  return lines.join('');
}

/** A workbook written to a stream as rows arrive (nothing but the current row is held in memory). */
export function streamXlsx(out: Writable, columns: readonly ExportColumn[], opts: WriteOptions = {}) {
  const locale = opts.locale ?? 'zh';
  const wb = new (excel().stream.xlsx.WorkbookWriter)({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = '科转 Kezhuan';
  const ws = wb.addWorksheet(opts.sheetName ?? 'Sheet1', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ key: c.key, header: c.header[locale], width: c.width ?? Math.min(40, Math.max(10, c.header[locale].length * 2 + 4)) }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  return {
    add(row: ExportRow): void {
      ws.addRow(columns.map((c) => cellValue(row[c.key], locale))).commit();
    },
    async end(): Promise<void> {
      ws.commit();
      await wb.commit();
    },
  };
}
