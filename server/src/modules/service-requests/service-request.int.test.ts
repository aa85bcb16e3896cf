import { describe, expect, it } from 'vitest';
import { AuditModel } from '../audit/audit.model';
import { CommissionerModel } from '../commissioners/commissioner.model';
import { currentTerm } from '../commissioners/commissioner.queries';
import { buildOrg, buildUser } from '../../testing/factories';
import { testApp, useTestDb } from '../../testing/harness';
import { buildNeed, signedInAs } from '../../testing/listing-factories';

useTestDb();
const app = testApp();

function requestInput(overrides: Record<string, unknown> = {}) {
  return {
    title: '汽车内饰件VOC超标治理',
    problem: '内饰件在高温下挥发性有机物超标，需要从原料配方和工艺两方面找到原因并整改，满足主机厂新标准。',
    industry: 'C36',
    city: '220100',
    county: '220106',
    keywords: ['VOC', '内饰材料', '配方改进'],
    urgency: 'high',
    ...overrides,
  };
}

/** An approved commissioner of the current term, stored directly (the application flow has its own tests). */
async function approvedCommissioner() {
  const univ = await buildOrg({ type: 'university', verified: true });
  const user = await buildUser({ role: 'researcher', org: univ._id, displayName: '李研究员' });
  const now = new Date();
  return CommissionerModel.create({
    user: user._id, org: univ._id, term: currentTerm(), status: 'approved', expertise: '高分子材料', keywords: ['VOC'], disciplines: ['430'],
    industries: ['C36'], cities: ['220100'], serveCities: ['220100'], capacity: 2, submittedAt: now, approvedAt: now,
  });
}

async function enterprise() {
  const ent = await buildOrg({ type: 'enterprise', verified: true });
  const ownerUser = await buildUser({ role: 'enterprise', org: ent._id });
  const colleagueUser = await buildUser({ role: 'enterprise', org: ent._id });
  const managerUser = await buildUser({ role: 'enterprise', org: ent._id, orgRole: 'manager' });
  return {
    ent, ownerUser,
    owner: await signedInAs(app, ownerUser),
    colleague: await signedInAs(app, colleagueUser),
    manager: await signedInAs(app, managerUser),
  };
}

describe('enterprise service requests', () => {
  it('are filed as drafts by enterprise members, opened, withdrawn and closed by their owner or managers', async () => {
    const e = await enterprise();
    const liked = await approvedCommissioner();
    const unwanted = await approvedCommissioner();
    const res = await e.owner.post('/api/service-requests', requestInput({ preferred: [String(liked._id)], excluded: [String(unwanted._id)] }));
    expect(res.status).toBe(201);
    const id = res.body.id as string;
    expect(res.body).toMatchObject({ status: 'draft', county: '220106', urgency: 'high', canEdit: true, preferred: [{ id: String(liked._id), name: '李研究员' }], excluded: [{ id: String(unwanted._id) }], org: { id: String(e.ent._id) } });

    expect((await e.owner.post(`/api/service-requests/${id}/withdraw`)).status).toBe(409);
    expect((await e.owner.post(`/api/service-requests/${id}/open`)).body.status).toBe('open');
    // A colleague reads it but may not manage it; outsiders do not see it at all.
    const seen = await e.colleague.get(`/api/service-requests/${id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.canEdit).toBe(false);
    expect((await e.colleague.post(`/api/service-requests/${id}/withdraw`)).status).toBe(403);
    expect((await e.colleague.patch(`/api/service-requests/${id}`, { urgency: 'low' })).status).toBe(403);
    const outsider = await signedInAs(app, await buildUser({ role: 'enterprise' }));
    expect((await outsider.get(`/api/service-requests/${id}`)).status).toBe(404);
    expect((await outsider.post(`/api/service-requests/${id}/close`)).status).toBe(404);
    expect((await outsider.patch(`/api/service-requests/${id}`, { urgency: 'low' })).status).toBe(404);

    const withdrawn = await e.owner.post(`/api/service-requests/${id}/withdraw`);
    expect(withdrawn.body.status).toBe('withdrawn');
    const edited = await e.owner.patch(`/api/service-requests/${id}`, { urgency: 'urgent', county: null });
    // What the edit leaves out is kept (the commissioner lists are not reset to empty).
    expect(edited.body).toMatchObject({ urgency: 'urgent', county: null, title: '汽车内饰件VOC超标治理', preferred: [{ id: String(liked._id) }], excluded: [{ id: String(unwanted._id) }] });
    // An edit must leave the request consistent as a whole: a county of another city is refused.
    expect((await e.owner.patch(`/api/service-requests/${id}`, { county: '220281' })).status).toBe(400);
    expect((await e.manager.post(`/api/service-requests/${id}/close`)).body.status).toBe('closed');
    expect((await e.owner.post(`/api/service-requests/${id}/open`)).status).toBe(409);
    expect((await e.owner.patch(`/api/service-requests/${id}`, { urgency: 'low' })).status).toBe(409);

    const mine = await e.colleague.get('/api/me/service-requests').expect(200);
    expect(mine.body.items.map((r: { id: string }) => r.id)).toEqual([id]);
    for (const action of ['service_request.create', 'service_request.open', 'service_request.withdraw', 'service_request.close']) {
      expect(await AuditModel.countDocuments({ action, 'target.id': id })).toBe(1);
    }
  });

  it('refuses non-enterprise callers, unknown commissioners and inconsistent or hostile input', async () => {
    const e = await enterprise();
    const researcher = await signedInAs(app, await buildUser({ role: 'researcher' }));
    expect((await researcher.post('/api/service-requests', requestInput())).status).toBe(403);
    const pending = await signedInAs(app, await buildUser({ role: 'enterprise', org: e.ent._id, orgStatus: 'pending' }));
    expect((await pending.post('/api/service-requests', requestInput())).status).toBe(403);

    const notApproved = await CommissionerModel.create({
      user: e.ownerUser._id, org: e.ent._id, term: currentTerm(), status: 'awaiting_review', expertise: 'x', capacity: 1, submittedAt: new Date(),
    });
    const unknown = await e.owner.post('/api/service-requests', requestInput({ preferred: [String(notApproved._id)] }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields[0]).toMatchObject({ path: 'body.preferred', message: '须为本服务期已批准的科技特派员' });
    const c = await approvedCommissioner();
    const both = await e.owner.post('/api/service-requests', requestInput({ preferred: [String(c._id)], excluded: [String(c._id)] }));
    expect(both.body.error.fields[0]).toMatchObject({ path: 'body.excluded', message: '同一位特派员不能既是希望的又是排除的' });
    const elsewhere = await e.owner.post('/api/service-requests', requestInput({ county: '220281' }));
    expect(elsewhere.body.error.fields[0]).toMatchObject({ path: 'body.county', message: '所选县（市、区）不属于所选市（州）' });

    const hostile = await e.owner.post('/api/service-requests', requestInput({ title: { $ne: '' }, city: { $gt: '' }, urgency: 'whenever', preferred: [{ $ne: null }], org: 'x' }));
    expect(hostile.status).toBe(400);
    const paths = (hostile.body.error.fields as { path: string; messageEn: string }[]).map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['body.title', 'body.city', 'body.urgency', 'body.preferred.0', 'body']));
    expect((await e.owner.get('/api/me/service-requests?status[$ne]=x')).status).toBe(400);
  });

  it('turns a published need into a request in one step, for the need owner or a manager only', async () => {
    const e = await enterprise();
    const need = await buildNeed(e.ownerUser, { status: 'published' });
    // A colleague who neither owns the need nor manages the enterprise is refused; so is an administrator.
    expect((await e.colleague.post(`/api/needs/${String(need._id)}/service-request`, {})).status).toBe(403);
    const admin = await signedInAs(app, await buildUser({ role: 'admin' }));
    expect((await admin.post(`/api/needs/${String(need._id)}/service-request`, {})).status).toBe(403);
    const draftNeed = await buildNeed(e.ownerUser);
    expect((await e.owner.post(`/api/needs/${String(draftNeed._id)}/service-request`, {})).status).toBe(404);

    const res = await e.owner.post(`/api/needs/${String(need._id)}/service-request`, { urgency: 'urgent', open: true });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'open', need: String(need._id), title: need.title, industry: need.industry, city: need.city,
      county: '220106', keywords: need.keywords, urgency: 'urgent', owner: { id: String(e.ownerUser._id) },
    });
    expect(res.body.problem).toContain(need.problem);
    expect(res.body.problem).toContain(need.desiredOutcome);
    // One live request per need; a manager of the enterprise may make it once the first is closed.
    expect((await e.manager.post(`/api/needs/${String(need._id)}/service-request`, {})).status).toBe(409);
    await e.owner.post(`/api/service-requests/${res.body.id as string}/close`);
    const again = await e.manager.post(`/api/needs/${String(need._id)}/service-request`, {});
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ status: 'draft', urgency: 'normal' });
    expect((await e.owner.post(`/api/needs/${String(need._id)}/service-request`, { urgency: { $gt: '' } })).status).toBe(400);
  });
});
