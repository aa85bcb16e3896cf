import { IMPORT_COLUMNS } from '@kezhuan/shared';
import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import { buildOrg, randomUscc } from '../../testing/factories';
import { signedInNew } from '../../testing/listing-factories';
import { client, testApp, useTestDb } from '../../testing/harness';
import { TechNeedModel } from '../needs/need.model';
import { OrgModel } from '../orgs/org.model';
import { ResearchResultModel } from '../results/result.model';
import { parseCsv } from './csv';
import { ImportJobModel } from './import-job.model';
import { finished, upload } from './import.testing';
import { setImportProgressPublisher } from './import.service';
import { EXAMPLE_USCC } from './import.templates';

useTestDb();
const app = testApp();

const binary = (res: import('superagent').Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (d: Buffer) => chunks.push(d));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('import routes: who may call them and with what', () => {
  it('answers anonymous callers 401 and non-administrators 403, and creates no job', async () => {
    const anon = await client(app);
    const researcher = (await signedInNew(app, 'researcher')).c;
    for (const path of ['/api/admin/imports', '/api/admin/imports/template?kind=results', '/api/admin/imports/0123456789abcdef01234567', '/api/admin/imports/0123456789abcdef01234567/errors.csv']) {
      expect((await anon.get(path)).status, path).toBe(401);
      expect((await researcher.get(path)).status, path).toBe(403);
    }
    expect((await upload(anon, 'kind=orgs&name=o.csv', 'a,b\r\n1,2\r\n')).status).toBe(401);
    expect((await upload(researcher, 'kind=orgs&name=o.csv', 'a,b\r\n1,2\r\n')).status).toBe(403);
    expect(await ImportJobModel.countDocuments()).toBe(0);
  });

  it('refuses hostile or malformed query parameters and bodies with 400/415, creating nothing', async () => {
    const c = (await signedInNew(app, 'admin')).c;
    const bad = [
      'kind[$ne]=x&name=o.csv',
      'kind=results&name[$gt]=',
      'kind=results&name=../../etc/passwd',
      'kind=results&name=o.csv&publish=yes',
      'kind=results&name=o.csv&format=xls',
      'kind=results&name=o.csv&extra=1',
      'kind=results',
      'kind=users&name=o.csv',
      'kind=results&name=noextension',
    ];
    for (const q of bad) {
      const res = await upload(c, q, 'a\r\n1\r\n');
      expect(res.status, q).toBe(400);
      expect(res.body.error.messageEn, q).toBeTruthy();
    }
    const json = await c.post('/api/admin/imports?kind=orgs&name=o.csv', { $where: 'x' });
    expect(json.status).toBe(400);
    const empty = await upload(c, 'kind=orgs&name=o.csv', Buffer.alloc(0));
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields[0]).toMatchObject({ path: 'body' });
    const xls = await upload(c, 'kind=orgs&name=o.xlsx', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]));
    expect(xls.status).toBe(415);
    expect((await c.get('/api/admin/imports/template?kind=results&format=pdf')).status).toBe(400);
    expect((await c.get('/api/admin/imports/0123456789abcdef01234567')).status).toBe(404);
    expect((await c.get('/api/admin/imports/0123456789abcdef01234567/errors.csv')).status).toBe(404);
    expect(await ImportJobModel.countDocuments()).toBe(0);
  });
});

describe('live progress', () => {
  it('pushes the job to the importing administrator as it moves from validating to done', async () => {
    const c = (await signedInNew(app, 'admin')).c;
    const me = (await c.get('/api/users/me').expect(200)).body as { id: string };
    const pushes: { userId: string; status: string; committed: number }[] = [];
    setImportProgressPublisher({ push: (userId, job) => pushes.push({ userId, status: job.status, committed: job.committed }) });
    try {
      const up = await upload(c, 'kind=orgs&name=o.csv', `机构名称,机构类型,统一社会信用代码,所在市\r\n推送测试公司,企业,${randomUscc()},长春\r\n`);
      await finished(c, up.body.id as string);
      // The poll can read "done" a moment before the writer's update returns and announces it.
      await vi.waitFor(() => expect(pushes.at(-1)?.status).toBe('done'), { timeout: 5_000 });
    } finally {
      setImportProgressPublisher(undefined);
    }
    expect(new Set(pushes.map((p) => p.userId))).toEqual(new Set([me.id]));
    expect(pushes.map((p) => p.status).filter((s, i, all) => s !== all[i - 1])).toEqual(['validating', 'committing', 'done']);
    expect(pushes.at(-1)?.committed).toBe(1);
  });
});

describe('import templates', () => {
  it('import as they are: download each template, upload it, the example row is imported', async () => {
    const c = (await signedInNew(app, 'admin')).c;
    await buildOrg({ type: 'enterprise', uscc: EXAMPLE_USCC.enterprise });
    const jobsBefore = await ImportJobModel.countDocuments();
    const orgJobsBefore = await ImportJobModel.countDocuments({ kind: 'orgs' });
    // The organisations template registers the university the results template names.
    for (const kind of ['orgs', 'results', 'needs'] as const) {
      for (const format of ['xlsx', 'csv'] as const) {
        const res = await c.get(`/api/admin/imports/template?kind=${kind}&format=${format}`).buffer(true).parse(binary).expect(200);
        expect(res.headers['content-disposition']).toContain('attachment');
        const file = res.body as Buffer;
        if (format === 'csv') {
          const [header, example, ...rest] = parseCsv(file.toString('utf8'));
          expect(header).toEqual(IMPORT_COLUMNS[kind].map((col) => col.zh));
          expect(example).toHaveLength(header!.length);
          expect(rest).toEqual([]);
        } else {
          const wb = new ExcelJS.Workbook();
          await wb.xlsx.load(file as unknown as ArrayBuffer);
          expect(wb.worksheets.map((w) => w.name)).toEqual(['导入数据', '填写说明 Guide', '代码表 Codes']);
          expect(wb.worksheets[0]!.rowCount).toBe(2);
        }
        // Each example can be imported once only: the second format must fail as a duplicate.
        const up = await upload(c, `kind=${kind}&name=template.${format}`, file, 'application/octet-stream');
        expect(up.status).toBe(202);
        const job = await finished(c, up.body.id as string);
        if (format === 'csv') {
          expect(job.status).toBe('failed');
          expect(job.errors[0]?.message).toMatch(kind === 'orgs' ? /^该统一社会信用代码已在平台注册$/ : /^平台上已有该机构的同名/);
        } else {
          expect(job.status, `${kind} ${format}: ${JSON.stringify(job.errors)}`).toBe('done');
          expect(job.committed).toBe(1);
        }
        if (format === 'xlsx' && kind !== 'orgs') {
          // The guide names the organisation the example row belongs to, which must exist first.
          const wb = new ExcelJS.Workbook();
          await wb.xlsx.load(file as unknown as ArrayBuffer);
          const guideText = wb.worksheets[1]!.getSheetValues().flat().join(' ');
          expect(guideText).toContain(kind === 'results' ? EXAMPLE_USCC.university : EXAMPLE_USCC.enterprise);
        }
      }
    }
    // The CSV templates import as they are too, once the XLSX example is gone.
    await ResearchResultModel.deleteMany({ title: /（示例）$/ });
    await TechNeedModel.deleteMany({ title: /（示例）$/ });
    for (const kind of ['results', 'needs'] as const) {
      const res = await c.get(`/api/admin/imports/template?kind=${kind}&format=csv`).buffer(true).parse(binary).expect(200);
      const job = await finished(c, (await upload(c, `kind=${kind}&name=again.csv`, res.body as Buffer, 'application/octet-stream')).body.id as string);
      expect(job.status, `${kind} csv: ${JSON.stringify(job.errors)}`).toBe('done');
      expect(job.committed).toBe(1);
    }
    expect(await OrgModel.countDocuments({ uscc: EXAMPLE_USCC.university })).toBe(1);
    expect(await ResearchResultModel.countDocuments({ title: /（示例）$/ })).toBe(1);
    expect(await TechNeedModel.countDocuments({ title: /（示例）$/ })).toBe(1);

    const list = await c.get('/api/admin/imports?pageSize=3').expect(200);
    expect(list.body.total).toBe(jobsBefore + 8);
    expect(list.body.items).toHaveLength(3);
    expect(list.body.items[0]).toMatchObject({ kind: 'needs', format: 'csv', filename: 'again.csv', status: 'done' });
    const orgsOnly = await c.get('/api/admin/imports?kind=orgs').expect(200);
    expect(orgsOnly.body.total).toBe(orgJobsBefore + 2);
    expect(new Set(orgsOnly.body.items.map((j: { kind: string }) => j.kind))).toEqual(new Set(['orgs']));
  });
});
