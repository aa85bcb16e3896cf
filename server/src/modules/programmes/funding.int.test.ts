import { beforeAll, describe, expect, it } from 'vitest';
import { AuditModel } from '../audit/audit.model';
import { FundedProjectModel } from '../funded-projects/funded-project.model';
import { buildAcceptedApplication } from '../funded-projects/funded-project.testing';
import { NotificationModel } from '../notifications/notification.model';
import { buildOrg, buildUser } from '../../testing/factories';
import { testApp, useTestDb, type Client } from '../../testing/harness';
import { signedInAs } from '../../testing/listing-factories';
import { ApplicationModel, type ApplicationRecord } from './application.model';
import { CallBudgetModel } from './funding.model';
import { buildCall } from './programme.testing';

useTestDb();
const app = testApp();
let admin: Client;

async function applicant() {
  const org = await buildOrg({ type: 'enterprise', verified: true });
  const owner = await buildUser({ role: 'enterprise', org: org._id });
  const colleague = await buildUser({ role: 'enterprise', org: org._id });
  return { org, owner, colleague };
}

beforeAll(async () => {
  admin = await signedInAs(app, await buildUser({ role: 'admin', org: null }));
});

describe('the funding decision', () => {
  it('funds within the range and the request, creates the project, notifies the members and audits', async () => {
    const call = await buildCall({ year: 2014, totalBudget: 5_000_000 });
    const a = await applicant();
    const doc = await buildAcceptedApplication(call, a.org._id, a.owner._id, { requested: 1_200_000 });
    const url = `/api/admin/applications/${String(doc._id)}/funding`;

    const page = await admin.get(`/api/admin/calls/${String(call._id)}/funding`).expect(200);
    expect(page.body).toMatchObject({ budget: { total: 5_000_000, funded: 0, remaining: 5_000_000 }, applications: [{ id: String(doc._id), requested: 1_200_000, status: 'accepted', amount: null }] });

    // Above the request, below the call's minimum, and hostile bodies: 400 with the field named.
    expect((await admin.post(url, { decision: 'fund', amount: 1_300_000 })).body.error.fields[0].path).toBe('body.amount');
    expect((await admin.post(url, { decision: 'fund', amount: 100_000 })).status).toBe(400);
    expect((await admin.post(url, { decision: 'fund', amount: '1e6' })).status).toBe(400);
    expect((await admin.post(url, { decision: 'fund', amount: { $gt: 0 } })).status).toBe(400);
    expect((await admin.post(url, { decision: 'maybe' })).status).toBe(400);
    expect((await admin.post(url, { decision: 'reject', reason: '' })).status).toBe(400);
    expect((await admin.post('/api/admin/applications/nope/funding', { decision: 'reject', reason: 'x' })).status).toBe(400);
    // Applicants cannot decide.
    expect((await (await signedInAs(app, a.owner)).post(url, { decision: 'fund', amount: 1_000_000 })).status).toBe(403);

    const funded = await admin.post(url, { decision: 'fund', amount: 1_000_000 });
    expect(funded.status).toBe(200);
    expect(funded.body.budget).toEqual({ total: 5_000_000, funded: 1_000_000, remaining: 4_000_000 });
    expect(funded.body.applications[0]).toMatchObject({ status: 'funded', amount: 1_000_000 });
    const project = await FundedProjectModel.findOne({ application: doc._id }).lean();
    expect(project).toMatchObject({ number: 'JKZ-2014-001', amount: 1_000_000, year: 2014, state: 'active', title: doc.title });
    expect(project!.milestones.map((m) => [m.kind, m.dueDate, m.target, m.state])).toEqual([['pilot', '2030-06-30', 1, 'pending'], ['revenue', '2031-12-31', 500, 'pending']]);
    expect(funded.body.applications[0].projectId).toBe(String(project!._id));
    expect(await NotificationModel.countDocuments({ user: { $in: [a.owner._id, a.colleague._id] }, kind: 'programme.project' })).toBe(2);
    expect(await AuditModel.countDocuments({ action: 'programme.funding_fund', 'target.id': String(doc._id) })).toBe(1);

    // Decided once: a second decision is refused and changes nothing.
    expect((await admin.post(url, { decision: 'reject', reason: '重复' })).status).toBe(409);
    expect((await ApplicationModel.findById(doc._id).lean())!.status).toBe('funded');
    expect((await CallBudgetModel.findOne({ call: call._id }).lean())!.funded).toBe(1_000_000);
  });

  it('rejects with a reason (under review too); drafts and submitted ones cannot be decided', async () => {
    const call = await buildCall({ year: 2014 });
    const a = await applicant();
    const doc = await buildAcceptedApplication(call, a.org._id, a.owner._id, { status: 'under_review' });
    const r = await admin.post(`/api/admin/applications/${String(doc._id)}/funding`, { decision: 'reject', reason: '产业化路径不清晰' });
    expect(r.body.applications[0]).toMatchObject({ status: 'rejected', reason: '产业化路径不清晰', amount: null });
    expect(await FundedProjectModel.countDocuments({ application: doc._id })).toBe(0);
    expect(await NotificationModel.countDocuments({ user: a.owner._id, kind: 'programme.project', title: { $regex: '未获资助' } })).toBe(1);
    expect(await AuditModel.countDocuments({ action: 'programme.funding_reject', 'target.id': String(doc._id) })).toBe(1);

    const b = await applicant();
    const submitted = await buildAcceptedApplication(call, b.org._id, b.owner._id);
    await ApplicationModel.updateOne({ _id: submitted._id }, { $set: { status: 'submitted' } });
    expect((await admin.post(`/api/admin/applications/${String(submitted._id)}/funding`, { decision: 'fund', amount: 1_000_000 })).status).toBe(409);
  });

  it('never lets the sum funded exceed the call budget, even with simultaneous decisions', async () => {
    const call = await buildCall({ year: 2013, totalBudget: 2_500_000 });
    const apps: ApplicationRecord[] = [];
    for (let i = 0; i < 4; i += 1) {
      const a = await applicant();
      apps.push(await buildAcceptedApplication(call, a.org._id, a.owner._id));
    }
    const results = await Promise.all(apps.map((d) => admin.post(`/api/admin/applications/${String(d._id)}/funding`, { decision: 'fund', amount: 1_000_000 })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 409, 409]);
    expect((await CallBudgetModel.findOne({ call: call._id }).lean())!.funded).toBe(2_000_000);
    expect(await FundedProjectModel.countDocuments({ call: call._id })).toBe(2);
    expect(await ApplicationModel.countDocuments({ call: call._id, status: 'accepted' })).toBe(2);
    // Numbers are unique and sequential per programme and year.
    expect((await FundedProjectModel.find({ call: call._id }).lean()).map((p) => p.number).sort()).toEqual(['JKZ-2013-001', 'JKZ-2013-002']);
    // What is left still funds a smaller amount; then nothing more fits.
    const left = apps.find((d) => results[apps.indexOf(d)]!.status === 409)!;
    const ok = await admin.post(`/api/admin/applications/${String(left._id)}/funding`, { decision: 'fund', amount: 500_000 });
    expect(ok.body.budget).toEqual({ total: 2_500_000, funded: 2_500_000, remaining: 0 });
    const last = apps.find((d) => d !== left && results[apps.indexOf(d)]!.status === 409)!;
    const over = await admin.post(`/api/admin/applications/${String(last._id)}/funding`, { decision: 'fund', amount: 500_000 });
    expect(over.status).toBe(409);
    expect((await ApplicationModel.findById(last._id).lean())!.status).toBe('accepted');
  });
});
