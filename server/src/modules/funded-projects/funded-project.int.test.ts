import { Types } from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuditModel } from '../audit/audit.model';
import { NotificationModel } from '../notifications/notification.model';
import { targetCounter } from '../plan/plan.counters';
import { JILIN_PLAN_2011_2015 } from '../plan/plan.jilin-2011';
import { createPlan } from '../plan/plan.service';
import { PDF_BYTES, buildCall } from '../programmes/programme.testing';
import { decideFunding } from '../programmes/funding.service';
import { projectFacts } from '../transfer-index/transfer-index.sources';
import { buildOrg, buildUser } from '../../testing/factories';
import { testApp, useTestDb, type Client } from '../../testing/harness';
import { buildResult, signedInAs } from '../../testing/listing-factories';
import type { UserDoc } from '../users/user.model';
import { nextProjectNumber } from './funded-project.create';
import { FundedProjectModel } from './funded-project.model';
import { sweepOverdueMilestones } from './funded-project.sweep';
import { buildAcceptedApplication } from './funded-project.testing';
import { DealRoomModel } from '../deals/deal.model';
import { openedDeal } from '../deals/deal.testing';
import { PairingModel } from '../pairing/pairing.model';
import { ServiceRequestModel } from '../service-requests/service-request.model';

useTestDb();
const app = testApp();
let adminUser: UserDoc;
let admin: Client;

/** A funded project of a verified enterprise with a university partner; one milestone already past due. */
async function fundedProject(programmeType = 'key_transformation', year = 2014) {
  const ent = await buildOrg({ type: 'enterprise', verified: true, city: '220200' });
  const univ = await buildOrg({ type: 'university', verified: true });
  const entUser = await buildUser({ role: 'enterprise', org: ent._id });
  const univUser = await buildUser({ role: 'researcher', org: univ._id });
  const call = await buildCall({ year, programmeType });
  const doc = await buildAcceptedApplication(call, ent._id, entUser._id, {
    partners: [univ._id],
    milestones: [
      { name: '完成中试', dueDate: '2015-06-30', kind: 'pilot', target: 1 },
      { name: '实现投产', dueDate: '2030-06-30', kind: 'production', target: 1 },
    ],
  });
  await decideFunding(adminUser, String(doc._id), { decision: 'fund', amount: 1_000_000 }, '127.0.0.1', new Date('2014-09-01T00:00:00Z'));
  const project = (await FundedProjectModel.findOne({ application: doc._id }).lean())!;
  return { ent, univ, entUser, univUser, project, id: String(project._id), e: await signedInAs(app, entUser), u: await signedInAs(app, univUser) };
}

/** A pairing of the enterprise `org` with the commissioner account `cUser` on a request titled `title`. */
async function pairingOf(org: Types.ObjectId, owner: Types.ObjectId, cUser: Types.ObjectId, status: 'accepted' | 'declined', title: string) {
  const req = await ServiceRequestModel.create({ org, owner, status: 'paired', title, problem: '需要技术支持。', industry: 'C36', city: '220100', urgency: 'normal', openedAt: new Date() });
  return PairingModel.create({
    run: new Types.ObjectId(), term: 2014, status, request: req._id, org, owner, commissioner: new Types.ObjectId(), commissionerUser: cUser, score: 80, confirmedAt: new Date(),
  });
}

beforeAll(async () => {
  adminUser = await buildUser({ role: 'admin', org: null });
  admin = await signedInAs(app, adminUser);
});

describe('funded projects', () => {
  it('numbers the first projects of a programme and year uniquely when they are made at once', async () => {
    // All of them find no counter yet; one insert makes it, the others see it, every $inc is counted.
    const numbers = await Promise.all(Array.from({ length: 8 }, () => nextProjectNumber({ programmeType: 'key_research', year: 2031 })));
    expect([...numbers].sort()).toEqual(Array.from({ length: 8 }, (_, i) => `JYF-2031-00${i + 1}`));
  });

  it('shows the project to its lead and partner, 404 to others, and lists it under my projects', async () => {
    const p = await fundedProject();
    const view = (await p.e.get(`/api/projects/${p.id}`).expect(200)).body;
    expect(view).toMatchObject({ number: p.project.number, canReport: true, partners: [{ id: String(p.univ._id) }], periodFrom: '2014-09-01', periodTo: '2030-06-30' });
    expect(view.milestones.map((m: { state: string; overdue: boolean }) => [m.state, m.overdue])).toEqual([['overdue', true], ['pending', false]]);
    expect((await p.u.get(`/api/projects/${p.id}`).expect(200)).body.canReport).toBe(false);
    expect((await p.e.get('/api/me/projects').expect(200)).body.items.map((x: { id: string }) => x.id)).toEqual([p.id]);
    expect((await p.u.get('/api/me/projects').expect(200)).body.total).toBe(1);

    const stranger = await signedInAs(app, await buildUser({ role: 'enterprise', org: (await buildOrg({ verified: true }))._id }));
    expect((await stranger.get(`/api/projects/${p.id}`)).status).toBe(404);
    expect((await stranger.post(`/api/projects/${p.id}/milestones/${String(p.project.milestones[0]!._id)}/report`, { actual: 1, date: '2015-06-01', evidence: 'x' })).status).toBe(404);
    expect((await stranger.get('/api/me/projects').expect(200)).body.total).toBe(0);
    // The partner reads but does not report.
    expect((await p.u.post(`/api/projects/${p.id}/milestones/${String(p.project.milestones[0]!._id)}/report`, { actual: 1, date: '2015-06-01', evidence: 'x' })).status).toBe(403);
    // The administrator's read is audited; the public list shows the public fields only.
    await admin.get(`/api/projects/${p.id}`).expect(200);
    expect(await AuditModel.countDocuments({ action: 'programme.project_view', 'target.id': p.id })).toBe(1);
    const pub = (await stranger.get('/api/projects').expect(200)).body.items.find((x: { id: string }) => x.id === p.id);
    expect(Object.keys(pub).sort()).toEqual(['amount', 'id', 'number', 'org', 'programmeType', 'state', 'title', 'year']);
    // By year and programme; a hostile or unknown filter is a 400.
    const ids = async (q: string) => ((await stranger.get(`/api/projects?${q}`).expect(200)).body.items as { id: string }[]).map((x) => x.id);
    expect(await ids('year=2014&programmeType=key_transformation')).toContain(p.id);
    expect(await ids('year=2013')).not.toContain(p.id);
    expect(await ids('programmeType=sme_innovation')).not.toContain(p.id);
    expect((await stranger.get('/api/projects?programmeType=nope')).status).toBe(400);
    expect((await stranger.get('/api/projects?year[$gt]=1')).status).toBe(400);
  });

  it('takes milestone reports through reported → returned → reported → accepted, with audit and notifications', async () => {
    const p = await fundedProject();
    const mid = String(p.project.milestones[1]!._id);
    const url = `/api/projects/${p.id}/milestones/${mid}/report`;
    expect((await p.e.post(url, { actual: -1, date: '2015-13-01', evidence: '' })).body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['body.actual', 'body.date', 'body.evidence']);
    expect((await p.e.post(url, { actual: 1, date: '2015-06-01', evidence: '投产仪式', state: 'accepted' })).status).toBe(400);
    expect((await p.e.post(`/api/projects/${p.id}/milestones/${new Types.ObjectId().toHexString()}/report`, { actual: 1, date: '2015-06-01', evidence: 'x' })).status).toBe(404);
    const reported = await p.e.post(url, { actual: 1, date: '2015-06-01', evidence: '生产线投产验收报告' });
    expect(reported.body.milestones[1]).toMatchObject({ state: 'reported', report: { actual: 1, state: 'submitted' } });
    expect((await p.e.post(url, { actual: 1, date: '2015-06-01', evidence: 'again' })).status).toBe(409);

    const review = `/api/admin/projects/${p.id}/milestones/${mid}/review`;
    expect((await p.e.post(review, { decision: 'accept' })).status).toBe(403);
    expect((await admin.post(review, { decision: 'return', reason: '' })).status).toBe(400);
    const returned = await admin.post(review, { decision: 'return', reason: '缺少投产证明' });
    expect(returned.body.milestones[1]).toMatchObject({ state: 'pending', report: { state: 'returned', reason: '缺少投产证明' } });
    await p.e.post(url, { actual: 1, date: '2015-07-01', evidence: '补充投产证明' });
    const accepted = await admin.post(review, { decision: 'accept' });
    expect(accepted.body.milestones[1]).toMatchObject({ state: 'accepted', report: { state: 'accepted', date: '2015-07-01' } });
    expect((await admin.post(review, { decision: 'accept' })).status).toBe(409);
    const actions = (await AuditModel.find({ 'target.id': p.id }).lean()).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['programme.milestone_report', 'programme.milestone_return', 'programme.milestone_accept']));
    expect(await NotificationModel.countDocuments({ user: p.entUser._id, kind: 'programme.project', link: `/projects/${p.id}` })).toBe(3);

    // The overdue milestone accepted too: the project completes and is no longer overdue.
    const first = String(p.project.milestones[0]!._id);
    await p.e.post(`/api/projects/${p.id}/milestones/${first}/report`, { actual: 1, date: '2015-06-20', evidence: '中试报告' });
    const done = await admin.post(`/api/admin/projects/${p.id}/milestones/${first}/review`, { decision: 'accept' });
    expect(done.body).toMatchObject({ state: 'completed', overdueCount: 0 });
  });

  it('takes one yearly report per year, accepted or returned and then replaced', async () => {
    const p = await fundedProject();
    const url = `/api/projects/${p.id}/yearly-reports`;
    const body = { year: 2015, narrative: '中试线建成，完成三批次试生产。', figures: { revenue: 120, jobs: 15 } };
    expect((await p.e.post(url, { ...body, year: 2013 })).body.error.fields[0].path).toBe('body.year');
    expect((await p.e.post(url, { ...body, figures: { salary: 3 } })).status).toBe(400);
    expect((await p.e.post(url, body)).status).toBe(201);
    expect((await p.e.post(url, body)).status).toBe(409);
    expect((await p.u.post(url, { ...body, year: 2016 })).status).toBe(403);
    const back = await admin.post(`/api/admin/projects/${p.id}/yearly-reports/2015/review`, { decision: 'return', reason: '营收数据需附财务报表' });
    expect(back.body.yearlyReports[0]).toMatchObject({ year: 2015, state: 'returned', reason: '营收数据需附财务报表', figures: { revenue: 120, jobs: 15 } });
    expect((await p.e.post(url, { ...body, figures: { revenue: 118, jobs: 15 } })).status).toBe(201);
    // Files of the year's report: checked by content, read by the partner, 404 to strangers, none once accepted.
    const upload = (c: Client, year: number, bytes: Buffer, type = 'application/pdf') =>
      c.agent.post(`/api/projects/${p.id}/yearly-reports/${year}/attachments?name=${encodeURIComponent('财务报表.pdf')}`).set('X-CSRF-Token', c.csrf).set('Content-Type', type).send(bytes);
    expect((await upload(p.e, 2015, Buffer.from('MZ not a pdf'))).status).toBe(415);
    expect((await upload(p.e, 2016, PDF_BYTES)).status).toBe(409);
    expect((await upload(p.u, 2015, PDF_BYTES)).status).toBe(403);
    const file = await upload(p.e, 2015, PDF_BYTES);
    expect(file.status).toBe(201);
    expect((await p.u.get(`/api/projects/${p.id}/attachments/${file.body.key as string}`)).status).toBe(200);
    const stranger = await signedInAs(app, await buildUser({ role: 'enterprise', org: (await buildOrg({ verified: true }))._id }));
    expect((await stranger.get(`/api/projects/${p.id}/attachments/${file.body.key as string}`)).status).toBe(404);
    const ok = await admin.post(`/api/admin/projects/${p.id}/yearly-reports/2015/review`, { decision: 'accept' });
    expect(ok.body.yearlyReports).toEqual([expect.objectContaining({ year: 2015, state: 'accepted', reason: null, figures: { revenue: 118, jobs: 15 }, attachments: [expect.objectContaining({ key: file.body.key, name: '财务报表.pdf' })] })]);
    expect((await upload(p.e, 2015, PDF_BYTES)).status).toBe(409);
  });

  it('links only its organisations\' own results', async () => {
    const p = await fundedProject();
    const own = await buildResult(p.univUser, { status: 'published' });
    const other = await buildResult(await buildUser({ role: 'researcher', org: (await buildOrg({ type: 'university' }))._id }), { status: 'published' });
    const bad = await p.e.put(`/api/projects/${p.id}/links`, { results: [String(other._id)] });
    expect(bad.body.error.fields[0].path).toBe('body.results');
    expect((await p.e.put(`/api/projects/${p.id}/links`, { results: [{ $ne: null }] })).status).toBe(400);
    const ok = await p.e.put(`/api/projects/${p.id}/links`, { results: [String(own._id)] });
    expect(ok.body.results).toEqual([{ id: String(own._id), title: own.title }]);
  });

  it('offers the lead what it may link, and accepts exactly that', async () => {
    const p = await fundedProject();
    const partnerResult = await buildResult(p.univUser, { status: 'published' });
    const withdrawn = await buildResult(p.univUser, { status: 'withdrawn' });
    const strangerResult = await buildResult(await buildUser({ role: 'researcher' }), { status: 'published' });
    const deal = await openedDeal(app);
    await DealRoomModel.updateOne({ _id: deal.dealId }, { $set: { orgs: [p.ent._id, deal.researcher.org] } });
    const otherDeal = await openedDeal(app);
    const pairing = (status: 'accepted' | 'declined', title: string) => pairingOf(p.ent._id, p.entUser._id, p.univUser._id, status, title);
    const accepted = await pairing('accepted', '玉米秸秆制乙醇的预处理');
    const declined = await pairing('declined', '被婉拒的对接');

    expect((await p.u.get(`/api/projects/${p.id}/link-candidates`)).status).toBe(403);
    const stranger = await signedInAs(app, await buildUser({ role: 'enterprise' }));
    expect((await stranger.get(`/api/projects/${p.id}/link-candidates`)).status).toBe(404);

    const c = (await p.e.get(`/api/projects/${p.id}/link-candidates`).expect(200)).body;
    const ids = (xs: { id: string }[]) => xs.map((x) => x.id);
    expect(ids(c.results)).toContain(String(partnerResult._id));
    expect(ids(c.results)).not.toContain(String(withdrawn._id));
    expect(ids(c.results)).not.toContain(String(strangerResult._id));
    expect(ids(c.deals)).toEqual([deal.dealId]);
    expect(c.pairings).toEqual([{ id: String(accepted._id), title: expect.stringContaining('玉米秸秆制乙醇的预处理'), state: 'accepted' }]);
    expect(c.pairings[0].title).toContain(p.univUser.displayName);

    for (const [field, body] of [
      ['body.results', { results: [String(withdrawn._id)] }],
      ['body.deals', { deals: [otherDeal.dealId] }],
      ['body.pairings', { pairings: [String(declined._id)] }],
    ] as const) {
      const bad = await p.e.put(`/api/projects/${p.id}/links`, body);
      expect(bad.status).toBe(400);
      expect(bad.body.error.fields.map((f: { path: string }) => f.path)).toEqual([field]);
    }
    const ok = await p.e.put(`/api/projects/${p.id}/links`, { results: [String(partnerResult._id)], deals: [deal.dealId], pairings: [String(accepted._id)] });
    expect(ok.status).toBe(200);
    expect(ok.body.deals).toEqual([{ id: deal.dealId, title: deal.result.title }]);
    expect(ok.body.pairings).toEqual([{ id: String(accepted._id), title: c.pairings[0].title }]);
    expect((await p.e.put(`/api/projects/${p.id}/links`, {})).body.results).toEqual([]);
  });

  it('sweeps overdue milestones: flags them and notifies the organisation once per milestone', async () => {
    await FundedProjectModel.deleteMany({});
    const p = await fundedProject();
    const now = new Date('2026-01-01T00:00:00Z');
    expect(await sweepOverdueMilestones(now)).toBe(1);
    expect(await sweepOverdueMilestones(now)).toBe(0);
    expect(await NotificationModel.countDocuments({ user: p.entUser._id, title: { $regex: '已逾期' } })).toBe(1);
    expect((await FundedProjectModel.findById(p.project._id).lean())!.overdueCount).toBe(1);
    const list = (await admin.get('/api/admin/projects?overdue=true').expect(200)).body;
    expect(list.items.map((x: { id: string }) => x.id)).toEqual([p.id]);
    expect((await admin.get('/api/admin/projects?overdue=false').expect(200)).body.total).toBe(0);
    const overdue = (await admin.get('/api/admin/projects/overdue').expect(200)).body;
    expect(overdue).toEqual([expect.objectContaining({ project: expect.objectContaining({ id: p.id }), milestone: expect.objectContaining({ name: '完成中试', dueDate: '2015-06-30' }) })]);
    expect((await admin.get('/api/admin/projects?overdue=maybe')).status).toBe(400);
    expect((await p.e.get('/api/admin/projects/overdue')).status).toBe(403);
  });

  it('counts plan targets and the transfer index source from funded projects', async () => {
    await FundedProjectModel.deleteMany({});
    const major = await fundedProject('major_transformation', 2013);
    await fundedProject('sme_innovation', 2014);
    expect(await targetCounter('programme.major_transformation')!()).toEqual([{ city: '220200', year: 2013, count: 1 }]);
    expect(await targetCounter('programme.sme_innovation_fund')!()).toEqual([{ city: '220200', year: 2014, count: 1 }]);
    await createPlan(null, JILIN_PLAN_2011_2015);
    const dash = (await admin.get(`/api/plans/${JILIN_PLAN_2011_2015.code}/dashboard`).expect(200)).body as { targets: { key: string; value: number; source: string }[] };
    expect(dash.targets.find((t) => t.key === 'major_projects')).toMatchObject({ source: 'counter', value: 1 });
    // Accept the first milestone with a report dated 2015: the partner university gets the project (2013) and the milestone (2015).
    const mid = String(major.project.milestones[0]!._id);
    await major.e.post(`/api/projects/${major.id}/milestones/${mid}/report`, { actual: 1, date: '2015-05-01', evidence: '中试报告' });
    await admin.post(`/api/admin/projects/${major.id}/milestones/${mid}/review`, { decision: 'accept' });
    const y2013 = await projectFacts([major.univ._id], 2013);
    expect(y2013.get(String(major.univ._id))!.raw.projects_funded).toBe(1);
    expect((await projectFacts([major.univ._id], 2015)).get(String(major.univ._id))!.raw.projects_funded).toBe(1);
    expect((await projectFacts([major.univ._id], 2014)).get(String(major.univ._id))).toBeUndefined();
  });
});
