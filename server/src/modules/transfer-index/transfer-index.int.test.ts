import { Types } from 'mongoose';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { excel } from '../../lib/excel';
import { buildOrg, buildUser } from '../../testing/factories';
import { testApp, useTestDb } from '../../testing/harness';
import { signedInAs } from '../../testing/listing-factories';
import { AuditModel } from '../audit/audit.model';
import { CommissionerModel } from '../commissioners/commissioner.model';
import { ContractModel } from '../contracts/contract.model';
import { DealRoomModel } from '../deals/deal.model';
import { ResearchResultModel } from '../results/result.model';
import { ServiceEntryModel } from '../service-log/service.model';

useTestDb();
const app = testApp();
const YEAR = 2025;
const at = (iso: string) => new Date(`${iso}T04:00:00Z`);

/**
 * A known year (2025). 甲大学 (A): 3 results published in 2025 (quality 100, 25, 25 → mean 50; one
 * of 2024 and a draft do not count), 2 deals opened as provider (one on a need, signed in May),
 * contracts 100 000 (registered) + 20 000, 1 approved commissioner with 10 confirmed hours.
 * 乙研究所 (B): 1 result (quality 100), a room opened in Dec 2024 and signed in Feb 2025, a room
 * opened in 2025 on a result offered for a need (`via`), a registered contract of 1 000 000, 2
 * commissioners, 3 confirmed hours (5 logged hours do not count). 丙大学 and 丁研究所: nothing (a
 * tie). An unverified university and an enterprise are not ranked.
 */
let A = '';
let B = '';
const ids: Record<string, string> = {};
let memberOfA: Awaited<ReturnType<typeof buildUser>>;
let memberOfB: Awaited<ReturnType<typeof buildUser>>;

beforeAll(async () => {
  const a = await buildOrg({ name: '甲大学', type: 'university', verified: true });
  const b = await buildOrg({ name: '乙研究所', type: 'institute', city: '220200', verified: true });
  await buildOrg({ name: '丙大学', type: 'university', verified: true });
  await buildOrg({ name: '丁研究所', type: 'institute', verified: true });
  const fake = await buildOrg({ name: '戊大学', type: 'university', verified: false });
  const enterprise = await buildOrg({ name: '某企业', type: 'enterprise', verified: true });
  A = String(a._id);
  B = String(b._id);
  memberOfA = await buildUser({ role: 'researcher', org: a._id });
  memberOfB = await buildUser({ role: 'researcher', org: b._id });
  const owner = memberOfA._id;
  const full = { summary: '成'.repeat(120), keywords: ['一', '二', '三'], maturity: 'pilot', ip: { items: [{ type: 'invention', number: null, status: 'granted' }] }, applications: '应'.repeat(30), advantages: [{ metric: 'm', value: '30%', unit: '' }], price: 1000, negotiable: false };
  const thin = { summary: '短', keywords: [], maturity: 'lab', ip: { items: [] }, applications: '', advantages: [], price: null, negotiable: true };
  const result = (org: Types.ObjectId, title: string, publishedAt: Date | null, q: object, status = 'published') => {
    const _id = new Types.ObjectId();
    ids[title] = String(_id);
    return { _id, org, owner, title, status, publishedAt, ...q };
  };
  await ResearchResultModel.collection.insertMany([
    result(a._id, 'A1', at('2025-03-01'), full), result(a._id, 'A2', at('2025-06-01'), thin), result(a._id, 'A3', at('2025-12-31'), thin),
    result(a._id, 'A-old', at('2024-12-30'), full), result(a._id, 'A-draft', null, full, 'draft'), result(fake._id, 'F1', at('2025-03-01'), full),
    result(b._id, 'B1', at('2025-04-01'), full),
  ]);
  const room = (key: string, supply: Types.ObjectId, opened: string, stage: string, listingKind: 'result' | 'need', signed: string | null, via: 'need' | null = null) => {
    const _id = new Types.ObjectId();
    ids[key] = String(_id);
    return {
      _id, stage, origin: 'interest', listing: { kind: listingKind, id: new Types.ObjectId(), title: key }, via: via ? { kind: via, id: new Types.ObjectId(), title: 'n' } : null,
      supplyOrg: supply, demandOrg: enterprise._id, orgs: [supply, enterprise._id], openKey: key, contacts: [], messageSeq: 0, createdAt: at(opened), updatedAt: at(opened),
      history: signed ? [{ kind: 'confirm', from: 'negotiation', to: 'signing', party: 'supply', by: null, at: at(signed), reason: null, note: null }] : [],
    };
  };
  await DealRoomModel.collection.insertMany([
    room('dA1', a._id, '2025-02-01', 'done', 'need', '2025-05-01'), room('dA2', a._id, '2025-07-01', 'interest', 'result', null),
    room('dB1', b._id, '2024-12-01', 'implementation', 'result', '2025-02-01'), room('dB2', b._id, '2025-08-01', 'negotiation', 'result', null, 'need'),
  ]);
  const contract = (supply: Types.ObjectId, deal: string, amount: number, signedOn: string, registered: boolean) => ({
    deal: new Types.ObjectId(ids[deal]), type: 'transfer', amount, payment: { kind: 'lump_sum', text: '' }, signedOn, supplyOrg: supply, demandOrg: enterprise._id, intermediaryOrg: null,
    listings: [{ kind: 'result', id: new Types.ObjectId(), title: `c-${deal}` }], registration: registered ? { number: `JL${deal}000`, registeredOn: signedOn, by: owner, at: new Date() } : null, history: [],
  });
  await ContractModel.collection.insertMany([
    contract(a._id, 'dA1', 100_000, '2025-05-02', true), { ...contract(a._id, 'dA2', 20_000, '2025-09-09', false), deal: new Types.ObjectId() },
    contract(b._id, 'dB1', 1_000_000, '2025-03-01', true), { ...contract(b._id, 'dB2', 5_000_000, '2024-11-11', true), deal: new Types.ObjectId() },
  ]);
  const users = { a: new Types.ObjectId(), b1: new Types.ObjectId(), b2: new Types.ObjectId(), aOld: new Types.ObjectId() };
  const commissioner = (user: Types.ObjectId, org: Types.ObjectId, term: number, status: string) => ({ user, org, term, status, expertise: 'x', capacity: 2, submittedAt: at('2025-01-01') });
  await CommissionerModel.collection.insertMany([
    commissioner(users.a, a._id, YEAR, 'approved'), commissioner(users.aOld, a._id, 2024, 'approved'), commissioner(new Types.ObjectId(), a._id, YEAR, 'returned'),
    commissioner(users.b1, b._id, YEAR, 'approved'), commissioner(users.b2, b._id, YEAR, 'approved'),
  ]);
  const entry = (by: Types.ObjectId, hours: number, status: string, term = YEAR) => ({ pairing: new Types.ObjectId(), term, by, date: '2025-06-01', hours, visit: true, problems: 'p', outcomes: 'o', status });
  await ServiceEntryModel.collection.insertMany([
    entry(users.a, 6, 'confirmed'), entry(users.a, 4, 'confirmed'), entry(users.aOld, 50, 'confirmed', 2024), entry(users.b1, 3, 'confirmed'), entry(users.b2, 5, 'logged'),
  ]);
});

type Indicator = { key: string; raw: number | null; normalised: number; weight: number; contribution: number; rank: number; recorded: boolean; records: { kind: string; id: string; label: string }[] | null };
const byKey = (list: Indicator[]) => Object.fromEntries(list.map((i) => [i.key, i]));

describe('the transformation index on a known year', () => {
  it('ranks the verified institutions by the hand-computed scores, ties by name', async () => {
    const r = (await request(app).get(`/api/transfer-index?year=${YEAR}`).expect(200)).body;
    expect(r.total).toBe(4);
    expect(r.rows.map((x: { rank: number; org: { name: string }; score: number }) => [x.rank, x.org.name, x.score])).toEqual([
      [1, '甲大学', 86.51], [2, '乙研究所', 79.59], [3, '丁研究所', 0], [3, '丙大学', 0],
    ]);
    expect(r.formula.version).toBe(0);
    expect(r.formula.indicators.reduce((s: number, i: { weight: number }) => s + i.weight, 0)).toBe(100);
    expect(r.formula.indicators.find((i: { key: string }) => i.key === 'projects_funded').recorded).toBe(true);
    // Filters narrow the table, not the scores.
    const inst = (await request(app).get(`/api/transfer-index?year=${YEAR}&type=institute&city=220200`).expect(200)).body;
    expect(inst.rows).toEqual([{ rank: 2, org: { id: B, name: '乙研究所', type: 'institute', city: '220200' }, score: 79.59 }]);
  });

  it('gives each indicator’s raw value, normalised value, contribution and rank', async () => {
    const c = await signedInAs(app, memberOfA);
    const a = (await c.get(`/api/transfer-index/orgs/${A}?year=${YEAR}`).expect(200)).body;
    expect([a.rank, a.total, a.score, a.member]).toEqual([1, 4, 86.51, true]);
    const i = byKey(a.indicators);
    const row = (k: string) => [i[k]!.raw, i[k]!.normalised, i[k]!.contribution, i[k]!.rank];
    expect(row('results_listed')).toEqual([3, 1, 15, 1]);
    expect(row('listing_quality')).toEqual([50, 0.5, 2.5, 2]);
    expect(row('needs_answered')).toEqual([1, 1, 10, 1]);
    expect(row('deals_opened')).toEqual([2, 1, 10, 1]);
    expect(row('deals_signed')).toEqual([1, 1, 15, 1]);
    expect(row('contract_value')).toEqual([120_000, 0.8465, 12.7, 2]);
    expect(row('contracts_registered')).toEqual([1, 1, 5, 1]);
    expect(row('commissioners_sent')).toEqual([1, 0.6309, 6.31, 2]);
    expect(row('service_hours')).toEqual([10, 1, 10, 1]);
    expect(row('projects_funded')).toEqual([0, 0, 0, 1]);
    // Recorded from funded projects (none in this data set; funded-project.int.test.ts tests the source).
    expect(i.projects_funded!.recorded).toBe(true);
    // The member sees the records behind the numbers.
    expect(i.results_listed!.records!.map((x) => x.label).sort()).toEqual(['A1', 'A2', 'A3']);
    expect(i.needs_answered!.records).toEqual([{ kind: 'deal', id: ids.dA1, label: 'dA1' }]);
    expect(i.contracts_registered!.records).toEqual([{ kind: 'contract', id: ids.dA1, label: 'c-dA1' }]);

    const b = (await request(app).get(`/api/transfer-index/orgs/${B}?year=${YEAR}`).expect(200)).body;
    const j = byKey(b.indicators);
    expect([j.results_listed!.normalised, j.deals_opened!.raw, j.deals_signed!.raw, j.needs_answered!.raw, j.service_hours!.raw, j.service_hours!.normalised, j.commissioners_sent!.raw]).toEqual([0.5, 1, 1, 1, 3, 0.5781, 2]);
  });

  it('shows others the numbers only, with a contract value of fewer than 3 contracts hidden', async () => {
    const stranger = await signedInAs(app, memberOfB);
    const a = (await stranger.get(`/api/transfer-index/orgs/${A}?year=${YEAR}`).expect(200)).body;
    expect(a.member).toBe(false);
    expect(a.indicators.every((i: Indicator) => i.records === null)).toBe(true);
    expect(byKey(a.indicators).contract_value!.raw).toBeNull();
    expect(byKey(a.indicators).contract_value!.contribution).toBe(12.7);
    expect(JSON.stringify(a)).not.toMatch(/120000|c-dA1/);
    const anon = (await request(app).get(`/api/transfer-index/orgs/${A}?year=${YEAR}`).expect(200)).body;
    expect(anon.member).toBe(false);
    expect(anon.indicators.every((i: Indicator) => i.records === null)).toBe(true);
    // Its own member sees the value.
    expect(byKey((await stranger.get(`/api/transfer-index/orgs/${B}?year=${YEAR}`).expect(200)).body.indicators).contract_value!.raw).toBe(1_000_000);
    // Not an institution, malformed, hostile: 404 / 400.
    expect((await request(app).get(`/api/transfer-index/orgs/${String(new Types.ObjectId())}?year=${YEAR}`)).status).toBe(404);
    expect((await request(app).get('/api/transfer-index/orgs/nope')).status).toBe(400);
    expect((await request(app).get('/api/transfer-index?year[$gt]=1')).status).toBe(400);
    expect((await request(app).get('/api/transfer-index?type=enterprise')).status).toBe(400);
    expect((await request(app).get('/api/transfer-index?year=1999')).status).toBe(400);
  });
});

describe('weights', () => {
  const valid = { results_listed: 0, listing_quality: 0, needs_answered: 0, deals_opened: 0, deals_signed: 0, contract_value: 100, contracts_registered: 0, commissioners_sent: 0, service_hours: 0, projects_funded: 0 };

  it('are changed by administrators only', async () => {
    expect((await request(app).put('/api/admin/transfer-index/formula').send({ weights: valid })).status).toBe(403);
    const researcher = await signedInAs(app, memberOfA);
    expect((await researcher.put('/api/admin/transfer-index/formula', { weights: valid })).status).toBe(403);
    expect((await researcher.post(`/api/admin/transfer-index/recount?year=${YEAR}`)).status).toBe(403);
    expect((await researcher.get(`/api/admin/transfer-index.xlsx?year=${YEAR}`)).status).toBe(403);
    expect((await request(app).get(`/api/admin/transfer-index.xlsx?year=${YEAR}`)).status).toBe(401);
  });

  it('refuse anything but whole numbers 0–100 for every indicator adding up to 100, with field messages', async () => {
    const admin = await signedInAs(app, await buildUser({ role: 'admin', org: null }));
    const bad = async (body: unknown) => {
      const res = await admin.put('/api/admin/transfer-index/formula', body);
      expect(res.status).toBe(400);
      return res.body.error.fields as { path: string; message: string; messageEn: string }[];
    };
    const sum = await bad({ weights: { ...valid, contract_value: 99 } });
    expect(sum[0]).toMatchObject({ path: 'body.weights', message: '各项权重之和须为 100', messageEn: 'The weights must add up to 100' });
    expect((await bad({ weights: { ...valid, contract_value: 99.5, service_hours: 0.5 } })).some((f) => f.path === 'body.weights.contract_value')).toBe(true);
    expect((await bad({ weights: { ...valid, contract_value: 110, service_hours: -10 } })).map((f) => f.path)).toEqual(['body.weights.contract_value', 'body.weights.service_hours']);
    const { projects_funded: _, ...missing } = valid;
    expect((await bad({ weights: { ...missing, contract_value: 100 } }))[0]!.path).toBe('body.weights.projects_funded');
    await bad({ weights: { ...valid, bonus: 0 } });
    await bad({ weights: { ...valid, contract_value: { $gt: 0 } } });
    await bad({ weights: { ...valid, contract_value: '100' } });
    await bad({ weights: valid, note: 'x'.repeat(201) });
    await bad([]);
    expect(await AuditModel.countDocuments({ action: 'transfer_index.weights' })).toBe(0);
  });

  it('make a new audited version, and the ranking follows at once; recount and export are the administrator’s', async () => {
    const adminUser = await buildUser({ role: 'admin', org: null });
    const admin = await signedInAs(app, adminUser);
    const put = await admin.put('/api/admin/transfer-index/formula', { weights: valid, note: '只看合同金额' });
    expect(put.status).toBe(200);
    const f = put.body;
    expect([f.version, f.weights.contract_value, f.note]).toEqual([1, 100, '只看合同金额']);
    const logged = await AuditModel.findOne({ action: 'transfer_index.weights' }).lean();
    expect(String(logged!.actor)).toBe(String(adminUser._id));
    expect((logged!.detail as { to: { contract_value: number } }).to.contract_value).toBe(100);
    const r = (await request(app).get(`/api/transfer-index?year=${YEAR}`).expect(200)).body;
    expect(r.rows.slice(0, 2).map((x: { org: { name: string }; score: number }) => [x.org.name, x.score])).toEqual([['乙研究所', 100], ['甲大学', 84.65]]);

    // A new result is counted on the administrator's recount (the snapshot is otherwise kept 10 minutes).
    await ResearchResultModel.collection.insertOne({ org: new Types.ObjectId(A), owner: memberOfA._id, title: 'A4', status: 'published', publishedAt: at('2025-10-01') });
    expect(byKey((await request(app).get(`/api/transfer-index/orgs/${A}?year=${YEAR}`).expect(200)).body.indicators).results_listed!.raw).toBe(3);
    await admin.post(`/api/admin/transfer-index/recount?year=${YEAR}`).then((res) => expect(res.status).toBe(200));
    expect(byKey((await request(app).get(`/api/transfer-index/orgs/${A}?year=${YEAR}`).expect(200)).body.indicators).results_listed!.raw).toBe(4);

    const xlsx = await admin.agent.get(`/api/admin/transfer-index.xlsx?year=${YEAR}&lang=zh-CN`).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(xlsx.status).toBe(200);
    const wb = new (excel().Workbook)();
    await wb.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(2).getCell(2).value).toBe('乙研究所');
    expect(sheet.getRow(2).getCell(5).value).toBe(100);
    expect(sheet.rowCount).toBe(5);
  });
});
