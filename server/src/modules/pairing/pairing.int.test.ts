import { DEFAULT_PAIRING_WEIGHTS, type PairingRunPairView } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { beforeEach, describe, expect, it } from 'vitest';
import { AuditModel } from '../audit/audit.model';
import { CommissionerModel } from '../commissioners/commissioner.model';
import { currentTerm } from '../commissioners/commissioner.queries';
import { NotificationModel } from '../notifications/notification.model';
import { ServiceRequestModel } from '../service-requests/service-request.model';
import { buildOrg, buildUser } from '../../testing/factories';
import { testApp, useTestDb, type Client } from '../../testing/harness';
import { signedInAs } from '../../testing/listing-factories';
import { buildPairGraph } from './assignment';
import { bruteForceBest } from './assignment/testing';
import { loadRunInputs, loadsOfTerm } from './run.inputs';
import { PairingModel } from './pairing.model';
import { PairingRunModel } from './run.model';
import { runSettled } from './run.service';
import { PairScorer } from './score';

useTestDb();
const app = testApp();
const term = currentTerm();

async function commissioner(name: string, over: Record<string, unknown>) {
  const univ = await buildOrg({ type: 'university', verified: true });
  const user = await buildUser({ role: 'researcher', org: univ._id, displayName: name });
  const now = new Date();
  const doc = await CommissionerModel.create({
    user: user._id, org: univ._id, term, status: 'approved', disciplines: ['430'], industries: ['C36'], cities: ['220100'], serveCities: ['220100'],
    capacity: 1, submittedAt: now, approvedAt: now, ...over,
  });
  return { doc, user };
}

async function enterprise() {
  const ent = await buildOrg({ type: 'enterprise', verified: true });
  const owner = await buildUser({ role: 'enterprise', org: ent._id });
  return { ent, owner };
}

let opened = 0;
function request(e: Awaited<ReturnType<typeof enterprise>>, over: Record<string, unknown>) {
  opened += 1;
  return ServiceRequestModel.create({
    org: e.ent._id, owner: e.owner._id, status: 'open', title: '需求', problem: '需要专家帮助解决生产中的技术问题。', industry: 'C36', city: '220100',
    urgency: 'normal', openedAt: new Date(Date.now() - 100_000 + opened * 1000), ...over,
  });
}

/** Three commissioners and five requests across 长春, 吉林 and 延边; one declared stake, one request nobody fits. */
async function seed() {
  const [e1, e2, e3] = [await enterprise(), await enterprise(), await enterprise()];
  const voc = '高分子材料改性，汽车内饰材料的VOC控制与配方改进';
  const corn = '玉米深加工，生物发酵工艺与酶制剂应用';
  const a = await commissioner('甲专家', { expertise: voc, keywords: ['VOC', '内饰材料'], stakes: [e1.ent._id] });
  const b = await commissioner('乙专家', { expertise: `${voc}；${corn}`, keywords: ['VOC', '玉米深加工'], capacity: 2, cities: ['220200'], serveCities: ['220200'], industries: ['C36', 'C13'] });
  const c = await commissioner('丙专家', { expertise: corn, keywords: ['玉米深加工', '发酵'], cities: ['222400'], serveCities: ['222400'], industries: ['C13'], disciplines: ['550'] });
  const r1 = await request(e1, { title: '内饰件VOC超标', keywords: ['VOC', '内饰材料'], problem: '汽车内饰件VOC超标，需要改进配方。' });
  const r2 = await request(e2, { title: '座椅面料VOC治理', keywords: ['VOC'], county: '220106', problem: '座椅面料的VOC释放量偏高，需要配方改进。' });
  const r3 = await request(e2, { title: '玉米深加工副产物利用', keywords: ['玉米深加工'], industry: 'C13', city: '220200', problem: '玉米深加工副产物利用率低，希望开发发酵工艺。' });
  const r4 = await request(e3, { title: '发酵工艺优化', keywords: ['发酵', '酶制剂'], industry: 'C13', city: '222400', county: '222401', problem: '玉米发酵工艺转化率低，酶制剂成本高。' });
  const r5 = await request(e3, { title: '水稻育种', keywords: ['水稻育种'], industry: 'A', city: '222400', problem: '寒地水稻品种选育，需要育种专家。' });
  return { e1, e2, e3, a, b, c, r1, r2, r3, r4, r5 };
}

async function admin() {
  return signedInAs(app, await buildUser({ role: 'admin' }));
}

async function run(c: Client, body: Record<string, unknown> = {}) {
  const res = await c.post('/api/admin/pairing-runs', { term, ...body });
  expect(res.status).toBe(202);
  expect(res.body.status).toBe('running');
  await runSettled(res.body.id as string);
  const done = await c.get(`/api/admin/pairing-runs/${res.body.id as string}`);
  expect(done.body.status).toBe('proposed');
  return done.body as { id: string; totals: { score: number; pairs: number; optimalScore: number | null; blockingPairs: number | null } };
}

const pairsOf = async (c: Client, id: string) => (await c.get(`/api/admin/pairing-runs/${id}/pairs`)).body.items as PairingRunPairView[];
const idOf = (x: { _id: Types.ObjectId }) => String(x._id);
const key = (p: PairingRunPairView) => `${p.request.id}:${p.commissioner.id}`;

describe('pairing runs', () => {
  // A run reads every open request and approved commissioner of the term: each test starts from its own.
  beforeEach(async () => {
    await Promise.all([CommissionerModel, ServiceRequestModel, PairingModel, PairingRunModel, NotificationModel, AuditModel].map((m) => (m as typeof AuditModel).deleteMany({})));
  });

  it('find the brute-force optimum, never pair a conflict, explain every pair, and give the same result for the same input', async () => {
    const s = await seed();
    const ad = await admin();
    const r = await run(ad);

    // The optimum of the same matrix, by brute force.
    const inputs = await loadRunInputs(term);
    const scorer = new PairScorer(inputs.commissioners, inputs.requests, { weights: DEFAULT_PAIRING_WEIGHTS, regionRule: 'nearby', minScore: 20 });
    const graph = buildPairGraph(inputs.requests.length, inputs.commissioners.map((_, j) => scorer.placesLeft(j)), (i, j) => scorer.score(i, j), 20);
    expect(r.totals.score).toBeCloseTo(bruteForceBest(graph), 1);
    expect(r.totals.pairs).toBe(4);

    const pairs = await pairsOf(ad, r.id);
    // 甲 declared a stake in the first enterprise: never paired with its request; nobody fits 水稻育种.
    expect(pairs.map(key)).not.toContain(`${idOf(s.r1)}:${idOf(s.a.doc)}`);
    expect(pairs.map((p) => p.request.id)).not.toContain(idOf(s.r5));
    for (const p of pairs) {
      expect(p.parts.map((x) => x.part)).toEqual(['text', 'discipline', 'industry', 'distance', 'preference', 'capacity']);
      expect(p.parts.every((x) => x.zh.length > 0 && x.en.length > 0)).toBe(true);
      expect(p.score).toBeCloseTo(p.parts.reduce((sum, x) => sum + x.points, 0), 1);
    }
    expect(pairs.find((p) => p.request.id === idOf(s.r2))).toMatchObject({ commissioner: { name: '甲专家' }, request: { name: '座椅面料VOC治理', city: '220100', county: '220106' } });

    // Same input, same output: a second run proposes exactly the same pairs.
    const again = await run(ad);
    const cmp = await ad.get(`/api/admin/pairing-runs/compare?a=${r.id}&b=${again.id}`);
    expect(cmp.body).toMatchObject({ added: [], removed: [], kept: 4, totalDelta: 0 });

    // A stable run reports no blocking pair and the optimum beside its own total.
    const stable = await run(ad, { algorithm: 'stable' });
    expect(stable.totals.blockingPairs).toBe(0);
    expect(stable.totals.optimalScore).toBeCloseTo(r.totals.score, 1);
    expect(stable.totals.score).toBeLessThanOrEqual(r.totals.optimalScore ?? r.totals.score + 1e-9);

    // A same-city-only run does not send 甲 (长春) to 吉林 or 延边.
    const local = await run(ad, { regionRule: 'same_city' });
    for (const p of await pairsOf(ad, local.id)) {
      const req = [s.r1, s.r2, s.r3, s.r4, s.r5].find((x) => idOf(x) === p.request.id)!;
      const com = [s.a, s.b, s.c].find((x) => idOf(x.doc) === p.commissioner.id)!;
      expect(com.doc.serveCities).toContain(req.city);
    }
    expect(await AuditModel.countDocuments({ action: 'pairing.run_start' })).toBe(4);
    // The audit log names the run (term and start), not its id.
    const log = await ad.get('/api/admin/audit?action=pairing.run_start');
    expect(log.body.items[0].target.name).toMatch(new RegExp(`^${term} 年度配对（`));
  });

  it('are refused to non-administrators, and options are validated with field messages', async () => {
    await seed();
    const researcher = await signedInAs(app, await buildUser({ role: 'researcher' }));
    expect((await researcher.post('/api/admin/pairing-runs', { term })).status).toBe(403);
    const ad = await admin();
    const bad = await ad.post('/api/admin/pairing-runs', { term, weights: { text: 120 }, regionRule: 'everywhere' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['body.regionRule', 'body.weights.text']);
    expect(bad.body.error.fields.find((f: { path: string }) => f.path === 'body.weights.text').message).toBe('权重须为 0–100 的整数');
  });

  it('re-check manual edits, confirm with notifications to both sides, and take answers; a decline reopens the request', async () => {
    const s = await seed();
    const ad = await admin();
    const r = await run(ad);
    const pairs = await pairsOf(ad, r.id);
    const url = `/api/admin/pairing-runs/${r.id}/pairs`;

    // 甲 and the first enterprise: a declared stake, refused with the reason.
    const conflict = await ad.put(url, { request: idOf(s.r1), commissioner: idOf(s.a.doc) });
    expect(conflict.status).toBe(409);
    expect(conflict.body.error.message).toContain('利益关联');
    // 乙 (capacity 2) already serves two requests in this run; 发酵工艺优化 would fit him otherwise.
    expect(pairs.filter((p) => p.commissioner.id === idOf(s.b.doc))).toHaveLength(2);
    const full = await ad.put(url, { request: idOf(s.r4), commissioner: idOf(s.b.doc) });
    expect(full.status).toBe(409);
    expect(full.body.error.message).toContain('名额已满');
    expect((await ad.put(url, { request: idOf(s.r2), commissioner: '0123456789abcdef01234567' })).status).toBe(400);

    // Remove 甲's pair: the total drops by its score; put 甲 back by hand: the total is restored.
    const mine = pairs.find((p) => p.commissioner.id === idOf(s.a.doc))!;
    const removed = await ad.delete(`${url}/${mine.id}`);
    expect(removed.status).toBe(200);
    expect(removed.body.total).toBeCloseTo(r.totals.score - mine.score, 1);
    expect(removed.body.pairs).toBe(3);
    const back = await ad.put(url, { request: mine.request.id, commissioner: idOf(s.a.doc) });
    expect(back.status).toBe(200);
    expect(back.body.pair).toMatchObject({ manual: true, commissioner: { id: idOf(s.a.doc) } });
    expect(back.body.total).toBeCloseTo(r.totals.score, 1);
    expect(await AuditModel.countDocuments({ action: { $in: ['pairing.pair_set', 'pairing.pair_remove'] } })).toBe(2);

    // Confirm: pairings, requests leave the pool, both sides notified.
    const confirmed = await ad.post(`/api/admin/pairing-runs/${r.id}/confirm`);
    expect(confirmed.body).toMatchObject({ confirmed: 4, dropped: 0, run: { status: 'confirmed' } });
    expect((await ad.put(url, { request: idOf(s.r5), commissioner: idOf(s.b.doc) })).status).toBe(409);
    expect(await ServiceRequestModel.countDocuments({ status: 'paired' })).toBe(4);
    expect(await NotificationModel.countDocuments({ user: s.a.user._id, kind: 'pairing.match' })).toBe(1);
    expect(await NotificationModel.countDocuments({ user: s.e2.owner._id, kind: 'pairing.match' })).toBe(2);
    expect(await AuditModel.countDocuments({ action: 'pairing.run_confirm' })).toBe(1);

    // The commissioner sees his pairing and declines it, with a reason; the request is open again.
    const a = await signedInAs(app, s.a.user);
    const list = await a.get('/api/me/pairings?side=commissioner');
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ status: 'confirmed', mayAnswer: 'commissioner', request: { id: idOf(s.r2) } });
    const pid = list.body.items[0].id as string;
    const noReason = await a.post(`/api/pairings/${pid}/answer`, { accept: false });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields[0]).toMatchObject({ path: 'body.reason', message: '谢绝时请说明理由' });
    const outsider = await signedInAs(app, await buildUser({ role: 'researcher' }));
    expect((await outsider.post(`/api/pairings/${pid}/answer`, { accept: true })).status).toBe(404);
    const declined = await a.post(`/api/pairings/${pid}/answer`, { accept: false, reason: '本季度无法到企业现场' });
    expect(declined.body).toMatchObject({ status: 'declined', commissionerAnswer: { accepted: false, reason: '本季度无法到企业现场' }, mayAnswer: null });
    expect((await ServiceRequestModel.findById(s.r2._id).lean())!.status).toBe('open');
    expect(await NotificationModel.countDocuments({ user: s.e2.owner._id, kind: 'pairing.answer' })).toBe(1);
    expect((await a.post(`/api/pairings/${pid}/answer`, { accept: true })).status).toBe(409);

    // The enterprise and the commissioner both accept another pairing: accepted.
    const owner = await signedInAs(app, s.e3.owner);
    const entList = await owner.get('/api/me/pairings?side=enterprise');
    expect(entList.body.items).toHaveLength(1);
    const other = entList.body.items[0] as { id: string; commissioner: { id: string } };
    expect((await owner.post(`/api/pairings/${other.id}/answer`, { accept: true })).body).toMatchObject({ status: 'confirmed', enterpriseAnswer: { accepted: true } });
    const who = [s.a, s.b, s.c].find((x) => idOf(x.doc) === other.commissioner.id)!;
    const accepted = await (await signedInAs(app, who.user)).post(`/api/pairings/${other.id}/answer`, { accept: true });
    expect(accepted.body.status).toBe('accepted');

    // The next run sees the declined request again (甲's place is free: he holds nothing now), but does not
    // propose 甲 for it again; by hand, the same pair is refused with the reason.
    expect((await loadsOfTerm(term)).get(idOf(s.a.doc))).toBeUndefined();
    const next = await run(ad);
    expect((await ad.get(`/api/admin/pairing-runs/${next.id}`)).body.inputs).toMatchObject({ requests: 2, commissioners: 3 });
    expect((await pairsOf(ad, next.id)).map(key)).not.toContain(`${idOf(s.r2)}:${idOf(s.a.doc)}`);
    const again = await ad.put(`/api/admin/pairing-runs/${next.id}/pairs`, { request: idOf(s.r2), commissioner: idOf(s.a.doc) });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('这一配对本期已被谢绝过');
  });
});
