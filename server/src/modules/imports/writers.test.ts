import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';
import { writeCsv, writeXlsx, type ExportColumn } from './writers';

const columns: ExportColumn[] = [
  { key: 'title', header: { zh: '成果名称', en: 'Title' } },
  { key: 'price', header: { zh: '价格（元）', en: 'Price (yuan)' } },
  { key: 'keywords', header: { zh: '关键词', en: 'Keywords' } },
  { key: 'negotiable', header: { zh: '面议', en: 'Negotiable' } },
  { key: 'publishedAt', header: { zh: '发布时间', en: 'Published' } },
  { key: 'missing', header: { zh: '空', en: 'Empty' } },
];
const at = new Date('2025-03-01T08:00:00.000Z');
const rows = [
  { title: '玉米秸秆制备聚乳酸, "关键"技术\n第二行', price: 800000, keywords: ['秸秆', '聚乳酸'], negotiable: false, publishedAt: at },
  { title: '=cmd|" /C calc"!A0', price: null, keywords: [], negotiable: true, publishedAt: null },
];

describe('export writers', () => {
  it('writes CSV for Excel: BOM, CRLF, quoted fields, read back intact', () => {
    const csv = writeCsv(columns, rows);
    expect(csv.startsWith('\uFEFF"成果名称","价格（元）"')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(parseCsv(csv)).toEqual([
      ['成果名称', '价格（元）', '关键词', '面议', '发布时间', '空'],
      ['玉米秸秆制备聚乳酸, "关键"技术\n第二行', '800000', '秸秆；聚乳酸', '否', '2025-03-01T08:00:00.000Z', ''],
      [`'=cmd|" /C calc"!A0`, '', '', '是', '', ''],
    ]);
    expect(parseCsv(writeCsv(columns, rows, { locale: 'en' }))[0]).toEqual(['Title', 'Price (yuan)', 'Keywords', 'Negotiable', 'Published', 'Empty']);
  });

  it('writes XLSX with typed cells, read back with exceljs', async () => {
    const buf = await writeXlsx(columns, rows, { sheetName: '检索结果' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('检索结果')!;
    expect(ws.getRow(1).values).toEqual([undefined, '成果名称', '价格（元）', '关键词', '面议', '发布时间', '空']);
    expect(ws.getRow(1).font?.bold).toBe(true);
    const r2 = ws.getRow(2);
    expect(r2.getCell(1).value).toBe(rows[0]!.title);
    expect(r2.getCell(2).value).toBe(800000);
    expect(r2.getCell(3).value).toBe('秸秆；聚乳酸');
    expect((r2.getCell(5).value as Date).toISOString()).toBe(at.toISOString());
    // Text that looks like a formula stays text in XLSX (a string cell, not a formula).
    expect(ws.getRow(3).getCell(1).value).toBe('=cmd|" /C calc"!A0');
    expect(ws.getRow(3).getCell(2).value).toBeNull();
    expect(ws.rowCount).toBe(3);
  });
});
