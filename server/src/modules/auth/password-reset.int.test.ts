import { LIMITS } from '@kezhuan/shared';
import { describe, expect, it } from 'vitest';
import { AuditModel } from '../audit/audit.model';
import { UserModel } from '../users/user.model';
import { buildUser, randomUscc, TEST_PASSWORD } from '../../testing/factories';
import { client, testApp, useTestDb } from '../../testing/harness';
import { TestOutbox } from '../../testing/outbox';
import { LoginAttemptModel } from './login-attempt.model';
import { PasswordResetModel } from './password-reset.model';
import { sweepPasswordResets } from './password-reset.service';

useTestDb();

const outbox = new TestOutbox();
const app = testApp({ messaging: outbox });
const NEW_PASSWORD = 'Spring-rain-2031';

describe('password reset by code', () => {
  it('sends a code by email, sets the new password, unlocks the account, ends its sessions and audits', async () => {
    const u = await buildUser();
    const signedIn = await client(app);
    await signedIn.login(u.email, TEST_PASSWORD);
    await LoginAttemptModel.insertMany(Array.from({ length: LIMITS.loginFailuresPerHour }, () => ({ key: `acct:${String(u._id)}`, at: new Date() })));
    const c = await client(app);
    expect((await c.login(u.email, TEST_PASSWORD)).status).toBe(429);

    const asked = await c.post('/api/auth/password-reset', { identifier: u.email.toUpperCase() });
    expect(asked.status).toBe(202);
    const code = outbox.codeFor(u.email);
    expect(code).toMatch(/^\d{6}$/);
    expect(await PasswordResetModel.countDocuments({ codeHash: code })).toBe(0); // only its hash is stored

    const done = await c.post('/api/auth/password-reset/confirm', { identifier: u.email, code, newPassword: NEW_PASSWORD });
    expect(done.status).toBe(200);
    expect((await signedIn.get('/api/users/me')).status).toBe(401);
    expect((await c.login(u.email, TEST_PASSWORD)).status).toBe(401);
    expect((await c.login(u.email, NEW_PASSWORD)).status).toBe(200);
    expect(await AuditModel.countDocuments({ action: 'user.password_reset', 'target.id': String(u._id) })).toBe(2);
    // A code works once.
    const c2 = await client(app);
    expect((await c2.post('/api/auth/password-reset/confirm', { identifier: u.email, code, newPassword: 'Another-pass-77' })).status).toBe(400);
  });

  it('sends the code by SMS when asked with the mobile number', async () => {
    const u = await buildUser();
    const c = await client(app);
    expect((await c.post('/api/auth/password-reset', { identifier: u.phone })).status).toBe(202);
    const code = outbox.codeFor(u.phone);
    expect(code).toMatch(/^\d{6}$/);
    expect((await c.post('/api/auth/password-reset/confirm', { identifier: u.phone, code, newPassword: NEW_PASSWORD })).status).toBe(200);
  });

  it('answers unknown accounts exactly like known ones and sends them nothing', async () => {
    const u = await buildUser();
    const c = await client(app);
    const sent = outbox.emails.length;
    const known = await c.post('/api/auth/password-reset', { identifier: u.email });
    const unknown = await c.post('/api/auth/password-reset', { identifier: 'nobody@nowhere.cn' });
    expect(unknown.status).toBe(known.status);
    expect(unknown.body).toEqual(known.body);
    expect(outbox.emails.length).toBe(sent + 1);
    const bad = await c.post('/api/auth/password-reset/confirm', { identifier: 'nobody@nowhere.cn', code: '123456', newPassword: NEW_PASSWORD });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0]).toMatchObject({ path: 'body.code', message: '验证码不正确或已过期' });
  });

  it('spends a code after five wrong guesses, so it cannot be brute-forced', async () => {
    const u = await buildUser();
    const c = await client(app);
    await c.post('/api/auth/password-reset', { identifier: u.email });
    const code = outbox.codeFor(u.email) ?? '';
    const wrong = code === '000000' ? '000001' : '000000';
    const guesses = await Promise.all(
      Array.from({ length: 8 }, () => c.post('/api/auth/password-reset/confirm', { identifier: u.email, code: wrong, newPassword: NEW_PASSWORD })),
    );
    expect(guesses.every((g) => g.status === 400)).toBe(true);
    expect((await c.post('/api/auth/password-reset/confirm', { identifier: u.email, code, newPassword: NEW_PASSWORD })).status).toBe(400);
  });

  it('sweeps codes older than a day', async () => {
    const u = await buildUser();
    await PasswordResetModel.create({ userId: u._id, codeHash: 'x', channel: 'email', createdAt: new Date(Date.now() - 25 * 3600_000), expiresAt: new Date(Date.now() - 24 * 3600_000) });
    await PasswordResetModel.create({ userId: u._id, codeHash: 'y', channel: 'email', createdAt: new Date(), expiresAt: new Date(Date.now() + 60_000) });
    expect(await sweepPasswordResets()).toBe(1);
    expect(await PasswordResetModel.countDocuments({ userId: u._id })).toBe(1);
  });

  it('refuses expired codes and validates input', async () => {
    const u = await buildUser();
    const c = await client(app);
    await c.post('/api/auth/password-reset', { identifier: u.email });
    const code = outbox.codeFor(u.email);
    await PasswordResetModel.updateMany({ userId: u._id }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await c.post('/api/auth/password-reset/confirm', { identifier: u.email, code, newPassword: NEW_PASSWORD })).status).toBe(400);
    const malformed = await c.post('/api/auth/password-reset/confirm', { identifier: { $ne: null }, code: '12', newPassword: 'x' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('password policy', () => {
  it('refuses common passwords and passwords built from the email or mobile number', async () => {
    const u = await buildUser({ email: 'wangfang@jlu.test.cn' });
    const c = await client(app);
    await c.login(u.email, TEST_PASSWORD);
    for (const [newPassword, code] of [
      ['password12', 'password_common'],
      ['Qwerty123456', 'password_common'],
      ['Wangfang-2026', 'password_identity'],
      [`a${u.phone}`, 'password_identity'],
    ] as const) {
      const res = await c.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword });
      expect(res.status, newPassword).toBe(400);
      expect(res.body.error.fields[0]).toMatchObject({ path: 'body.newPassword', code });
    }
    expect((await c.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Birch-forest-88' })).status).toBe(200);
  });

  it('applies at registration too, before anything is created', async () => {
    const c = await client(app);
    const body = { email: 'liming2026@example.cn', phone: '13912345678', displayName: '李明', role: 'enterprise', newOrg: { name: '长春测试科技有限公司', type: 'enterprise', uscc: randomUscc(), city: '220100' } };
    for (const password of ['password12', 'liming2026@example.cn', 'Liming2026-x']) {
      const res = await c.post('/api/auth/register', { ...body, password });
      expect(res.status, password).toBe(400);
      expect(res.body.error.fields[0].path).toBe('body.password');
    }
    expect(await UserModel.countDocuments({ email: body.email })).toBe(0);
  });
});
