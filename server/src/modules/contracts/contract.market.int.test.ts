import { Types } from 'mongoose';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { excel } from '../../lib/excel';
import { DealRoomModel } from '../deals/deal.model';
import { buildOrg, buildUser } from '../../testing/factories';
import { testApp, useTestDb } from '../../testing/harness';
import { buildResult, signedInAs } from '../../testing/listing-factories';
import { ContractModel } from './contract.model';

useTestDb();
const app = testApp();

const day = 86_400_000;
let brokerId = '';

/**
 * Known market: 5 transfers (4 in discipline 530 / industry C28: 100–400; 1 elsewhere: 999), 2
 * consultations (50 000 and 70 000, both in 220300), 2 of 7 registered, one brokered; rooms in
 * every stage, three of which reached 签约 after 2, 4 and 10 days.
 */
beforeAll(async () => {
  const supply = new Types.ObjectId();
  const demand = new Types.ObjectId();
  const broker = await buildOrg({ type: 'intermediary', name: '长春技术转移中心' });
  brokerId = String(broker._id);
  const c = (type: string, amount: number, discipline: string, industry: string, city: string, signedOn: string, extra: Record<string, unknown> = {}) => ({
    deal: new Types.ObjectId(), type, amount, payment: { kind: 'lump_sum', text: '' }, signedOn, supplyOrg: supply, demandOrg: demand,
    intermediaryOrg: null, listings: [], discipline, industry, city, registration: null, history: [], ...extra,
  });
  const registration = { number: 'JL2026-0001', registeredOn: '2026-10-01', by: new Types.ObjectId(), at: new Date() };
  await ContractModel.insertMany([
    c('transfer', 100, '530', 'C28', '220100', '2026-09-03', { registration }),
    c('transfer', 200, '530', 'C28', '220100', '2026-09-20'),
    c('transfer', 300, '530', 'C28', '220100', '2026-10-11', { registration }),
    c('transfer', 400, '530', 'C28', '220100', '2026-10-12', { intermediaryOrg: broker._id }),
    c('transfer', 999, '430', 'C36', '220200', '2026-11-01'),
    c('consulting', 50_000, '530', 'C28', '220300', '2026-11-02'),
    c('consulting', 70_000, '530', 'C28', '220300', '2026-11-05'),
  ]);
  const t0 = new Date('2026-08-01T00:00:00Z');
  const room = (i: number, stage: string, signingAfterDays: number | null) => ({
    stage, origin: 'interest', listing: { kind: 'result', id: new Types.ObjectId(), title: 't' }, supplyOrg: supply, demandOrg: demand, orgs: [supply, demand],
    openKey: `k${i}`, contacts: [], messageSeq: 0, createdAt: t0, updatedAt: t0,
    history: signingAfterDays === null ? [] : [
      { kind: 'propose', from: 'negotiation', to: 'signing', party: 'demand', by: null, at: new Date(t0.getTime() + day), reason: null, note: null },
      { kind: 'confirm', from: 'negotiation', to: 'signing', party: 'supply', by: null, at: new Date(t0.getTime() + signingAfterDays * day), reason: null, note: null },
    ],
  });
  await DealRoomModel.collection.insertMany([room(1, 'interest', null), room(2, 'signing', 2), room(3, 'implementation', 4), room(4, 'done', 10), room(5, 'terminated', null), room(6, 'interest', null)]);
});

describe('comparable deals', () => {
  it('gives the spread of the same type, discipline and industry when 3 or more match', async () => {
    const c = await signedInAs(app, await buildUser({ role: 'enterprise' }));
    const r = (await c.get('/api/contracts/comparable?type=transfer&discipline=530&industry=C28').expect(200)).body;
    expect(r).toEqual({ type: 'transfer', basis: 'discipline_industry', count: 4, amounts: { min: 100, q1: 175, median: 250, q3: 325, max: 400 } });
  });

  it('widens to the type when fewer than 3 match, and says so', async () => {
    const c = await signedInAs(app, await buildUser({ role: 'enterprise' }));
    const r = (await c.get('/api/contracts/comparable?type=transfer&discipline=430&industry=C36').expect(200)).body;
    expect(r).toEqual({ type: 'transfer', basis: 'type', count: 5, amounts: { min: 100, q1: 200, median: 300, q3: 400, max: 999 } });
  });

  it('shows no amount at all under 3 contracts (k-anonymity), nor any party', async () => {
    const c = await signedInAs(app, await buildUser({ role: 'enterprise' }));
    const few = await c.get('/api/contracts/comparable?type=consulting&discipline=530&industry=C28').expect(200);
    expect(few.body).toEqual({ type: 'consulting', basis: 'type', count: 2, amounts: null });
    expect(few.text).not.toMatch(/50000|70000|60000/);
    expect((await c.get('/api/contracts/comparable?type=development').expect(200)).body).toEqual({ type: 'development', basis: 'type', count: 0, amounts: null });
    // Hostile queries are refused, anonymous callers too.
    expect((await c.get('/api/contracts/comparable?type=transfer&discipline[$ne]=1')).status).toBe(400);
    expect((await c.get('/api/contracts/comparable?type=gift')).status).toBe(400);
    expect((await request(app).get('/api/contracts/comparable?type=transfer')).status).toBe(401);
  });

  it('for a published result: each contract type in its discipline and industry', async () => {
    const owner = await buildUser({ role: 'researcher' });
    const result = await buildResult(owner, { status: 'published' });
    const draft = await buildResult(owner);
    const c = await signedInAs(app, await buildUser({ role: 'enterprise' }));
    const r = (await c.get(`/api/results/${String(result._id)}/comparable-contracts`).expect(200)).body;
    expect(r.byType.map((x: { type: string; basis: string; count: number }) => `${x.type}:${x.basis}:${x.count}`)).toEqual([
      'development:type:0', 'transfer:discipline_industry:4', 'licence:type:0', 'consulting:type:2', 'service:type:0',
    ]);
    expect(r.byType[3].amounts).toBeNull();
    expect((await c.get(`/api/results/${String(draft._id)}/comparable-contracts`)).status).toBe(404);
  });
});

describe('market statistics', () => {
  it('public: rooms by stage, contracts by type, city, industry and month; amounts of groups under 3 hidden', async () => {
    const r = (await request(app).get('/api/market/stats').expect(200)).body;
    expect(r.dealsByStage).toEqual([
      { stage: 'interest', count: 2 }, { stage: 'negotiation', count: 0 }, { stage: 'signing', count: 1 },
      { stage: 'implementation', count: 1 }, { stage: 'done', count: 1 }, { stage: 'terminated', count: 1 },
    ]);
    expect(r.contracts).toEqual({ count: 7, amount: 121_999 });
    expect(r.byType).toEqual([{ key: 'transfer', count: 5, amount: 1999 }, { key: 'consulting', count: 2, amount: null }]);
    expect(r.byCity).toEqual([{ key: '220100', count: 4, amount: 1000 }, { key: '220300', count: 2, amount: null }, { key: '220200', count: 1, amount: null }]);
    expect(r.byIndustry).toEqual([{ key: 'C28', count: 6, amount: 121_000 }, { key: 'C36', count: 1, amount: null }]);
    expect(r.byMonth).toEqual([{ key: '2026-09', count: 2, amount: null }, { key: '2026-10', count: 2, amount: null }, { key: '2026-11', count: 3, amount: 120_999 }]);
    expect(r).not.toHaveProperty('byIntermediary');
    expect(JSON.stringify(r)).not.toContain(brokerId);
  });

  it('admin: every amount, by intermediary, registration rate, median days to signing; others refused', async () => {
    const admin = await signedInAs(app, await buildUser({ role: 'admin', org: null }));
    const r = (await admin.get('/api/admin/market/stats').expect(200)).body;
    expect(r.byType).toEqual([{ key: 'transfer', count: 5, amount: 1999 }, { key: 'consulting', count: 2, amount: 120_000 }]);
    expect(r.byIntermediary).toEqual([{ org: null, count: 6, amount: 121_599 }, { org: { id: brokerId, name: '长春技术转移中心' }, count: 1, amount: 400 }]);
    expect(r.registration).toEqual({ registered: 2, total: 7, rate: 0.286 });
    expect(r.signingDays).toEqual({ rooms: 3, median: 4 });
    const user = await signedInAs(app, await buildUser({ role: 'enterprise' }));
    expect((await user.get('/api/admin/market/stats')).status).toBe(403);
    expect((await user.get('/api/admin/market/stats.xlsx')).status).toBe(403);
  });

  it('admin XLSX opens and holds the same figures', async () => {
    const admin = await signedInAs(app, await buildUser({ role: 'admin', org: null }));
    const res = await admin.get('/api/admin/market/stats.xlsx').buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (ch: Buffer) => chunks.push(ch));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new (excel().Workbook)();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['总览', '洽谈阶段', '按合同类型', '按市州', '按行业', '按月份', '按中介机构']);
    const rows = (name: string) => wb.getWorksheet(name)!.getSheetValues().slice(2).map((v) => (v as unknown[]).slice(1));
    expect(rows('按合同类型')).toEqual([['技术转让', 5, 1999], ['技术咨询', 2, 120_000]]);
    expect(rows('按市州')[0]).toEqual(['长春市', 4, 1000]);
    expect(rows('按中介机构')).toEqual([['无中介（直接洽谈）', 6, 121_599], ['长春技术转移中心', 1, 400]]);
    expect(rows('总览')[0]).toEqual(['合同总数', 7]);
  });
});
