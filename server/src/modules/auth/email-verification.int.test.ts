import { describe, expect, it } from 'vitest';
import { AuditModel } from '../audit/audit.model';
import { NotificationModel } from '../notifications/notification.model';
import { OrgModel } from '../orgs/org.model';
import { UserModel } from '../users/user.model';
import { buildOrg, buildUser } from '../../testing/factories';
import { client, testApp, useTestDb } from '../../testing/harness';
import { signedInAs } from '../../testing/listing-factories';
import { TestOutbox } from '../../testing/outbox';
import { EmailVerificationModel } from './email-verification.model';

useTestDb();

const outbox = new TestOutbox();
const app = testApp({ messaging: outbox });
let seq = 0;

/** An account with a pending request to join a (verified unless said) organisation declaring `domain`. */
async function applicant(opts: { verified?: boolean; domain?: string; emailDomain?: string } = {}) {
  seq += 1;
  const org = await buildOrg({ type: 'university', verified: opts.verified ?? true });
  await OrgModel.updateOne({ _id: org._id }, { $set: { emailDomains: [opts.domain ?? 'jlu.edu.cn'] } });
  const manager = await buildUser({ org: org._id, orgRole: 'manager' });
  const user = await buildUser({ org: org._id, orgStatus: 'pending', email: `t${seq}-${Date.now()}@${opts.emailDomain ?? 'jlu.edu.cn'}` });
  return { org, manager, user, c: await signedInAs(app, user) };
}

describe('email verification by code', () => {
  it('verifies the email with the emailed code and approves a pending request to a verified organisation of that domain', async () => {
    const { org, manager, user, c } = await applicant();
    expect((await c.get('/api/users/me')).body.emailVerified).toBe(false);
    expect((await c.post('/api/me/email/verification', {})).status).toBe(202);
    const code = outbox.codeFor(user.email);
    expect(code).toMatch(/^\d{6}$/);
    expect(await EmailVerificationModel.countDocuments({ codeHash: code })).toBe(0); // only its hash is stored

    const done = await c.post('/api/me/email/verify', { code });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ emailVerified: true, membership: { status: 'active', orgRole: 'member' } });
    expect((await UserModel.findById(user._id))?.emailVerifiedAt).toBeInstanceOf(Date);
    expect(await AuditModel.countDocuments({ action: 'org.member_approve', 'target.id': String(org._id), 'detail.by': 'email_domain' })).toBe(1);
    expect(await AuditModel.countDocuments({ action: 'user.email_verify', 'target.id': String(user._id) })).toBe(2);
    expect(await NotificationModel.countDocuments({ user: user._id, kind: 'org.membership' })).toBe(1);
    expect(await NotificationModel.countDocuments({ user: manager._id, kind: 'org.membership' })).toBe(1);
    // A code works once, and a verified email needs no new one.
    expect((await c.post('/api/me/email/verify', { code })).status).toBe(400);
    expect((await c.post('/api/me/email/verification', {})).status).toBe(409);
  });

  it('refuses a wrong code, spends the code after five wrong guesses, and limits resending', async () => {
    const { user, c } = await applicant();
    expect((await c.post('/api/me/email/verification', {})).status).toBe(202);
    const code = outbox.codeFor(user.email) ?? '';
    const wrong = code === '000000' ? '000001' : '000000';
    const bad = await c.post('/api/me/email/verify', { code: wrong });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0]).toMatchObject({ path: 'body.code' });
    expect((await c.post('/api/me/email/verify', { code: 'abc' })).status).toBe(400);
    for (let i = 0; i < 4; i += 1) {
      expect((await c.post('/api/me/email/verify', { code: wrong })).status).toBe(400);
    }
    expect((await c.post('/api/me/email/verify', { code })).status).toBe(400);
    expect((await UserModel.findById(user._id))?.emailVerifiedAt).toBeNull();
    // Another code within the minute is refused.
    expect((await c.post('/api/me/email/verification', {})).status).toBe(429);
  });

  it('refuses an expired code', async () => {
    const { user, c } = await applicant();
    expect((await c.post('/api/me/email/verification', {})).status).toBe(202);
    const code = outbox.codeFor(user.email);
    await EmailVerificationModel.updateMany({ userId: user._id }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await c.post('/api/me/email/verify', { code })).status).toBe(400);
    expect((await UserModel.findById(user._id))?.emailVerifiedAt).toBeNull();
  });

  it('verifies without approving when the organisation is unverified or declares another domain', async () => {
    for (const opts of [{ verified: false }, { emailDomain: 'gmail.com' }]) {
      const { org, user, c } = await applicant(opts);
      expect((await c.post('/api/me/email/verification', {})).status).toBe(202);
      const done = await c.post('/api/me/email/verify', { code: outbox.codeFor(user.email) });
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({ emailVerified: true, membership: { status: 'pending' } });
      expect(await AuditModel.countDocuments({ action: 'org.member_approve', 'target.id': String(org._id) })).toBe(0);
    }
  });

  it('needs a signed-in account', async () => {
    const anon = await client(app);
    expect((await anon.post('/api/me/email/verification', {})).status).toBe(401);
  });
});
