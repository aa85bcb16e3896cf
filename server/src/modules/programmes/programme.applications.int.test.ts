import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { AuditModel } from '../audit/audit.model';
import { NotificationModel } from '../notifications/notification.model';
import { buildOrg, buildUser } from '../../testing/factories';
import { testApp, useTestDb, type Client } from '../../testing/harness';
import { buildNeed, buildResult, signedInAs } from '../../testing/listing-factories';
import { CallModel } from './call.model';
import { PDF_BYTES, buildCall, validApplicationInput } from './programme.testing';

useTestDb();
const app = testApp();

const upload = (c: Client, id: string, document: string, bytes: Buffer = PDF_BYTES, type = 'application/pdf', name = 'report.pdf') =>
  c.agent.post(`/api/applications/${id}/attachments?name=${encodeURIComponent(name)}&document=${encodeURIComponent(document)}`).set('X-CSRF-Token', c.csrf).set('Content-Type', type).send(bytes);

/** A verified enterprise with a member, and a verified university partner with a published result and a member. */
async function applicants() {
  const ent = await buildOrg({ type: 'enterprise', verified: true });
  const entUser = await buildUser({ role: 'enterprise', org: ent._id });
  const univ = await buildOrg({ type: 'university', verified: true });
  const univUser = await buildUser({ role: 'researcher', org: univ._id });
  const result = await buildResult(univUser, { status: 'published' });
  const need = await buildNeed(entUser, { status: 'published' });
  return { ent, univ, result, need, entUser, univUser, e: await signedInAs(app, entUser), u: await signedInAs(app, univUser) };
}

describe('programme applications', () => {
  it('go draft → submitted → returned → resubmitted → accepted, with audit and notifications', async () => {
    const call = await buildCall({ eligibility: { orgTypes: ['enterprise'], cities: ['220100'], verifiedRequired: true, resultRequired: true, minMaturity: 'pilot', joint: 'required' } });
    const a = await applicants();
    const admin = await signedInAs(app, await buildUser({ role: 'admin' }));

    // Before any links, the caller sees which rules fail.
    const before = await a.e.get(`/api/calls/${String(call._id)}/eligibility`);
    expect(before.body).toMatchObject({ eligible: false, applicationId: null });
    expect(before.body.rules.filter((r: { pass: boolean }) => !r.pass).map((r: { rule: string }) => r.rule)).toEqual(['result', 'joint']);

    const created = await a.e.post(`/api/calls/${String(call._id)}/applications`, validApplicationInput({ partners: [String(a.univ._id)], results: [String(a.result._id)], needs: [String(a.need._id)] }));
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.body).toMatchObject({ status: 'draft', canEdit: true, totals: { own: 1_000_000, requested: 1_000_000, total: 2_000_000 }, partners: [{ id: String(a.univ._id) }] });
    expect((await a.e.post(`/api/calls/${String(call._id)}/applications`, validApplicationInput())).status).toBe(409);
    expect((await a.e.get(`/api/calls/${String(call._id)}/eligibility`)).body).toMatchObject({ eligible: true, applicationId: id });

    // Missing the required document: refused with the field named.
    const incomplete = await a.e.post(`/api/applications/${id}/submit`);
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['attachments.可行性研究报告']);
    // Files are checked by content.
    expect((await upload(a.e, id, '可行性研究报告', Buffer.from('MZ not a pdf'))).status).toBe(415);
    expect((await upload(a.e, id, '可行性研究报告')).status).toBe(201);
    expect((await a.e.post(`/api/applications/${id}/submit`)).body.status).toBe('submitted');
    expect((await a.e.put(`/api/applications/${id}`, validApplicationInput())).status).toBe(409);

    // The administrator sees it in the call's list and returns it with reasons.
    const listed = await admin.get(`/api/admin/calls/${String(call._id)}/applications?status=submitted`);
    expect(listed.body.items.map((x: { id: string }) => x.id)).toEqual([id]);
    expect((await admin.get(`/api/applications/${id}`)).body).toMatchObject({ status: 'submitted', canEdit: false });
    expect((await admin.post(`/api/admin/applications/${id}/check`, { decision: 'return', reasons: [] })).status).toBe(400);
    const returned = await admin.post(`/api/admin/applications/${id}/check`, { decision: 'return', reasons: [{ field: 'budget', reason: '设备购置明细不全' }] });
    expect(returned.body).toMatchObject({ status: 'returned', returnReasons: [{ field: 'budget', reason: '设备购置明细不全' }] });
    expect(await NotificationModel.countDocuments({ user: a.entUser._id, kind: 'programme.application' })).toBe(1);
    expect((await admin.post(`/api/admin/applications/${id}/check`, { decision: 'accept' })).status).toBe(409);

    // Fixed and resubmitted, then accepted.
    const fixed = await a.e.put(`/api/applications/${id}`, validApplicationInput({ partners: [String(a.univ._id)], results: [String(a.result._id)], title: '秸秆制聚乳酸中试（修改稿）' }));
    expect(fixed.body).toMatchObject({ status: 'returned', canEdit: true });
    expect((await a.e.post(`/api/applications/${id}/submit`)).body.status).toBe('submitted');
    expect((await admin.post(`/api/admin/applications/${id}/check`, { decision: 'accept' })).body.status).toBe('accepted');
    expect(await NotificationModel.countDocuments({ user: a.entUser._id, kind: 'programme.application' })).toBe(2);
    const actions = (await AuditModel.find({ 'target.id': id }).sort({ at: 1 }).lean()).map((x) => x.action);
    expect(actions).toEqual(expect.arrayContaining(['programme.application_create', 'programme.application_submit', 'programme.application_return', 'programme.application_accept', 'programme.application_view']));

    // Export: an XLSX with the application in it.
    const xlsx = await admin.agent.get(`/api/admin/calls/${String(call._id)}/applications.xlsx`).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    expect((await a.e.get(`/api/admin/calls/${String(call._id)}/applications.xlsx`)).status).toBe(403);
  });

  it('refuse submission when a rule fails (400 naming the rule), and after the close date', async () => {
    const call = await buildCall({ eligibility: { orgTypes: ['enterprise'], cities: ['220200'], verifiedRequired: true, resultRequired: false, minMaturity: null, joint: 'none' }, requiredDocuments: [] });
    const a = await applicants();
    const id = (await a.e.post(`/api/calls/${String(call._id)}/applications`, validApplicationInput())).body.id as string;
    const refused = await a.e.post(`/api/applications/${id}/submit`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toEqual([expect.objectContaining({ path: 'eligibility.city', messageEn: expect.any(String) })]);

    // Out of the funding range.
    await CallModel.updateOne({ _id: call._id }, { $set: { 'eligibility.cities': [] } });
    await a.e.put(`/api/applications/${id}`, validApplicationInput({ budget: [{ item: '设备', ownFunds: 0, requestedFunds: 9_000_000 }] }));
    expect((await a.e.post(`/api/applications/${id}/submit`)).body.error.fields.map((f: { path: string }) => f.path)).toEqual(['budget']);
    await a.e.put(`/api/applications/${id}`, validApplicationInput());

    // The close date passes: no more submission or edits, no new applications.
    await CallModel.updateOne({ _id: call._id }, { $set: { opensAt: '2013-03-01', closesAt: '2013-04-30' } });
    expect((await a.e.post(`/api/applications/${id}/submit`)).status).toBe(409);
    expect((await a.e.put(`/api/applications/${id}`, validApplicationInput())).status).toBe(409);
    const other = await signedInAs(app, await buildUser({ role: 'enterprise', org: (await buildOrg({ type: 'enterprise', verified: true }))._id }));
    expect((await other.post(`/api/calls/${String(call._id)}/applications`, validApplicationInput())).status).toBe(409);
  });

  it('are private: other organisations get 404, partners read but do not edit, links are checked', async () => {
    const call = await buildCall();
    const a = await applicants();
    const strangerOrg = await buildOrg({ type: 'university', verified: true });
    const strangerUser = await buildUser({ role: 'researcher', org: strangerOrg._id });
    const strangersResult = await buildResult(strangerUser, { status: 'published' });
    const draftResult = await buildResult(a.univUser);

    const bad = await a.e.post(`/api/calls/${String(call._id)}/applications`, validApplicationInput({ partners: [String(a.univ._id)], results: [String(strangersResult._id)] }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['body.results']);
    expect((await a.e.post(`/api/calls/${String(call._id)}/applications`, validApplicationInput({ partners: [String(a.univ._id)], results: [String(draftResult._id)] }))).status).toBe(400);
    expect((await a.e.post(`/api/calls/${String(call._id)}/applications`, validApplicationInput({ partners: ['0123456789abcdef01234567'] }))).status).toBe(400);
    expect((await a.e.post(`/api/calls/${String(call._id)}/applications`, validApplicationInput({ partners: [{ $gt: '' }] }))).status).toBe(400);
    expect((await a.e.post(`/api/calls/${String(call._id)}/applications`, validApplicationInput({ budget: [{ item: 'x', ownFunds: -1, requestedFunds: 'lots' }] }))).status).toBe(400);

    const id = (await a.e.post(`/api/calls/${String(call._id)}/applications`, validApplicationInput({ partners: [String(a.univ._id)], results: [String(a.result._id)] }))).body.id as string;
    const asPartner = await a.u.get(`/api/applications/${id}`);
    expect(asPartner.body).toMatchObject({ asPartner: true, canEdit: false });
    expect((await a.u.put(`/api/applications/${id}`, validApplicationInput())).status).toBe(403);
    expect((await a.u.post(`/api/applications/${id}/submit`)).status).toBe(403);
    expect((await a.u.get('/api/me/applications')).body.items.map((x: { id: string }) => x.id)).toEqual([id]);

    const stranger = await signedInAs(app, strangerUser);
    expect((await stranger.get(`/api/applications/${id}`)).status).toBe(404);
    expect((await stranger.put(`/api/applications/${id}`, validApplicationInput())).status).toBe(404);
    expect((await stranger.post(`/api/applications/${id}/submit`)).status).toBe(404);
    expect((await upload(stranger, id, '可行性研究报告')).status).toBe(404);
    expect((await stranger.get('/api/me/applications')).body.total).toBe(0);
    // A draft is not the administrator's to read.
    const admin = await signedInAs(app, await buildUser({ role: 'admin' }));
    expect((await admin.get(`/api/applications/${id}`)).status).toBe(404);
    expect((await request(app).get(`/api/applications/${id}`)).status).toBe(401);
  });
});
