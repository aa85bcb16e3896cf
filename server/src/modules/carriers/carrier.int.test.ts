import { describe, expect, it } from 'vitest';
import { AuditModel } from '../audit/audit.model';
import { NotificationModel } from '../notifications/notification.model';
import { buildOrg, buildUser } from '../../testing/factories';
import { testApp, useTestDb } from '../../testing/harness';
import { buildNeed, signedInAs } from '../../testing/listing-factories';
import { CarrierModel } from './carrier.model';
import { countCarriers } from './carrier.counts';

useTestDb();
const app = testApp();

/** A verified enterprise with a member, another enterprise's member, a stranger and an administrator. */
async function cast() {
  const ent = await buildOrg({ type: 'enterprise', verified: true, city: '220200' });
  const memberUser = await buildUser({ role: 'enterprise', org: ent._id });
  const colleagueUser = await buildUser({ role: 'enterprise', org: ent._id });
  const strangerUser = await buildUser({ role: 'enterprise' });
  const adminUser = await buildUser({ role: 'admin' });
  return {
    ent, memberUser,
    member: await signedInAs(app, memberUser),
    colleague: await signedInAs(app, colleagueUser),
    stranger: await signedInAs(app, strangerUser),
    admin: await signedInAs(app, adminUser),
  };
}

const incubator = (tenants: string[] = [], name = '吉林化纤科技企业孵化器') => ({
  name,
  summary: '依托碳纤维产业链，孵化下游复合材料与制品企业，提供中试车间和检测服务。',
  details: { type: 'incubator', areaSqm: 12000, tenants },
});

describe('carrier lifecycle: apply → review → recognise → yearly report → re-evaluation', () => {
  it('runs every step with the right roles, records who/when, audits and notifies', async () => {
    const p = await cast();
    const tenant = await buildOrg({ type: 'enterprise', name: '在孵企业甲' });
    const applied = await p.member.post('/api/carriers', incubator([String(tenant._id)]));
    expect(applied.status).toBe(201);
    const id = applied.body.id as string;
    expect(applied.body).toMatchObject({ type: 'incubator', status: 'submitted', city: '220200' as const, linkedOrgs: [{ id: String(tenant._id), name: '在孵企业甲', role: 'tenant' }] });

    // Not public yet: the directory and the page do not show it; strangers cannot read it.
    expect((await p.stranger.get('/api/carriers?type=incubator')).body.total).toBe(0);
    expect((await p.stranger.get(`/api/carriers/${id}`)).status).toBe(404);
    expect((await p.stranger.get(`/api/me/carriers/${id}`)).status).toBe(404);
    expect((await p.colleague.get(`/api/me/carriers/${id}`)).status).toBe(200);
    // Only administrators review.
    expect((await p.member.post(`/api/admin/carriers/${id}/review`, { decision: 'recognise', certificateNo: 'X-1', recognisedOn: '2026-01-05' })).status).toBe(403);

    // Returned with reasons, resubmitted by a colleague, recognised.
    const queue = await p.admin.get('/api/admin/carriers');
    expect(queue.body.items.map((c: { id: string }) => c.id)).toContain(id);
    const returned = await p.admin.post(`/api/admin/carriers/${id}/review`, { decision: 'return', reason: '请补充场地面积证明' });
    expect(returned.body).toMatchObject({ status: 'returned', reviewReason: '请补充场地面积证明' });
    expect((await p.admin.post(`/api/admin/carriers/${id}/review`, { decision: 'reject', reason: '重复' })).status).toBe(409);
    const again = await p.colleague.put(`/api/me/carriers/${id}`, incubator([String(tenant._id)]));
    expect(again.body.status).toBe('submitted');
    const recognised = await p.admin.post(`/api/admin/carriers/${id}/review`, { decision: 'recognise', certificateNo: '吉科孵字2025-007', recognisedOn: '2025-06-30' });
    expect(recognised.body).toMatchObject({ status: 'recognised', certificateNo: '吉科孵字2025-007', recognisedOn: '2025-06-30' });
    expect(recognised.body.steps.map((s: { action: string }) => s.action)).toEqual(['apply', 'return', 'resubmit', 'recognise']);

    // Public now, with its organisation's activity.
    await buildNeed(p.memberUser, { status: 'published', input: { title: '碳纤维复合材料快速成型' } });
    const page = await p.stranger.get(`/api/carriers/${id}`);
    expect(page.status).toBe(200);
    expect(page.body.activity[0]).toMatchObject({ org: { id: String(p.ent._id) }, needs: { count: 1, latest: [{ title: '碳纤维复合材料快速成型' }] } });
    expect(page.body.steps).toBeUndefined();
    expect((await p.stranger.get('/api/carriers?type=incubator&city=220200&year=2025')).body.total).toBe(1);
    expect((await p.stranger.get('/api/carriers?type=incubator&year=2024')).body.total).toBe(0);

    // Yearly report: figures of the type only; a stranger cannot report; the administrator accepts.
    const bad = await p.member.post(`/api/me/carriers/${id}/reports`, { year: 2025, figures: { tenants: 30, members: 3 }, narrative: '年度在孵企业稳定增长，新增毕业企业五家。' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['body.figures.members', 'body.figures.graduated']));
    const figures = { tenants: 30, graduated: 5, revenue: 8000, patents: 12 };
    expect((await p.stranger.post(`/api/me/carriers/${id}/reports`, { year: 2025, figures, narrative: '年度在孵企业稳定增长，新增毕业企业五家。' })).status).toBe(404);
    const reported = await p.member.post(`/api/me/carriers/${id}/reports`, { year: 2025, figures, narrative: '年度在孵企业稳定增长，新增毕业企业五家。' });
    expect(reported.status).toBe(201);
    expect((await p.member.post(`/api/me/carriers/${id}/reports`, { year: 2025, figures, narrative: '年度在孵企业稳定增长，新增毕业企业五家。' })).status).toBe(409);
    expect((await p.admin.get('/api/admin/carriers?reports=pending')).body.total).toBe(1);
    const accepted = await p.admin.post(`/api/admin/carriers/${id}/reports/2025/review`, { decision: 'accept' });
    expect(accepted.body.reports[0]).toMatchObject({ year: 2025, status: 'accepted' });
    expect((await p.stranger.get(`/api/carriers/${id}`)).body.latestReport).toEqual({ year: 2025, figures });

    // Re-evaluation: warning keeps it public, revocation removes it from directory and counts.
    expect((await p.admin.post(`/api/admin/carriers/${id}/evaluation`, { outcome: 'warning', reason: '在孵企业数量下降' })).body.status).toBe('warning');
    expect(await countCarriers({ type: 'incubator' })).toEqual([{ city: '220200' as const, year: 2025, count: 1 }]);
    expect((await p.admin.post(`/api/admin/carriers/${id}/evaluation`, { outcome: 'revoke', reason: '连续两年未达标' })).body.status).toBe('revoked');
    expect((await p.admin.post(`/api/admin/carriers/${id}/evaluation`, { outcome: 'pass' })).status).toBe(409);
    expect((await p.stranger.get(`/api/carriers/${id}`)).status).toBe(404);
    expect(await countCarriers({ type: 'incubator' })).toEqual([]);

    const actions = (await AuditModel.find({ 'target.id': id }).lean()).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['carrier.apply', 'carrier.return', 'carrier.resubmit', 'carrier.recognise', 'carrier.report', 'carrier.report_accept', 'carrier.evaluate', 'carrier.revoke']));
    expect(await NotificationModel.countDocuments({ user: p.memberUser._id, kind: 'carrier' })).toBeGreaterThanOrEqual(5);
  });

  it('refuses applicants who are not approved members of a verified organisation of an allowed type', async () => {
    const unverified = await buildOrg({ type: 'enterprise', verified: false });
    const u1 = await signedInAs(app, await buildUser({ role: 'enterprise', org: unverified._id }));
    expect((await u1.post('/api/carriers', incubator())).status).toBe(403);
    const ent = await buildOrg({ type: 'enterprise', verified: true });
    const pending = await signedInAs(app, await buildUser({ role: 'enterprise', org: ent._id, orgStatus: 'pending' }));
    expect((await pending.post('/api/carriers', incubator())).status).toBe(403);
    const univ = await buildOrg({ type: 'university', verified: true });
    const researcher = await signedInAs(app, await buildUser({ role: 'researcher', org: univ._id }));
    // A university may not hold an academician workstation (enterprises do), but may hold a key laboratory.
    const workstation = {
      name: '某院士工作站', summary: '院士团队与企业联合攻关汽车轻量化关键技术。',
      details: { type: 'academician_workstation', industry: 'C36', academician: { name: '张院士', academy: 'cae', field: '汽车工程' }, team: [] },
    };
    expect((await researcher.post('/api/carriers', workstation)).status).toBe(403);
    const lab = await researcher.post('/api/carriers', { name: '吉林省某重点实验室', summary: '面向光电材料的基础与应用研究平台。', details: { type: 'key_lab', discipline: '430', level: 'provincial' } });
    expect(lab.status).toBe(201);
    const orgless = await signedInAs(app, await buildUser({ role: 'enterprise', org: null }));
    expect((await orgless.post('/api/carriers', incubator())).status).toBe(403);
  });

  it('validates type-specific fields and hostile input with field messages (400, never 500)', async () => {
    const p = await cast();
    const univ = await buildOrg({ type: 'university' });
    // Tenants must be enterprises on the platform.
    const res = await p.member.post('/api/carriers', incubator([String(univ._id)]));
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0]).toMatchObject({ path: 'body.details.tenants' });
    // A workstation's academy must be one of the two; fields of another type are refused.
    const ws = await p.member.post('/api/carriers', {
      name: '院士工作站', summary: '院士团队与企业联合攻关汽车轻量化关键技术。',
      details: { type: 'academician_workstation', industry: 'C36', academician: { name: '张院士', academy: 'nas', field: '汽车工程' }, areaSqm: 5 },
    });
    expect(ws.status).toBe(400);
    const paths = ws.body.error.fields.map((f: { path: string }) => f.path);
    expect(paths.some((x: string) => x.includes('academy'))).toBe(true);
    for (const hostile of [
      { name: { $gt: '' }, summary: 'x', details: { type: 'incubator' } },
      { ...incubator(), details: { type: { $ne: 1 } } },
      { ...incubator(), details: { type: 'incubator', areaSqm: 1000, tenants: [{ $gt: '' }] } },
      { ...incubator(), __proto__: { admin: true }, status: 'recognised' },
    ]) {
      const r = await p.member.post('/api/carriers', hostile);
      expect(r.status).toBe(400);
      expect(r.body.error.fields.length).toBeGreaterThan(0);
    }
    expect((await p.stranger.get('/api/carriers?city[$ne]=1')).status).toBe(400);
    expect((await p.stranger.get('/api/carriers/counts?type=spaceport')).status).toBe(400);
    expect((await p.admin.post('/api/admin/carriers/000000000000000000000000/review', { decision: 'recognise', certificateNo: 'A-1', recognisedOn: 'yesterday' })).status).toBe(400);
  });
});

describe('carrier counts and directory', () => {
  it('counts recognised, not revoked carriers by city and year of recognition (Beijing time); the API says the same', async () => {
    await CarrierModel.deleteMany({});
    const org = await buildOrg({ type: 'enterprise', verified: true });
    const base = { type: 'industry_base' as const, name: '基地', summary: '测试基地', org: org._id, details: { type: 'industry_base' as const }, submittedAt: new Date(), industry: 'C36' };
    await CarrierModel.create([
      { ...base, city: '220100' as const, status: 'recognised' as const, recognisedOn: new Date('2024-12-31T16:30:00Z'), recognisedYear: 2025 },
      { ...base, city: '220100' as const, status: 'warning' as const, recognisedOn: new Date('2025-03-01T00:00:00Z'), recognisedYear: 2025 },
      { ...base, city: '220100' as const, status: 'recognised' as const, recognisedOn: new Date('2013-05-01T00:00:00Z'), recognisedYear: 2013 },
      { ...base, city: '220200' as const, status: 'recognised' as const, recognisedOn: new Date('2013-05-01T00:00:00Z'), recognisedYear: 2013 },
      { ...base, city: '220200' as const, status: 'revoked' as const, recognisedOn: new Date('2013-05-01T00:00:00Z'), recognisedYear: 2013 },
      { ...base, city: '220200' as const, status: 'submitted' as const },
      { ...base, type: 'incubator' as const, details: { type: 'incubator' as const }, city: '220200' as const, status: 'recognised' as const, recognisedOn: new Date('2013-05-01T00:00:00Z'), recognisedYear: 2013 },
    ]);
    const expected = [
      { city: '220100' as const, year: 2013, count: 1 },
      { city: '220100' as const, year: 2025, count: 2 },
      { city: '220200' as const, year: 2013, count: 1 },
    ];
    expect(await countCarriers({ type: 'industry_base' })).toEqual(expected);
    const anon = (await import('supertest')).default(app);
    expect((await anon.get('/api/carriers/counts?type=industry_base')).body).toEqual(expected);
    expect((await anon.get('/api/carriers/counts')).body).toContainEqual({ city: '220200' as const, year: 2013, count: 2 });
    // The directory shows the public ones only, filtered by city and year.
    expect((await anon.get('/api/carriers?type=industry_base')).body.total).toBe(4);
    expect((await anon.get('/api/carriers?type=industry_base&city=220100&year=2025')).body.total).toBe(2);
    expect((await anon.get('/api/carriers?type=industry_base&industry=C36&city=220200')).body.total).toBe(1);
  });
});
