import { beforeAll, describe, expect, it } from 'vitest';
import { excel } from '../../lib/excel';
import { AuditModel } from '../audit/audit.model';
import { NotificationModel } from '../notifications/notification.model';
import { UserModel } from '../users/user.model';
import { buildOrg, buildUser } from '../../testing/factories';
import { testApp, useTestDb, type Client } from '../../testing/harness';
import { buildResult, signedInAs } from '../../testing/listing-factories';
import { ApplicationModel } from './application.model';
import { applicationInput } from '@kezhuan/shared';
import { buildCall, validApplicationInput } from './programme.testing';

useTestDb();
const app = testApp();

type Proposal = { expert: { id: string; user: { id: string } }; score: number; reasons: { zh: string }[]; conflicts: { code: string; zh: string }[] };

/**
 * One call, an accepted joint application (enterprise lead, university partner), and a pool of
 * experts: two without conflicts and one for each conflict rule.
 */
async function world() {
  const call = await buildCall();
  const lead = await buildOrg({ type: 'enterprise', verified: true });
  const partner = await buildOrg({ type: 'university', verified: true });
  const other = await buildOrg({ type: 'institute', verified: true });
  const owner = await buildUser({ role: 'enterprise', org: lead._id, displayName: '申报人甲' });
  const partnerUser = await buildUser({ role: 'researcher', org: partner._id, displayName: '合作者乙' });
  const result = await buildResult(partnerUser, { status: 'published' });
  const mk = async (status: 'accepted' | 'submitted', title: string, org = lead) => ApplicationModel.create({
    ...applicationInput.parse(validApplicationInput({ title })), call: call._id, org: org._id, owner: owner._id, partners: org === lead ? [partner._id] : [], results: [result._id], status, submittedAt: new Date(),
  });
  const application = await mk('accepted', '秸秆制聚乳酸百吨级中试');
  const second = await mk('accepted', '第二个申报', await buildOrg({ type: 'enterprise', verified: true }));
  const third = await mk('accepted', '第三个申报', await buildOrg({ type: 'enterprise', verified: true }));
  const admin = await signedInAs(app, await buildUser({ role: 'admin' }));
  const reviewerUsers = {
    good: await buildUser({ role: 'researcher', org: other._id, displayName: '评审专家王' }),
    good2: await buildUser({ role: 'commissioner', org: other._id, displayName: '评审专家李' }),
    good3: await buildUser({ role: 'researcher', displayName: '评审专家赵' }),
    sameOrg: await buildUser({ role: 'enterprise', org: lead._id, displayName: '同单位专家' }),
    coApplicant: await buildUser({ role: 'researcher', org: partner._id, displayName: '合作单位专家' }),
    stake: await buildUser({ role: 'researcher', org: other._id, displayName: '有利益专家' }),
    moved: await buildUser({ role: 'researcher', org: other._id, displayName: '调动专家' }),
  };
  const experts: Record<string, string> = {};
  const entry = async (key: keyof typeof reviewerUsers, body: Record<string, unknown>) => {
    const res = await admin.post('/api/admin/experts', { user: String(reviewerUsers[key]._id), ...body });
    expect(res.status).toBe(201);
    experts[key] = res.body.id as string;
  };
  await entry('good', { disciplines: ['530'], industries: ['C28'], terms: ['聚乳酸'] });
  await entry('good2', { disciplines: ['530'], terms: [] });
  await entry('good3', { terms: ['生物基材料'] });
  await entry('sameOrg', { disciplines: ['530'] });
  await entry('coApplicant', { disciplines: ['530'] });
  await entry('stake', { disciplines: ['530'], stakes: [String(lead._id)] });
  await entry('moved', { disciplines: ['530'] });
  // Moved to the partner after the entry was made: his account is an applicant's member now.
  await UserModel.updateOne({ _id: reviewerUsers.moved._id }, { $set: { org: partner._id } });
  return { call, lead, partner, owner, partnerUser, application, second, third, admin, reviewerUsers, experts };
}

let w: Awaited<ReturnType<typeof world>>;
let reviewer: Client;
let reviewer2: Client;
let applicant: Client;
let partnerClient: Client;
const appId = () => String(w.application._id);

beforeAll(async () => {
  w = await world();
  reviewer = await signedInAs(app, w.reviewerUsers.good);
  reviewer2 = await signedInAs(app, w.reviewerUsers.good2);
  applicant = await signedInAs(app, w.owner);
  partnerClient = await signedInAs(app, w.partnerUser);
});

describe('expert review', () => {
  it('proposes experts by field match with reasons and excludes every conflict with its reason', async () => {
    const res = await w.admin.get(`/api/admin/applications/${appId()}/proposals`);
    expect(res.status).toBe(200);
    const items = res.body.items as Proposal[];
    const byExpert = new Map(items.map((p) => [p.expert.id, p]));
    const codes = (k: string) => byExpert.get(w.experts[k]!)!.conflicts.map((c) => c.code).sort();
    expect(items.slice(0, 3).map((p) => p.expert.id)).toEqual([w.experts.good, w.experts.good2, w.experts.good3]);
    // Discipline 40 + industry 30 + one key term 10.
    expect(byExpert.get(w.experts.good!)!.score).toBe(80);
    expect(byExpert.get(w.experts.good!)!.reasons.map((r) => r.zh).join(' ')).toContain('聚乳酸');
    expect(byExpert.get(w.experts.good3!)!.reasons[0]!.zh).toContain('生物基材料');
    expect(codes('good')).toEqual([]);
    expect(codes('sameOrg')).toEqual(['applicant_member', 'same_org']);
    expect(codes('coApplicant')).toEqual(['applicant_member', 'co_applicant']);
    expect(codes('stake')).toEqual(['stake']);
    expect(codes('moved')).toEqual(['applicant_member']);
    expect(byExpert.get(w.experts.stake!)!.conflicts[0]!.zh).toContain(w.lead.name);
    // Conflicted experts come after every free one.
    expect(items.slice(3).every((p) => p.conflicts.length > 0)).toBe(true);
  });

  it('refuses to assign a conflicted expert, even through the API, with the reason', async () => {
    for (const k of ['sameOrg', 'coApplicant', 'stake', 'moved']) {
      const res = await w.admin.post(`/api/admin/applications/${appId()}/reviews`, { experts: [w.experts.good, w.experts[k]] });
      expect(res.status).toBe(400);
      expect(res.body.error.fields[0].path).toBe('body.experts.1');
      expect(res.body.error.fields[0].message).toContain('利益冲突');
    }
    expect((await w.admin.get(`/api/admin/applications/${appId()}/reviews`)).body.assigned).toBe(0);
    // Hostile input.
    expect((await w.admin.post(`/api/admin/applications/${appId()}/reviews`, { experts: [{ $gt: '' }] })).status).toBe(400);
    expect((await w.admin.post(`/api/admin/applications/${appId()}/reviews`, { experts: [] })).status).toBe(400);
    expect((await w.admin.get('/api/admin/applications/x/proposals')).status).toBe(400);
    expect((await w.admin.post('/api/admin/experts', { user: String(w.owner._id), stakes: ['0123456789abcdef01234567'] })).status).toBe(400);
    expect((await w.admin.post('/api/admin/experts', { user: String(w.reviewerUsers.good._id) })).status).toBe(409);
    // Not an administrator: no pool, no proposals.
    expect((await reviewer.get('/api/admin/experts')).status).toBe(403);
  });

  it('assigns, notifies, lets each reviewer see only his own, validates scores and makes submitted scores final', async () => {
    const assigned = await w.admin.post(`/api/admin/applications/${appId()}/reviews`, { experts: [w.experts.good, w.experts.good2, w.experts.good3] });
    expect(assigned.status).toBe(200);
    expect(assigned.body.assigned).toBe(3);
    expect((await ApplicationModel.findById(appId()).lean())!.status).toBe('under_review');
    expect(await NotificationModel.countDocuments({ user: w.reviewerUsers.good._id, kind: 'programme.review' })).toBe(1);
    const reviewIds = Object.fromEntries((assigned.body.reviews as { id: string; reviewer: { id: string } }[]).map((r) => [r.reviewer.id, r.id]));
    const mine = reviewIds[String(w.reviewerUsers.good._id)]!;
    const his = reviewIds[String(w.reviewerUsers.good2._id)]!;

    const list = await reviewer.get('/api/me/reviews');
    expect(list.body.items.map((r: { id: string }) => r.id)).toEqual([mine]);
    expect(JSON.stringify(list.body)).not.toContain('评审专家李');
    expect((await reviewer.get(`/api/reviews/${his}`)).status).toBe(404);
    expect((await reviewer.put(`/api/reviews/${his}`, { scores: [] })).status).toBe(404);
    expect((await w.admin.get(`/api/reviews/${mine}`)).status).toBe(404);
    // The reviewer reads the application through his assignment only.
    expect((await reviewer.get(`/api/applications/${appId()}`)).status).toBe(404);
    expect((await reviewer.get(`/api/reviews/${mine}`)).body).toMatchObject({ status: 'assigned', application: { title: '秸秆制聚乳酸百吨级中试' }, call: { criteria: [{ name: '技术先进性', weight: 40 }, { name: '产业化前景', weight: 60 }] } });

    // Criteria must be the call's; ranges; complete to submit.
    expect((await reviewer.put(`/api/reviews/${mine}`, { scores: [{ criterion: '别的指标', score: 50 }] })).status).toBe(400);
    expect((await reviewer.put(`/api/reviews/${mine}`, { scores: [{ criterion: '技术先进性', score: 101 }] })).status).toBe(400);
    expect((await reviewer.put(`/api/reviews/${mine}`, { scores: [{ criterion: '技术先进性', score: 50 }, { criterion: '技术先进性', score: 60 }] })).status).toBe(400);
    expect((await reviewer.put(`/api/reviews/${mine}`, { scores: [], $where: 'sleep(1)' })).status).toBe(400);
    const draft = await reviewer.put(`/api/reviews/${mine}`, { scores: [{ criterion: '技术先进性', score: 80, comment: '工艺成熟' }] });
    expect(draft.body).toMatchObject({ status: 'draft', weightedTotal: 32 });
    const incomplete = await reviewer.post(`/api/reviews/${mine}/submit`, { scores: [{ criterion: '技术先进性', score: 80 }] });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['body.scores.产业化前景', 'body.recommendation']);
    const full = { scores: [{ criterion: '技术先进性', score: 80, comment: '工艺成熟' }, { criterion: '产业化前景', score: 70, comment: '市场明确' }], recommendation: 'fund' };
    expect((await reviewer.post(`/api/reviews/${mine}/submit`, full)).body).toMatchObject({ status: 'submitted', weightedTotal: 74 });
    expect((await reviewer.put(`/api/reviews/${mine}`, full)).status).toBe(409);
    expect((await w.admin.delete(`/api/admin/reviews/${mine}`)).status).toBe(409);

    // The administrator reopens it (audited); the reviewer changes and resubmits.
    expect((await w.admin.post(`/api/admin/reviews/${mine}/reopen`)).status).toBe(204);
    expect((await reviewer.post(`/api/reviews/${mine}/submit`, { ...full, scores: [{ criterion: '技术先进性', score: 90, comment: '' }, { criterion: '产业化前景', score: 80, comment: '' }] })).body.weightedTotal).toBe(84);
    await reviewer2.post(`/api/reviews/${his}/submit`, { scores: [{ criterion: '技术先进性', score: 85 }, { criterion: '产业化前景', score: 85 }], recommendation: 'fund' });
    // The third is withdrawn before scoring, then assigned again.
    const third = reviewIds[String(w.reviewerUsers.good3._id)]!;
    expect((await w.admin.delete(`/api/admin/reviews/${third}`)).status).toBe(204);
    const again = await w.admin.post(`/api/admin/applications/${appId()}/reviews`, { experts: [w.experts.good3] });
    const thirdAgain = (again.body.reviews as { id: string; reviewer: { id: string } }[]).find((r) => r.reviewer.id === String(w.reviewerUsers.good3._id))!.id;
    const r3 = await signedInAs(app, w.reviewerUsers.good3);
    await r3.post(`/api/reviews/${thirdAgain}/submit`, { scores: [{ criterion: '技术先进性', score: 50 }, { criterion: '产业化前景', score: 50 }], recommendation: 'reject' });

    const actions = (await AuditModel.find({ action: /^programme\.review_/ }).lean()).map((a) => a.action).sort();
    expect(actions).toEqual(['programme.review_assign', 'programme.review_assign', 'programme.review_assign', 'programme.review_assign', 'programme.review_reopen', 'programme.review_submit', 'programme.review_submit', 'programme.review_submit', 'programme.review_submit', 'programme.review_withdraw']);

    // Scores, mean, spread and the outlier (50 is > 15 points from the median of 84).
    const view = (await w.admin.get(`/api/admin/applications/${appId()}/reviews`)).body;
    expect(view).toMatchObject({ mean: 73, spread: 35, done: 3, assigned: 3, outlierPoints: 15 });
    expect(view.reviews.filter((r: { outlier: boolean }) => r.outlier).map((r: { weightedTotal: number }) => r.weightedTotal)).toEqual([50]);
  });

  it('ranks the call by mean weighted score, unscored last', async () => {
    const one = await w.admin.post(`/api/admin/applications/${String(w.second._id)}/reviews`, { experts: [w.experts.good] });
    const rid = (one.body.reviews as { id: string }[])[0]!.id;
    await reviewer.post(`/api/reviews/${rid}/submit`, { scores: [{ criterion: '技术先进性', score: 90 }, { criterion: '产业化前景', score: 90 }], recommendation: 'fund' });
    const ranking = await w.admin.get(`/api/admin/calls/${String(w.call._id)}/ranking`);
    expect(ranking.status).toBe(200);
    expect(ranking.body.items.map((r: { title: string; mean: number | null; reviewsDone: number; reviewsAssigned: number }) => [r.title, r.mean, r.reviewsDone, r.reviewsAssigned])).toEqual([
      ['第二个申报', 90, 1, 1],
      ['秸秆制聚乳酸百吨级中试', 73, 3, 3],
      ['第三个申报', null, 0, 0],
    ]);
    expect(ranking.body.items[1]).toMatchObject({ requestedFunds: 1_000_000, spread: 35, org: { name: w.lead.name } });
  });

  it("exports each application's review figures to the programme office, and nothing of its reviewers", async () => {
    const res = await w.admin.agent.get(`/api/admin/calls/${String(w.call._id)}/applications.xlsx`).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (ch: Buffer) => chunks.push(ch));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    const wb = new (excel().Workbook)();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    const [head, ...rows] = wb.worksheets[0]!.getSheetValues().slice(1).map((v) => (v as unknown[]).slice(1));
    const col = (name: string) => head!.findIndex((h) => String(h).startsWith(name));
    const figures = Object.fromEntries(rows.map((r) => [r[col('项目名称')], [r[col('评审均分')], r[col('已评审')], r[col('已分配')], r[col('分差')]]]));
    expect(figures).toEqual({
      '秸秆制聚乳酸百吨级中试': [73, 3, 3, 35],
      '第二个申报': [90, 1, 1, 0],
      '第三个申报': ['', 0, 0, ''], // no review yet: blank, not 0
    });
    const text = JSON.stringify([head, ...rows]);
    for (const s of [...Object.values(w.reviewerUsers).map((u) => u.displayName), ...Object.values(w.reviewerUsers).map((u) => String(u._id)), ...Object.values(w.experts), '工艺成熟', '市场明确']) {
      expect(text).not.toContain(s);
    }
  });

  it('never shows the applicants who reviewed them or their scores', async () => {
    const secrets = [...Object.values(w.reviewerUsers).map((u) => u.displayName), ...Object.values(w.reviewerUsers).map((u) => String(u._id)), 'weightedTotal', 'reviewer', 'recommendation'];
    const reviewIds = ((await w.admin.get(`/api/admin/applications/${appId()}/reviews`)).body.reviews as { id: string }[]).map((r) => r.id);
    for (const c of [applicant, partnerClient]) {
      const bodies = await Promise.all([
        c.get(`/api/applications/${appId()}`),
        c.get('/api/me/applications'),
        c.get(`/api/applications/${appId()}/eligibility`),
        c.get('/api/notifications'),
        c.get(`/api/calls/${String(w.call._id)}/eligibility`),
        c.get('/api/me/reviews'),
      ]);
      for (const res of bodies) {
        expect(res.status).toBe(200);
        const text = JSON.stringify(res.body);
        for (const s of [...secrets, ...reviewIds]) {
          expect(text).not.toContain(s);
        }
      }
      expect((await c.get(`/api/applications/${appId()}`)).body.status).toBe('under_review');
      expect((await c.get(`/api/admin/calls/${String(w.call._id)}/ranking`)).status).toBe(403);
      expect((await c.get(`/api/admin/applications/${appId()}/reviews`)).status).toBe(403);
      for (const id of reviewIds) {
        expect((await c.get(`/api/reviews/${id}`)).status).toBe(404);
      }
    }
  });
});
