import type { CityCode, IndustryCode } from '@kezhuan/shared';
import { Types } from 'mongoose';
import { beforeEach, describe, expect, it } from 'vitest';
import { AuditModel } from '../audit/audit.model';
import { CommissionerModel } from '../commissioners/commissioner.model';
import { NotificationModel } from '../notifications/notification.model';
import { PairingModel } from '../pairing/pairing.model';
import { ServiceRequestModel } from '../service-requests/service-request.model';
import { buildOrg, buildUser } from '../../testing/factories';
import { testApp, useTestDb } from '../../testing/harness';
import { buildNeed, buildResult, signedInAs } from '../../testing/listing-factories';
import { ServiceAgreementModel, ServiceEntryModel } from './service.model';

useTestDb();
const app = testApp();
const term = 2027;

/** A commissioner and an enterprise paired (confirmed by a run); the test lets both sides accept. */
async function paired(city: CityCode = '220100', industry: IndustryCode = 'C36') {
  const univ = await buildOrg({ type: 'university', verified: true });
  const cUser = await buildUser({ role: 'researcher', org: univ._id });
  const now = new Date();
  const com = await CommissionerModel.create({
    user: cUser._id, org: univ._id, term, status: 'approved', expertise: '高分子材料改性', disciplines: ['430'], industries: [industry], cities: [city], serveCities: [city], capacity: 2, submittedAt: now, approvedAt: now,
  });
  const ent = await buildOrg({ type: 'enterprise', verified: true });
  const owner = await buildUser({ role: 'enterprise', org: ent._id });
  const req = await ServiceRequestModel.create({ org: ent._id, owner: owner._id, status: 'paired', title: '内饰件VOC超标', problem: '需要改进配方。', industry, city, urgency: 'normal', openedAt: now });
  const p = await PairingModel.create({
    run: new Types.ObjectId(), term, status: 'confirmed', request: req._id, org: ent._id, owner: owner._id, commissioner: com._id, commissionerUser: cUser._id, score: 80, confirmedAt: now,
  });
  const c = await signedInAs(app, cUser);
  const e = await signedInAs(app, owner);
  expect((await c.post(`/api/pairings/${String(p._id)}/answer`, { accept: true })).status).toBe(200);
  expect((await e.post(`/api/pairings/${String(p._id)}/answer`, { accept: true })).body.status).toBe('accepted');
  return { id: String(p._id), c, e, cUser, owner, ent, univ };
}

const plan = { goals: '降低内饰件VOC，完成配方改进并通过检测', plannedVisits: 6, plannedHours: 40, startsOn: `${term}-03-01`, endsOn: `${term}-11-30` };
const work = (over: Record<string, unknown> = {}) => ({ date: `${term}-04-10`, hours: 6, problems: '分析VOC来源', outcomes: '确定增塑剂为主要来源', ...over });

async function agreed(s: Awaited<ReturnType<typeof paired>>) {
  expect((await s.c.put(`/api/pairings/${s.id}/agreement`, plan)).status).toBe(200);
  expect((await s.e.post(`/api/pairings/${s.id}/agreement/confirm`)).body.agreement.status).toBe('confirmed');
}

describe('service of an accepted pairing', () => {
  beforeEach(async () => {
    await Promise.all([CommissionerModel, ServiceRequestModel, PairingModel, ServiceAgreementModel, ServiceEntryModel, NotificationModel, AuditModel].map((m) => (m as typeof AuditModel).deleteMany({})));
  });

  it('goes accept → agreement → log → confirm/dispute → rate → totals, notifying the other side and auditing each step', async () => {
    const s = await paired();
    const base = `/api/pairings/${s.id}`;
    // Before the agreement is confirmed, nothing can be logged; the enterprise cannot draft it.
    expect((await s.c.post(`${base}/service-entries`, work())).status).toBe(409);
    expect((await s.e.put(`${base}/agreement`, plan)).status).toBe(403);
    const draft = await s.c.put(`${base}/agreement`, plan);
    expect(draft.body.agreement).toMatchObject({ status: 'draft', plannedVisits: 6, plannedHours: 40 });
    // The page's heading: the request, both parties, and which side the caller stands for.
    expect(draft.body).toMatchObject({ term, title: '内饰件VOC超标', enterprise: s.ent.name, commissioner: s.cUser.displayName, sides: ['commissioner'] });
    expect((await s.e.get(base + '/service')).body.sides).toEqual(['enterprise']);
    expect((await s.c.post(`${base}/agreement/confirm`)).status).toBe(403);
    expect((await s.e.post(`${base}/agreement/confirm`)).body.agreement.status).toBe('confirmed');
    expect((await s.c.put(`${base}/agreement`, plan)).status).toBe(409);

    // Three entries, one linked to a published result and one to a published need on the platform.
    const result = await buildResult(s.cUser, { status: 'published' });
    const need = await buildNeed(s.owner, { status: 'published' });
    const e1 = await s.c.post(`${base}/service-entries`, work({ result: String(result._id) }));
    expect(e1.status).toBe(201);
    expect(e1.body).toMatchObject({ status: 'logged', hours: 6, result: String(result._id) });
    const e2 = (await s.c.post(`${base}/service-entries`, work({ date: `${term}-05-12`, hours: 3.5, visit: false, need: String(need._id) }))).body;
    const e3 = (await s.c.post(`${base}/service-entries`, work({ date: `${term}-06-01`, hours: 8 }))).body;
    expect(await NotificationModel.countDocuments({ user: s.owner._id, kind: 'pairing.service' })).toBe(4);

    // Rating before any confirmed entry is refused; the commissioner cannot confirm his own entry.
    expect((await s.e.post(`${base}/rating`, { score: 5 })).status).toBe(409);
    expect((await s.c.post(`${base}/service-entries/${e1.body.id as string}/review`, { confirm: true })).status).toBe(403);
    expect((await s.e.post(`${base}/service-entries/${e1.body.id as string}/review`, { confirm: true })).body.status).toBe('confirmed');
    expect((await s.e.post(`${base}/service-entries/${e2.id as string}/review`, { confirm: true })).body.status).toBe('confirmed');
    const disputed = await s.e.post(`${base}/service-entries/${e3.id as string}/review`, { confirm: false, reason: '当天未到企业现场' });
    expect(disputed.body).toMatchObject({ status: 'disputed', reason: '当天未到企业现场' });
    expect((await s.e.post(`${base}/service-entries/${e3.id as string}/review`, { confirm: true })).status).toBe(409);
    expect(await NotificationModel.countDocuments({ user: s.cUser._id, kind: 'pairing.service' })).toBe(4);

    // Rated once; a second rating is a conflict.
    const rated = await s.e.post(`${base}/rating`, { score: 4, comment: '响应及时，方案实用' });
    expect(rated.status).toBe(200);
    expect((await s.e.post(`${base}/rating`, { score: 5 })).status).toBe(409);

    // Totals: the disputed 8 h do not count; 3.5 h of remote work is not a visit.
    const view = await s.c.get(`${base}/service`);
    expect(view.body.entries.map((e: { date: string }) => e.date)).toEqual([`${term}-06-01`, `${term}-05-12`, `${term}-04-10`]);
    expect(view.body.totals).toMatchObject({ confirmedHours: 9.5, confirmedVisits: 1, entries: 3, disputed: 1, rating: { score: 4, comment: '响应及时，方案实用' } });
    expect((await s.e.get(`${base}/service`)).body.totals.confirmedHours).toBe(9.5);
    const admin = await signedInAs(app, await buildUser({ role: 'admin' }));
    expect((await admin.get(`${base}/service`)).status).toBe(200);
    const actions = (await AuditModel.find({ action: /^service\./ }).lean()).map((a) => a.action).sort();
    expect(actions).toEqual(['service.agreement_confirm', 'service.agreement_draft', 'service.entry_confirm', 'service.entry_confirm', 'service.entry_dispute', 'service.entry_log', 'service.entry_log', 'service.entry_log', 'service.rate']);
  });

  it('refuses outsiders (404) and the wrong side (403), and validates hostile input with field messages', async () => {
    const s = await paired();
    await agreed(s);
    const base = `/api/pairings/${s.id}`;
    const outsider = await signedInAs(app, await buildUser({ role: 'researcher' }));
    expect((await outsider.get(`${base}/service`)).status).toBe(404);
    expect((await outsider.post(`${base}/service-entries`, work())).status).toBe(404);
    expect((await s.e.post(`${base}/service-entries`, work())).status).toBe(403);
    // A plain member of the enterprise sees the log but may not confirm or rate.
    const member = await signedInAs(app, await buildUser({ role: 'enterprise', org: s.ent._id }));
    expect((await member.get(`${base}/service`)).status).toBe(200);
    const entry = (await s.c.post(`${base}/service-entries`, work())).body as { id: string };
    expect((await member.post(`${base}/service-entries/${entry.id}/review`, { confirm: true })).status).toBe(403);
    expect((await outsider.post(`${base}/service-entries/${entry.id}/review`, { confirm: true })).status).toBe(404);

    const bad = await s.c.post(`${base}/service-entries`, { date: '2027-13-45', hours: 30, problems: '', outcomes: 'x', extra: 1, result: 'not-an-id' });
    expect(bad.status).toBe(400);
    const paths = bad.body.error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['body.date', 'body.hours', 'body.problems', 'body.result']));
    expect(bad.body.error.fields.find((f: { path: string }) => f.path === 'body.hours')).toMatchObject({ message: '工时须为 0.5–24 小时，以半小时计', messageEn: 'Hours are from 0.5 to 24, in half hours' });
    expect((await s.c.post(`${base}/service-entries`, work({ hours: 0.25 }))).status).toBe(400);
    // Outside the agreed period; links to a listing that does not exist, or that he may not see (a draft need).
    const outside = await s.c.post(`${base}/service-entries`, work({ date: `${term}-12-20` }));
    expect(outside.body.error.fields[0]).toMatchObject({ path: 'body.date' });
    expect((await s.c.post(`${base}/service-entries`, work({ result: new Types.ObjectId().toHexString() }))).body.error.fields[0].path).toBe('body.result');
    const hidden = await buildNeed(await buildUser({ role: 'enterprise', org: (await buildOrg({ type: 'enterprise', verified: true }))._id }));
    expect((await s.c.post(`${base}/service-entries`, work({ need: String(hidden._id) }))).body.error.fields[0].path).toBe('body.need');
    const noReason = await s.e.post(`${base}/service-entries/${entry.id}/review`, { confirm: false });
    expect(noReason.body.error.fields[0]).toMatchObject({ path: 'body.reason', message: '提出异议时请说明理由' });
    expect((await s.e.post(`${base}/rating`, { score: 6 })).status).toBe(400);
    // An agreement outside the term, or ending before it starts.
    const s2 = await paired();
    expect((await s2.c.put(`/api/pairings/${s2.id}/agreement`, { ...plan, startsOn: '2026-12-01' })).body.error.fields[0].path).toBe('body.startsOn');
    expect((await s2.c.put(`/api/pairings/${s2.id}/agreement`, { ...plan, endsOn: `${term}-01-01` })).body.error.fields[0].path).toBe('body.endsOn');
    expect(await ServiceEntryModel.countDocuments({})).toBe(1);
  });

  it('sums the programme for administrators by city and industry', async () => {
    const a = await paired('220100', 'C36');
    const b = await paired('220200', 'C13');
    await paired('220200', 'C13'); // accepted, no service yet
    for (const s of [a, b]) {
      await agreed(s);
    }
    const log = async (s: typeof a, hours: number, confirm: boolean) => {
      const e = (await s.c.post(`/api/pairings/${s.id}/service-entries`, work({ hours }))).body as { id: string };
      await s.e.post(`/api/pairings/${s.id}/service-entries/${e.id}/review`, confirm ? { confirm } : { confirm, reason: '不属实' });
    };
    await log(a, 4, true);
    await log(a, 10, false);
    await log(b, 2.5, true);
    await log(b, 3, true);
    await a.e.post(`/api/pairings/${a.id}/rating`, { score: 5 });
    await b.e.post(`/api/pairings/${b.id}/rating`, { score: 2 });

    expect((await a.c.get(`/api/admin/service-summary?term=${term}`)).status).toBe(403);
    const admin = await signedInAs(app, await buildUser({ role: 'admin' }));
    const sum = (await admin.get(`/api/admin/service-summary?term=${term}`)).body;
    expect(sum.total).toEqual({ key: 'all', commissioners: 3, enterprises: 3, activePairings: 3, confirmedHours: 9.5, meanRating: 3.5 });
    expect(sum.byCity).toEqual([
      { key: '220100', commissioners: 1, enterprises: 1, activePairings: 1, confirmedHours: 4, meanRating: 5 },
      { key: '220200', commissioners: 2, enterprises: 2, activePairings: 2, confirmedHours: 5.5, meanRating: 2 },
    ]);
    expect(sum.byIndustry.find((r: { key: string }) => r.key === 'C13')).toMatchObject({ commissioners: 2, activePairings: 2, confirmedHours: 5.5 });
    expect((await admin.get('/api/admin/service-summary?term=abc')).status).toBe(400);
  });
});
