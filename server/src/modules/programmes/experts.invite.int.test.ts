import { applicationInput } from '@kezhuan/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuditModel } from '../audit/audit.model';
import { UserModel } from '../users/user.model';
import { buildOrg, buildUser, TEST_PASSWORD } from '../../testing/factories';
import { client, testApp, useTestDb, type Client } from '../../testing/harness';
import { signedInAs } from '../../testing/listing-factories';
import { TestOutbox } from '../../testing/outbox';
import { ApplicationModel } from './application.model';
import { ExpertModel } from './experts.model';
import { buildCall, validApplicationInput } from './programme.testing';

useTestDb();
const outbox = new TestOutbox();
const app = testApp({ messaging: outbox });
const EMAIL = 'zhang.outside@example.edu.cn';
const PASSWORD = 'Autumn-leaf-2032';
const invite = { displayName: '张教授（外聘）', email: EMAIL, phone: '13912345678', disciplines: ['530'], terms: ['聚乳酸'] };

let admin: Client;
beforeAll(async () => {
  admin = await signedInAs(app, await buildUser({ role: 'admin' }));
});

describe('inviting an outside expert', () => {
  it('refuses strangers, hostile input and addresses that already have an account', async () => {
    const someone = await buildUser({ role: 'researcher' });
    const researcher = await signedInAs(app, someone);
    expect((await researcher.post('/api/admin/experts/invite', invite)).status).toBe(403);
    const bad = await admin.post('/api/admin/experts/invite', { ...invite, email: 'not-an-email', phone: '123', $where: '1' });
    expect(bad.status).toBe(400);
    const taken = await admin.post('/api/admin/experts/invite', { ...invite, email: someone.email.toUpperCase() });
    expect(taken.status).toBe(409);
    expect(taken.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['body.email']);
    expect((await admin.post('/api/admin/experts/invite', { ...invite, phone: someone.phone })).status).toBe(409);
    expect(outbox.emails).toHaveLength(0);
  });

  it('creates the account without a password and the pool entry, mails a set-password link, audits; the expert sets a password and finds his assignment', async () => {
    const res = await admin.post('/api/admin/experts/invite', invite);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ user: { displayName: '张教授（外聘）', role: 'researcher' }, org: null, disciplines: ['530'], terms: ['聚乳酸'], active: true });
    const user = await UserModel.findOne({ email: EMAIL }).lean();
    expect(user).toMatchObject({ role: 'researcher', org: null, phone: '13912345678' });
    expect(await ExpertModel.countDocuments({ user: user!._id })).toBe(1);
    expect(await AuditModel.countDocuments({ action: 'programme.expert_invite', 'target.id': String(user!._id) })).toBe(1);
    // Nobody knows a password for it yet: neither a guess nor an empty one signs in.
    const expert = await client(app);
    expect((await expert.login(EMAIL, TEST_PASSWORD)).status).toBe(401);
    expect((await admin.post('/api/admin/experts/invite', invite)).status).toBe(409);

    const mail = outbox.emails.at(-1)!;
    expect(mail.to).toBe(EMAIL);
    const code = outbox.codeFor(EMAIL)!;
    expect(mail.text).toContain(`/forgot-password?identifier=${encodeURIComponent(EMAIL)}&code=${code}`);
    expect((await expert.post('/api/auth/password-reset/confirm', { identifier: EMAIL, code: '000000' === code ? '111111' : '000000', newPassword: PASSWORD })).status).toBe(400);
    expect((await expert.post('/api/auth/password-reset/confirm', { identifier: EMAIL, code, newPassword: PASSWORD })).status).toBe(200);
    expect((await expert.post('/api/auth/password-reset/confirm', { identifier: EMAIL, code, newPassword: PASSWORD })).status).toBe(400); // once
    expect((await expert.login(EMAIL, PASSWORD)).status).toBe(200);

    // Assigned to an application, the expert sees it in his reviews.
    const call = await buildCall();
    const lead = await buildOrg({ type: 'enterprise', verified: true });
    const owner = await buildUser({ role: 'enterprise', org: lead._id });
    const application = await ApplicationModel.create({
      ...applicationInput.parse(validApplicationInput({ title: '外聘专家评审的申报' })), call: call._id, org: lead._id, owner: owner._id, partners: [], results: [], status: 'accepted', submittedAt: new Date(),
    });
    const assigned = await admin.post(`/api/admin/applications/${String(application._id)}/reviews`, { experts: [res.body.id] });
    expect(assigned.status).toBe(200);
    const mine = await expert.get('/api/me/reviews');
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((r: { application: { title: string } }) => r.application.title)).toEqual(['外聘专家评审的申报']);
  });
});
