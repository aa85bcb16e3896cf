import { describe, expect, it } from 'vitest';
import { buildOrg } from '../../testing/factories';
import { signedInNew } from '../../testing/listing-factories';
import { client, testApp, useTestDb, type Client } from '../../testing/harness';
import { ResearchResultModel } from '../results/result.model';
import { parseCsv } from './csv';
import { EXAMPLE_USCC, csvTemplate } from './import.templates';
import { finished, upload } from './import.testing';

useTestDb();
const app = testApp();

const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;

/** The results template's example, once per title. */
function resultsCsv(titles: string[]): string {
  const [header, example] = parseCsv(csvTemplate('results'));
  const titleAt = header!.indexOf('成果名称');
  const rows = titles.map((t) => example!.map((cell, i) => (i === titleAt ? t : cell)));
  return [header!, ...rows].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
}

async function importResults(c: Client, titles: string[]): Promise<string> {
  const up = await upload(c, 'kind=results&name=r.csv', resultsCsv(titles));
  expect(up.status).toBe(202);
  const job = await finished(c, up.body.id as string);
  expect(job.status, JSON.stringify(job.errors)).toBe('done');
  return job.id;
}

describe('GET /api/admin/imports/:id/listings', () => {
  it('lists, paged and newest first, the drafts one import created and no other listing', async () => {
    const org = await buildOrg({ type: 'university', uscc: EXAMPLE_USCC.university, verified: true });
    const c = (await signedInNew(app, 'admin')).c;
    const first = await importResults(c, ['导入甲号成果', '导入乙号成果']);
    const second = await importResults(c, ['导入丙号成果']);

    const stored = await ResearchResultModel.find({}, { title: 1, importJob: 1 }).lean();
    expect(new Map(stored.map((d) => [d.title, String(d.importJob)]))).toEqual(
      new Map([['导入甲号成果', first], ['导入乙号成果', first], ['导入丙号成果', second]]),
    );

    const page1 = await c.get(`/api/admin/imports/${first}/listings?pageSize=1`).expect(200);
    expect(page1.body).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(page1.body.items).toHaveLength(1);
    expect(page1.body.items[0]).toMatchObject({ kind: 'result', status: 'draft', org: { id: String(org._id), name: org.name } });
    const page2 = await c.get(`/api/admin/imports/${first}/listings?pageSize=1&page=2`).expect(200);
    const titles = [page1.body.items[0].title, page2.body.items[0].title];
    expect(new Set(titles)).toEqual(new Set(['导入甲号成果', '导入乙号成果']));
    expect(Object.keys(page1.body.items[0]).sort()).toEqual(['id', 'kind', 'org', 'status', 'title', 'updatedAt']);

    const other = await c.get(`/api/admin/imports/${second}/listings`).expect(200);
    expect(other.body.items.map((i: { title: string }) => i.title)).toEqual(['导入丙号成果']);
  });

  it('answers 404 for an unknown job, 400 for bad paging, and only administrators', async () => {
    const c = (await signedInNew(app, 'admin')).c;
    expect((await c.get('/api/admin/imports/0123456789abcdef01234567/listings')).status).toBe(404);
    expect((await c.get('/api/admin/imports/not-an-id/listings')).status).toBe(400);
    expect((await c.get('/api/admin/imports/0123456789abcdef01234567/listings?page[$gt]=1')).status).toBe(400);
    const researcher = (await signedInNew(app, 'researcher')).c;
    expect((await researcher.get('/api/admin/imports/0123456789abcdef01234567/listings')).status).toBe(403);
    expect((await (await client(app)).get('/api/admin/imports/0123456789abcdef01234567/listings')).status).toBe(401);
  });
});
