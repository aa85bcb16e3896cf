import { LIMITS } from '@kezhuan/shared';
import { describe, expect, it } from 'vitest';
import { AuditModel } from '../audit/audit.model';
import { LoginAttemptModel } from '../auth/login-attempt.model';
import { buildUser, TEST_PASSWORD } from '../../testing/factories';
import { client, testApp, useTestDb, type Client } from '../../testing/harness';

useTestDb();

const LIMIT = LIMITS.loginFailuresPerHour;
const app = testApp({ trustProxy: 1 });
let ipSeq = 0;
const loginFrom = (c: Client, identifier: string, password = TEST_PASSWORD) => {
  ipSeq += 1;
  return c.agent
    .post('/api/auth/login')
    .set('X-CSRF-Token', c.csrf)
    .set('X-Forwarded-For', `10.20.${Math.floor(ipSeq / 250) % 250}.${ipSeq % 250}`)
    .send({ identifier, password });
};
/** `LIMIT` failed logins of an account, `minutesAgo` minutes ago. */
const failures = (userId: unknown, minutesAgo: number) =>
  LoginAttemptModel.insertMany(Array.from({ length: LIMIT }, () => ({ key: `acct:${String(userId)}`, at: new Date(Date.now() - minutesAgo * 60_000) })));

async function admin(): Promise<Client> {
  const a = await buildUser({ role: 'admin' });
  const c = await client(app);
  expect((await c.login(a.email, TEST_PASSWORD)).status).toBe(200);
  return c;
}

describe('login lock', () => {
  it('is not extended by attempts refused while locked, so it ends an hour after the failures', async () => {
    const u = await buildUser();
    await failures(u._id, 59);
    const c = await client(app);
    // An attacker keeps trying through the lock, as often as he likes.
    for (let batch = 0; batch < LIMIT / 20; batch++) {
      const refused = await Promise.all(Array.from({ length: 20 }, () => loginFrom(c, u.email, 'Wrong-password-7')));
      expect(refused.every((r) => r.status === 429)).toBe(true);
    }
    expect(await LoginAttemptModel.countDocuments({ key: `acct:${String(u._id)}` })).toBe(LIMIT);
    // Two minutes later the failures have left the hour: the owner gets in.
    await LoginAttemptModel.updateMany({ key: `acct:${String(u._id)}` }, { $set: { at: new Date(Date.now() - 61 * 60_000) } });
    expect((await loginFrom(c, u.email)).status).toBe(200);
  });

  it('is ended at once by an administrator’s unlock, which is audited', async () => {
    const u = await buildUser();
    await failures(u._id, 1);
    const c = await client(app);
    expect((await loginFrom(c, u.email)).status).toBe(429);
    const a = await admin();
    const list = await a.get(`/api/admin/users?q=${encodeURIComponent(u.email)}`).expect(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ id: String(u._id), locked: true, disabled: false });
    expect(JSON.stringify(list.body)).not.toContain('argon2');
    const unlocked = await a.post(`/api/admin/users/${String(u._id)}/unlock`);
    expect(unlocked.status).toBe(200);
    expect(unlocked.body.locked).toBe(false);
    expect(await AuditModel.countDocuments({ action: 'user.unlock', 'target.id': String(u._id) })).toBe(1);
    expect((await loginFrom(c, u.email)).status).toBe(200);
  });

  it('is managed by administrators only', async () => {
    const u = await buildUser();
    const c = await client(app);
    await c.login(u.email, TEST_PASSWORD);
    expect((await c.get('/api/admin/users')).status).toBe(403);
    expect((await c.post(`/api/admin/users/${String(u._id)}/unlock`)).status).toBe(403);
    expect((await c.patch(`/api/admin/users/${String(u._id)}/disabled`, { disabled: true })).status).toBe(403);
    const a = await admin();
    expect((await a.get('/api/admin/users?q[$ne]=x')).status).toBe(400);
    expect((await a.patch(`/api/admin/users/${String(u._id)}/disabled`, { disabled: 'yes' })).status).toBe(400);
  });
});

describe('disabled accounts', () => {
  it('lose their sessions, cannot sign in until enabled again, and both changes are audited', async () => {
    const u = await buildUser();
    const c = await client(app);
    await c.login(u.email, TEST_PASSWORD);
    expect((await c.get('/api/users/me')).status).toBe(200);
    const a = await admin();
    const off = await a.patch(`/api/admin/users/${String(u._id)}/disabled`, { disabled: true });
    expect(off.status).toBe(200);
    expect(off.body.disabled).toBe(true);
    expect((await c.get('/api/users/me')).status).toBe(401);
    const again = await client(app);
    const refused = await loginFrom(again, u.email);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('ACCOUNT_DISABLED');
    // A wrong password still says only "wrong account or password".
    expect((await loginFrom(again, u.email, 'Wrong-password-7')).body.error.code).toBe('INVALID_CREDENTIALS');
    const on = await a.patch(`/api/admin/users/${String(u._id)}/disabled`, { disabled: false });
    expect(on.body.disabled).toBe(false);
    expect((await loginFrom(again, u.email)).status).toBe(200);
    expect(await AuditModel.countDocuments({ 'target.id': String(u._id), action: { $in: ['user.disable', 'user.enable'] } })).toBe(2);
  });

  it('an administrator cannot disable himself', async () => {
    const a = await admin();
    const me = (await a.get('/api/users/me')).body as { id: string };
    const res = await a.patch(`/api/admin/users/${me.id}/disabled`, { disabled: true });
    expect(res.status).toBe(409);
    expect((await a.get('/api/users/me')).status).toBe(200);
  });
});
