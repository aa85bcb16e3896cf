import { describe, expect, it } from 'vitest';
import { AuditModel } from '../audit/audit.model';
import { NotificationModel } from '../notifications/notification.model';
import { ResearchResultModel } from '../results/result.model';
import { UserModel } from '../users/user.model';
import { buildOrg, buildUser, randomUscc, TEST_PASSWORD, uniquePhone } from '../../testing/factories';
import { client, testApp, useTestDb } from '../../testing/harness';
import { buildResult, signedInAs, validResultInput } from '../../testing/listing-factories';
import { TestOutbox } from '../../testing/outbox';
import { registerWithCode } from '../../testing/registration';
import { OrgModel } from './org.model';

useTestDb();
const outbox = new TestOutbox();
const app = testApp({ messaging: outbox });

async function registerJoining(orgId: string, email = `join${Date.now()}${Math.random()}@example.cn`) {
  const c = await client(app);
  const res = await registerWithCode(c, outbox, { email, phone: uniquePhone(), password: TEST_PASSWORD, displayName: '新老师', role: 'researcher', orgId });
  expect(res.status).toBe(201);
  return { c, email };
}

describe('joining an organisation', () => {
  it('is a request: no rights, no contacts until a manager approves; both sides are told and it is audited', async () => {
    const org = await buildOrg({ name: '吉林大学测试', type: 'university', verified: true });
    const managerUser = await buildUser({ role: 'researcher', org: org._id, orgRole: 'manager' });
    const manager = await signedInAs(app, managerUser);
    const colleague = await buildUser({ role: 'researcher', org: org._id });
    const published = await buildResult(colleague, { status: 'published' });
    const { c, email } = await registerJoining(String(org._id));
    const me = (await c.get('/api/users/me')).body;
    expect(me).toMatchObject({ org: { id: String(org._id), verified: true }, membership: { status: 'pending', orgRole: 'member' } });

    // Pending: public view only, no edit, no create, no organisation list.
    const view = await c.get(`/api/results/${String(published._id)}`).expect(200);
    expect(view.body.disclosure).toBe('public');
    expect((await c.patch(`/api/results/${String(published._id)}`, { title: 'x' })).status).toBe(403);
    expect((await c.post('/api/results', validResultInput())).status).toBe(403);
    expect((await c.get('/api/me/results?scope=org')).body.total).toBe(0);

    // The manager sees the request; a plain member neither sees nor decides it.
    const members = await manager.get(`/api/orgs/${String(org._id)}/members`).expect(200);
    const applicant = (members.body as { email: string; id: string; status: string }[]).find((m) => m.email === email);
    expect(applicant?.status).toBe('pending');
    const plain = await signedInAs(app, colleague);
    expect((await plain.get(`/api/orgs/${String(org._id)}/members`)).body.some((m: { status: string }) => m.status === 'pending')).toBe(false);
    expect((await plain.post(`/api/orgs/${String(org._id)}/members/${applicant?.id}/decision`, { approve: true })).status).toBe(403);
    expect(await NotificationModel.countDocuments({ user: managerUser._id, kind: 'org.membership' })).toBe(1);

    expect((await manager.post(`/api/orgs/${String(org._id)}/members/${applicant?.id}/decision`, { approve: true })).status).toBe(200);
    expect((await c.get('/api/users/me')).body.membership).toEqual({ status: 'active', orgRole: 'member' });
    expect((await c.get(`/api/results/${String(published._id)}`)).body.disclosure).toBe('full');
    expect((await c.post('/api/results', validResultInput())).status).toBe(201);
    expect(await NotificationModel.countDocuments({ user: applicant?.id, kind: 'org.membership' })).toBe(1);
    expect(await AuditModel.countDocuments({ action: 'org.join_request', 'target.id': String(org._id) })).toBe(1);
    expect(await AuditModel.countDocuments({ action: 'org.member_approve', actor: managerUser._id })).toBe(1);
    // Decided once: a second decision finds nothing pending.
    expect((await manager.post(`/api/orgs/${String(org._id)}/members/${applicant?.id}/decision`, { approve: false })).status).toBe(404);
  });

  it('a rejected applicant leaves the organisation and may ask another; an administrator may decide too', async () => {
    const org = await buildOrg({ type: 'university', verified: true });
    const { c } = await registerJoining(String(org._id));
    const me = (await c.get('/api/users/me')).body as { id: string };
    const admin = await signedInAs(app, await buildUser({ role: 'admin' }));
    expect((await admin.post(`/api/orgs/${String(org._id)}/members/${me.id}/decision`, { approve: false, note: '查无此人' })).status).toBe(200);
    expect((await c.get('/api/users/me')).body).toMatchObject({ org: null, membership: null });
    const other = await buildOrg({ type: 'university' });
    const again = await c.post('/api/orgs/join', { orgId: String(other._id) });
    expect(again.status).toBe(200);
    expect(again.body.membership).toMatchObject({ status: 'pending', orgRole: 'member' });
    // An enterprise cannot be joined by a researcher.
    const ent = await buildOrg({ type: 'enterprise' });
    expect((await c.post('/api/orgs/join', { orgId: String(ent._id) })).status).toBe(400);
  });

  it('joins at once with a verified email in a domain the organisation declares', async () => {
    const org = await buildOrg({ type: 'university', verified: true });
    const manager = await signedInAs(app, await buildUser({ role: 'researcher', org: org._id, orgRole: 'manager' }));
    expect((await manager.put(`/api/orgs/${String(org._id)}/settings`, { emailDomains: ['JLU.edu.cn'] })).body.emailDomains).toEqual(['jlu.edu.cn']);
    expect((await manager.put(`/api/orgs/${String(org._id)}/settings`, { emailDomains: ['not a domain'] })).status).toBe(400);
    const verified = await buildUser({ role: 'researcher', org: null, email: `prof${Date.now()}@jlu.edu.cn` });
    await UserModel.updateOne({ _id: verified._id }, { $set: { emailVerifiedAt: new Date() } });
    const unverified = await buildUser({ role: 'researcher', org: null, email: `other${Date.now()}@jlu.edu.cn` });
    const a = await (await signedInAs(app, verified)).post('/api/orgs/join', { orgId: String(org._id) });
    const b = await (await signedInAs(app, unverified)).post('/api/orgs/join', { orgId: String(org._id) });
    expect(a.body.membership.status).toBe('active');
    expect(b.body.membership.status).toBe('pending');
  });
});

describe('roles inside an organisation', () => {
  it('managers promote members, hand listings over when someone leaves; "my listings" shows mine, the organisation\'s on request', async () => {
    const org = await buildOrg({ type: 'university', verified: true });
    const managerUser = await buildUser({ role: 'researcher', org: org._id, orgRole: 'manager' });
    const manager = await signedInAs(app, managerUser);
    const leaver = await buildUser({ role: 'researcher', org: org._id });
    const heir = await buildUser({ role: 'researcher', org: org._id });
    await buildResult(leaver);
    await buildResult(leaver, { status: 'published' });
    await buildResult(managerUser);

    const mine = await manager.get('/api/me/results').expect(200);
    expect(mine.body.total).toBe(1);
    const all = await manager.get('/api/me/results?scope=org').expect(200);
    expect(all.body.total).toBe(3);
    expect(all.body.items.every((i: { canEdit: boolean }) => i.canEdit)).toBe(true);
    const heirClient = await signedInAs(app, heir);
    const heirView = await heirClient.get('/api/me/results?scope=org').expect(200);
    expect(heirView.body.items.map((i: { canEdit: boolean }) => i.canEdit)).toEqual([false, false, false]);

    const base = `/api/orgs/${String(org._id)}`;
    expect((await heirClient.post(`${base}/transfer`, { from: String(leaver._id), to: String(heir._id) })).status).toBe(403);
    const moved = await manager.post(`${base}/transfer`, { from: String(leaver._id), to: String(heir._id) });
    expect(moved.body).toEqual({ results: 2, needs: 0 });
    expect(await ResearchResultModel.countDocuments({ owner: heir._id })).toBe(2);
    expect((await manager.post(`${base}/transfer`, { from: String(leaver._id), to: String((await buildUser())._id) })).status).toBe(400);
    expect((await heirClient.get('/api/me/results')).body.total).toBe(2);

    expect((await manager.patch(`${base}/members/${String(heir._id)}`, { orgRole: 'manager' })).status).toBe(200);
    expect((await heirClient.get('/api/users/me')).body.membership.orgRole).toBe('manager');
    expect((await heirClient.patch(`${base}/members/${String(managerUser._id)}`, { orgRole: 'member' })).status).toBe(200);
    // The last manager cannot step down.
    expect((await heirClient.patch(`${base}/members/${String(heir._id)}`, { orgRole: 'member' })).status).toBe(409);
    expect(await AuditModel.countDocuments({ action: 'org.listings_transfer' })).toBe(1);
  });

  it('makes whoever registers a new organisation its first manager', async () => {
    const c = await client(app);
    const res = await registerWithCode(c, outbox, {
      email: `founder${Date.now()}@example.cn`, phone: uniquePhone(), password: TEST_PASSWORD, displayName: '创始人', role: 'enterprise',
      newOrg: { name: '长春新创科技有限公司', type: 'enterprise', uscc: randomUscc(), city: '220100' },
    });
    expect(res.status).toBe(201);
    expect((await c.get('/api/users/me')).body.membership).toEqual({ orgRole: 'manager', status: 'active' });
    expect(await OrgModel.countDocuments({ name: '长春新创科技有限公司' })).toBe(1);
  });
});
