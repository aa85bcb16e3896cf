import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { PlatformSearch } from '../../search/search.service';
import { buildUser } from '../../testing/factories';
import { client, testApp, useTestDb } from '../../testing/harness';
import { buildResult, validResultInput } from '../../testing/listing-factories';
import { IndexSync } from '../indexing/index-sync';
import { resultIndexSource } from '../listings/listing.index-sources';

useTestDb();
const search = PlatformSearch.inMemory();
const app = testApp({ search });

beforeAll(async () => {
  const owner = await buildUser({ role: 'researcher' });
  await buildResult(owner, { status: 'published', input: validResultInput({ title: '聚乳酸耐热改性技术', negotiable: true, price: undefined }) });
  await buildResult(owner, { status: 'published', input: validResultInput({ title: '稀土永磁电机控制器', industry: 'C38', discipline: '470' }) });
  await new IndexSync(search.engine, [resultIndexSource]).flush();
});

describe('exporting a search', () => {
  it('writes the filtered result set as CSV with names, not codes', async () => {
    const c = await client(app);
    const res = await c.get('/api/search/results/export?format=csv&industry=C28').buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (d: Buffer) => chunks.push(d));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['x-export-rows']).toBe('1');
    const text = (res.body as Buffer).toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('"成果名称"');
    expect(text).toContain('"聚乳酸耐热改性技术"');
    expect(text).toContain('"化学纤维制造业"');
    expect(text).toContain('"面议"');
    expect(text).not.toContain('稀土永磁');
  });

  it('writes XLSX that Excel-compatible readers open, in English on request', async () => {
    const c = await client(app);
    const res = await c.get('/api/search/results/export?format=xlsx&lang=en&sort=newest').buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (d: Buffer) => chunks.push(d));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((res.body as Buffer) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Title');
    expect(sheet.rowCount).toBe(3);
    const titles = [sheet.getRow(2).getCell(1).value, sheet.getRow(3).getCell(1).value];
    expect(titles.sort()).toEqual(['稀土永磁电机控制器', '聚乳酸耐热改性技术'].sort());
  });

  it('refuses an unknown format with a 400', async () => {
    expect((await (await client(app)).get('/api/search/results/export?format=pdf')).status).toBe(400);
  });
});
