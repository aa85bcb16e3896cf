import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { excel } from '../../lib/excel';
import { buildUser } from '../../testing/factories';
import { client, testApp, useTestDb, type Client } from '../../testing/harness';
import { signedInAs } from '../../testing/listing-factories';
import { AuditModel } from '../audit/audit.model';
import { CARRIER_TYPES } from '@kezhuan/shared';
import { CarrierModel } from '../carriers/carrier.model';
import { registerPlanCounters, registerTargetCounter, unregisterTargetCounter } from './plan.counters';
import { JILIN_PLAN_2011_2015 } from './plan.jilin-2011';
import { createPlan } from './plan.service';

useTestDb();
const app = testApp();
const CODE = JILIN_PLAN_2011_2015.code;
let admin: Client;

type Target = { key: string; value: number; source: string; periodTarget: number; byCity: Record<string, number>; byYear: Record<string, number> };
const target = (body: { targets: Target[] }, key: string) => body.targets.find((t) => t.key === key)!;
const entry = (o: Record<string, unknown> = {}) => ({ target: 'incubators', city: '220100', year: 2013, count: 3, evidence: '吉科发〔2013〕21号 认定长春北湖科技园等3家省级科技企业孵化器', ...o });

beforeAll(async () => {
  await createPlan(null, JILIN_PLAN_2011_2015);
  admin = await signedInAs(app, await buildUser({ role: 'admin', org: null }));
  // Manual entries are what these tests are about: the carrier registries' counters (registered with
  // the app) step aside here; the last test puts them back and counts recognised carriers.
  CARRIER_TYPES.forEach((type) => unregisterTargetCounter(`carriers.${type}`));
});
afterEach(() => unregisterTargetCounter('carriers.alliance'));

describe('plans as data', () => {
  it('lists the seeded plan and shows its eleven targets, each with the source text number', async () => {
    const list = (await (await client(app)).get('/api/plans').expect(200)).body as { items: { code: string; startYear: number }[] };
    expect(list.items.map((p) => p.code)).toContain(CODE);
    const d = (await (await client(app)).get(`/api/plans/${CODE}/dashboard`).expect(200)).body;
    expect(d.years).toEqual([2011, 2012, 2013, 2014, 2015]);
    expect(d.targets.map((t: { key: string; target: number }) => [t.key, t.target])).toEqual([
      ['major_projects', 50], ['innovative_enterprises', 100], ['alliances', 10], ['industry_bases', 10], ['innovation_centres', 100],
      ['incubators', 20], ['key_labs', 50], ['academician_workstations', 10], ['talents', 100], ['key_transformation_projects', 50], ['sme_fund_projects', 70],
    ]);
    expect(target(d, 'sme_fund_projects').periodTarget).toBe(350);
    expect(d.entries).toBeUndefined();
    expect((await (await client(app)).get('/api/plans/no-such-plan/dashboard')).status).toBe(404);
    expect((await (await client(app)).get('/api/plans/%24ne/dashboard')).status).toBe(400);
  });

  it('lets an administrator add a second plan with its own targets; the code is unique; others get 403', async () => {
    const plan = {
      code: 'jilin-2016-2020', titleZh: '“十三五”规划', titleEn: '13th Five-Year Plan', startYear: 2016, endYear: 2020, source: '',
      targets: [{ key: 'incubators', zh: '孵化器', en: 'Incubators', target: 40, unitZh: '个', unitEn: 'incubators', counting: 'manual' }],
    };
    const researcher = await signedInAs(app, await buildUser({ role: 'researcher' }));
    expect((await researcher.post('/api/admin/plans', plan)).status).toBe(403);
    expect((await admin.post('/api/admin/plans', plan)).status).toBe(201);
    expect((await admin.post('/api/admin/plans', plan)).status).toBe(409);
    const d = (await (await client(app)).get('/api/plans/jilin-2016-2020/dashboard').expect(200)).body;
    expect(d.targets).toHaveLength(1);
    expect(target(d, 'incubators')).toMatchObject({ periodTarget: 40, value: 0, source: 'manual' });
    expect(await AuditModel.countDocuments({ action: 'plan.create', 'target.id': 'jilin-2016-2020' })).toBe(1);
  });

  it('refuses a plan with duplicate target keys or a reversed period, with field messages', async () => {
    const bad = { code: 'x-bad', titleZh: '坏', titleEn: 'Bad', startYear: 2020, endYear: 2016, targets: [] };
    const r = await admin.post('/api/admin/plans', bad);
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toContain('endYear');
  });
});

describe('manual entries', () => {
  it('sums manual entries by city and year, with evidence for administrators only', async () => {
    expect((await admin.post(`/api/admin/plans/${CODE}/entries`, entry())).status).toBe(201);
    expect((await admin.post(`/api/admin/plans/${CODE}/entries`, entry({ city: '220200', year: 2014, count: 2, evidenceUrl: 'https://kjt.jl.gov.cn/doc/2014-8' }))).status).toBe(201);
    expect((await admin.post(`/api/admin/plans/${CODE}/entries`, entry({ city: '220200', year: 2015, count: 4 }))).status).toBe(201);
    const pub = (await (await client(app)).get(`/api/plans/${CODE}/dashboard`).expect(200)).body;
    const inc = target(pub, 'incubators');
    expect(inc).toMatchObject({ value: 9, source: 'manual' });
    expect(inc.byCity).toMatchObject({ '220100': 3, '220200': 6, '220300': 0 });
    expect(inc.byYear).toEqual({ '2011': 0, '2012': 0, '2013': 3, '2014': 2, '2015': 4 });
    expect(JSON.stringify(pub)).not.toContain('吉科发');
    const full = (await admin.get(`/api/admin/plans/${CODE}/dashboard`).expect(200)).body;
    expect(full.entries.filter((e: { target: string }) => e.target === 'incubators')).toHaveLength(3);
    expect(JSON.stringify(full.entries)).toContain('吉科发〔2013〕21号');
  });

  it('refuses duplicates, years outside the period, unknown targets and hostile input', async () => {
    expect((await admin.post(`/api/admin/plans/${CODE}/entries`, entry({ target: 'key_labs' }))).status).toBe(201);
    expect((await admin.post(`/api/admin/plans/${CODE}/entries`, entry({ target: 'key_labs' }))).status).toBe(409);
    const year = await admin.post(`/api/admin/plans/${CODE}/entries`, entry({ target: 'key_labs', year: 2016 }));
    expect(year.status).toBe(400);
    expect(year.body.error.fields[0].path).toBe('body.year');
    expect((await admin.post(`/api/admin/plans/${CODE}/entries`, entry({ target: 'nope' }))).status).toBe(400);
    for (const o of [{ count: -1 }, { count: 1.5 }, { city: { $ne: null } }, { evidence: '' }, { evidenceUrl: 'javascript:alert(1)' }, { extra: 1 }]) {
      const r = await admin.post(`/api/admin/plans/${CODE}/entries`, entry({ target: 'key_labs', year: 2012, ...o }));
      expect(r.status, JSON.stringify(o)).toBe(400);
      expect(r.body.error.fields.length).toBeGreaterThan(0);
    }
    expect((await admin.post('/api/admin/plans/no-such-plan/entries', entry())).status).toBe(404);
  });

  it('only administrators write: others 403, visitors 401', async () => {
    for (const role of ['researcher', 'enterprise', 'commissioner', 'intermediary'] as const) {
      const c = await signedInAs(app, await buildUser({ role }));
      expect((await c.post(`/api/admin/plans/${CODE}/entries`, entry({ target: 'talents' }))).status, role).toBe(403);
      expect((await c.get(`/api/admin/plans/${CODE}/dashboard`)).status, role).toBe(403);
    }
    expect((await (await client(app)).post(`/api/admin/plans/${CODE}/entries`, entry({ target: 'talents' }))).status).toBe(401);
  });

  it('keeps the history of corrections and audits create, update and delete', async () => {
    const id = (await admin.post(`/api/admin/plans/${CODE}/entries`, entry({ target: 'talents', count: 5 })).then((r) => r.body)).id as string;
    expect((await admin.patch(`/api/admin/plans/${CODE}/entries/${id}`, { count: 7, evidence: '吉人社〔2013〕5号 更正', reason: '' })).status).toBe(400);
    const r = await admin.patch(`/api/admin/plans/${CODE}/entries/${id}`, { count: 7, evidence: '吉人社〔2013〕5号 更正', reason: '漏报两名引进人才' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ count: 7, history: [{ count: 5, reason: '漏报两名引进人才' }] });
    const full = (await admin.get(`/api/admin/plans/${CODE}/dashboard`).expect(200)).body;
    expect(target(full, 'talents').value).toBe(7);
    expect(full.entries.find((e: { id: string }) => e.id === id).history[0].evidence).toContain('吉科发');
    expect((await admin.delete(`/api/admin/plans/${CODE}/entries/${id}`)).status).toBe(204);
    expect((await admin.delete(`/api/admin/plans/${CODE}/entries/${id}`)).status).toBe(404);
    const actions = (await AuditModel.find({ 'target.id': CODE, 'detail.entry': id }).lean()).map((a) => a.action).sort();
    expect(actions).toEqual(['plan.entry_create', 'plan.entry_delete', 'plan.entry_update']);
  });
});

describe('counters', () => {
  it('a registered counter replaces manual entries; unregistered, the entries count again', async () => {
    expect((await admin.post(`/api/admin/plans/${CODE}/entries`, entry({ target: 'alliances', count: 2 }))).status).toBe(201);
    const before = target((await (await client(app)).get(`/api/plans/${CODE}/dashboard`)).body, 'alliances');
    expect(before).toMatchObject({ value: 2, source: 'manual' });
    registerTargetCounter('carriers.alliance', () => Promise.resolve([
      { city: '220100', year: 2012, count: 4 }, { city: null, year: 2014, count: 1 }, { city: '222400', year: 2016, count: 9 },
    ]));
    const after = target((await (await client(app)).get(`/api/plans/${CODE}/dashboard`)).body, 'alliances');
    expect(after).toMatchObject({ value: 5, source: 'counter' });
    expect(after.byCity).toMatchObject({ '220100': 4, '-': 1, '222400': 0 });
    expect(after.byYear['2012']).toBe(4);
    unregisterTargetCounter('carriers.alliance');
    expect(target((await (await client(app)).get(`/api/plans/${CODE}/dashboard`)).body, 'alliances').source).toBe('manual');
  });
});

describe('export', () => {
  it('answers a workbook with targets × years and targets × cities, and the entries with evidence', async () => {
    await admin.post(`/api/admin/plans/${CODE}/entries`, entry({ target: 'industry_bases', city: '220500', year: 2012, count: 1, evidence: '吉科发〔2012〕88号 通化医药高新技术特色产业基地' }));
    const res = await admin.agent.get(`/api/admin/plans/${CODE}/dashboard.xlsx?lang=zh-CN`).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    const wb = new (excel().Workbook)();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['总览', '按年度', '按市州', '录入明细']);
    const rowOf = (sheet: string, label: string) => {
      const ws = wb.getWorksheet(sheet)!;
      for (let i = 1; i <= ws.rowCount; i += 1) {
        const v = ws.getRow(i).values as unknown[];
        if (v[1] === label) {
          return v.slice(1);
        }
      }
      return null;
    };
    expect(wb.getWorksheet('按年度')!.getRow(1).values).toEqual([undefined, '指标', 2011, 2012, 2013, 2014, 2015, '合计']);
    expect(rowOf('按年度', '高新技术特色产业基地')).toEqual(['高新技术特色产业基地', 0, 1, 0, 0, 0, 1]);
    const byCity = rowOf('按市州', '高新技术特色产业基地')!;
    expect(wb.getWorksheet('按市州')!.getRow(1).getCell(6).value).toBe('通化市');
    expect(byCity[5]).toBe(1);
    expect(JSON.stringify(rowOf('录入明细', '高新技术特色产业基地'))).toContain('吉科发〔2012〕88号');
    expect((await (await signedInAs(app, await buildUser({ role: 'enterprise' }))).get(`/api/admin/plans/${CODE}/dashboard.xlsx`)).status).toBe(403);
  });
});

describe('the carrier registries', () => {
  it('count the plan\'s carrier targets from recognised, not revoked carriers by city and year; entries then step aside', async () => {
    registerPlanCounters();
    try {
      const org = (await buildUser({ role: 'enterprise' })).org!;
      const base = { name: '孵化器', summary: 's', org, city: '220200', details: { type: 'incubator' }, submittedAt: new Date('2013-03-01') };
      await CarrierModel.collection.insertMany([
        { ...base, type: 'incubator', status: 'recognised', recognisedOn: new Date('2013-06-01'), recognisedYear: 2013 },
        { ...base, type: 'incubator', status: 'warning', recognisedOn: new Date('2014-06-01'), recognisedYear: 2014 },
        { ...base, type: 'incubator', status: 'revoked', recognisedOn: new Date('2012-06-01'), recognisedYear: 2012 },
        { ...base, type: 'incubator', status: 'submitted', recognisedOn: null, recognisedYear: null },
      ]);
      const inc = target((await (await client(app)).get(`/api/plans/${CODE}/dashboard`).expect(200)).body, 'incubators');
      expect(inc).toMatchObject({ source: 'counter', value: 2, byCity: { '220200': 2 }, byYear: { '2013': 1, '2014': 1 } });
    } finally {
      CARRIER_TYPES.forEach((type) => unregisterTargetCounter(`carriers.${type}`));
    }
  });
});
