import { describe, expect, it } from 'vitest';
import { AuditModel } from '../audit/audit.model';
import { OrgModel } from '../orgs/org.model';
import { UserModel } from '../users/user.model';
import { buildUser, randomUscc, TEST_PASSWORD, uniquePhone } from '../../testing/factories';
import { client, testApp, useTestDb, type Client } from '../../testing/harness';
import { TestOutbox } from '../../testing/outbox';
import { registerWithCode } from '../../testing/registration';
import { LoginAttemptModel } from './login-attempt.model';
import { RegistrationCodeModel } from './registration-code.model';
import { REGISTER_LIMITS } from './registration.service';

useTestDb();

const newOrg = () => ({ name: '长春新材料科技有限公司', type: 'enterprise', uscc: randomUscc(), city: '220100' });
const registration = (over: Record<string, unknown> = {}) => ({
  email: `new${Math.random().toString(36).slice(2)}@example.cn`,
  phone: uniquePhone(),
  password: 'Jilin-research-2026',
  displayName: '刘工',
  role: 'enterprise',
  newOrg: newOrg(),
  ...over,
});

function sidOf(res: { headers: Record<string, unknown> }): string | undefined {
  const cookies = (res.headers['set-cookie'] as string[] | undefined) ?? [];
  return cookies.find((c) => c.startsWith('kz.sid='))?.split(';')[0];
}

describe('registration', () => {
  const outbox = new TestOutbox();
  // Requests appear to come from different addresses through a trusted proxy (the per-address limits).
  const app = testApp({ messaging: outbox, trustProxy: 1 });
  const from = (c: Client, ip: string, path: string, body: unknown) => c.agent.post(path).set('X-CSRF-Token', c.csrf).set('X-Forwarded-For', ip).send(body as object);

  it('creates the account only with the emailed code: email verified, an unverified organisation, signed in, never the hash', async () => {
    const c = await client(app);
    const body = registration();
    const sent = await c.post('/api/auth/register', body);
    expect(sent.status).toBe(202);
    expect(sent.body).toEqual({ sent: true, expiresInMinutes: 15, resendAfterSeconds: 60 });
    expect(await UserModel.countDocuments({ email: body.email })).toBe(0); // nothing before the code
    const code = outbox.codeFor(body.email);
    expect(code).toMatch(/^\d{6}$/);
    expect(await RegistrationCodeModel.countDocuments({ codeHash: code })).toBe(0); // only its hash is stored

    const res = await c.post('/api/auth/register/confirm', { ...body, code });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ email: body.email, role: 'enterprise', emailVerified: true, org: { verified: false, type: 'enterprise' }, membership: { orgRole: 'manager', status: 'active' } });
    expect(JSON.stringify(res.body)).not.toContain('passwordHash');
    expect(JSON.stringify(res.body)).not.toContain('$argon2');
    const stored = await UserModel.findOne({ email: body.email });
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const me = await c.get('/api/users/me').expect(200);
    expect(me.body.email).toBe(body.email);

    // The code worked once.
    const again = await (await client(app)).post('/api/auth/register/confirm', { ...body, code });
    expect(again.status).toBe(400);
    expect(again.body.error.fields[0].path).toBe('body.code');
    expect(await UserModel.countDocuments({ email: body.email })).toBe(1);
  });

  it('answers step 1 the same for a free and a registered email; the owner gets a notice and no code', async () => {
    const existing = await buildUser();
    const c = await client(app);
    const free = registration();
    const a = await from(c, '10.20.0.1', '/api/auth/register', free);
    const b = await from(c, '10.20.0.2', '/api/auth/register', registration({ email: existing.email }));
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(b.body).toEqual(a.body);
    expect(Object.keys(b.headers).sort()).toEqual(Object.keys(a.headers).sort());
    const notice = outbox.emails.filter((m) => m.to === existing.email);
    expect(notice).toHaveLength(1);
    expect(notice[0]?.text).toContain('有人尝试用您的邮箱注册');
    expect(notice[0]?.text).not.toMatch(/\b\d{6}\b/);
    expect(outbox.codeFor(free.email)).toMatch(/^\d{6}$/);
    // No code can create a second account for the registered address.
    const guess = await from(c, '10.20.0.2', '/api/auth/register/confirm', { ...registration({ email: existing.email }), code: '123456' });
    expect(guess.status).toBe(400);
    expect(guess.body.error.fields[0].path).toBe('body.code');
    expect(await UserModel.countDocuments({ email: existing.email })).toBe(1);
    // Asking again at once is refused alike for both, with the wait.
    const a2 = await from(c, '10.20.0.3', '/api/auth/register', free);
    const b2 = await from(c, '10.20.0.4', '/api/auth/register', registration({ email: existing.email }));
    expect([a2.status, b2.status]).toEqual([429, 429]);
    expect(b2.body).toEqual(a2.body);
    expect(Number(a2.headers['retry-after'])).toBeGreaterThan(0);
    expect(a2.body.error).toMatchObject({ message: '验证码发送过于频繁，请稍后再试', messageEn: expect.stringContaining('too often') });
  });

  it('creates nothing with a wrong or an expired code, and spends a code after five wrong guesses', async () => {
    const c = await client(app);
    const body = registration();
    const orgsBefore = await OrgModel.countDocuments();
    expect((await from(c, '10.21.0.1', '/api/auth/register', body)).status).toBe(202);
    const code = outbox.codeFor(body.email) ?? '';
    const wrong = code === '000000' ? '000001' : '000000';
    for (let i = 0; i < 5; i += 1) {
      expect((await c.post('/api/auth/register/confirm', { ...body, code: wrong })).status).toBe(400);
    }
    expect((await c.post('/api/auth/register/confirm', { ...body, code })).status).toBe(400); // spent

    const late = registration();
    expect((await from(c, '10.21.0.2', '/api/auth/register', late)).status).toBe(202);
    await RegistrationCodeModel.updateMany({ email: late.email }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await c.post('/api/auth/register/confirm', { ...late, code: outbox.codeFor(late.email) });
    expect(expired.status).toBe(400);
    expect(expired.body.error.fields[0]).toMatchObject({ path: 'body.code', message: '验证码不正确或已过期', messageEn: 'The code is wrong or has expired' });
    expect(await UserModel.countDocuments({ email: { $in: [body.email, late.email] } })).toBe(0);
    expect(await OrgModel.countDocuments()).toBe(orgsBefore);
  });

  it('refuses a mobile number another account holds only after the code, spends the code and tells the number’s owner', async () => {
    const existing = await buildUser();
    const c = await client(app);
    const body = registration({ phone: existing.phone });
    const sent = await from(c, '10.22.0.1', '/api/auth/register', body);
    expect(sent.status).toBe(202); // step 1 says nothing about the number
    const code = outbox.codeFor(body.email);
    const res = await c.post('/api/auth/register/confirm', { ...body, code });
    expect(res.status).toBe(409);
    expect(res.body.error.fields[0]).toMatchObject({ path: 'body.phone', code: 'taken' });
    expect(outbox.texts.filter((m) => m.to === existing.phone).at(-1)?.text).toContain('有人尝试用您的手机号注册');
    expect(await UserModel.countDocuments({ email: body.email })).toBe(0);
    // One probe per code: the same code does not work with another number.
    expect((await c.post('/api/auth/register/confirm', { ...body, phone: uniquePhone(), code })).status).toBe(400);
  });

  it('joins an existing organisation when the role fits (at once when the verified email is in its domain), and refuses one that does not', async () => {
    const uni = await OrgModel.create({ name: '吉林大学测试', nameKey: 'x', type: 'university', uscc: randomUscc(), city: '220100', verified: true, emailDomains: ['jlu.test.cn'] });
    const c = await client(app);
    const bad = await from(c, '10.23.0.1', '/api/auth/register', registration({ newOrg: undefined, orgId: String(uni._id), role: 'enterprise' }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('body.orgId');
    const pending = await registerWithCode(c, outbox, registration({ newOrg: undefined, orgId: String(uni._id), role: 'researcher' }));
    expect(pending.status).toBe(201);
    expect(pending.body.user).toMatchObject({ org: { id: String(uni._id) }, membership: { status: 'pending' } });
    const byDomain = await registerWithCode(await client(app), outbox, registration({ email: `li${Date.now()}@jlu.test.cn`, newOrg: undefined, orgId: String(uni._id), role: 'researcher' }));
    expect(byDomain.status).toBe(201);
    expect(byDomain.body.user).toMatchObject({ emailVerified: true, membership: { status: 'active', orgRole: 'member' } });
  });

  it('answers bad fields with 400 and messages in Chinese and English, creating nothing', async () => {
    const c = await client(app);
    const before = await UserModel.countDocuments();
    const res = await c.post('/api/auth/register', registration({ email: 'not-an-email', phone: '12345', newOrg: { ...newOrg(), uscc: '91220100MA00000000' } }));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const byPath = Object.fromEntries((res.body.error.fields as { path: string; message: string; messageEn: string }[]).map((f) => [f.path, f]));
    expect(byPath['body.email']).toMatchObject({ message: '邮箱格式不正确', messageEn: 'Invalid email address' });
    expect(byPath['body.phone']?.message).toContain('手机号');
    expect(byPath['body.phone']?.messageEn).toContain('mobile');
    expect(byPath['body.newOrg.uscc']?.message).toContain('统一社会信用代码');
    const noCode = await c.post('/api/auth/register/confirm', registration({ code: '12ab' }));
    expect(noCode.body.error.fields[0]).toMatchObject({ path: 'body.code', message: '请输入6位数字验证码', messageEn: 'Enter the 6-digit code' });
    expect(await UserModel.countDocuments()).toBe(before);
  });

  it('refuses self-assigned administrator role and pre-verified organisations (mass assignment)', async () => {
    const c = await client(app);
    const orgsBefore = await OrgModel.countDocuments();
    for (const path of ['/api/auth/register', '/api/auth/register/confirm']) {
      const code = path.endsWith('confirm') ? { code: '123456' } : {};
      expect((await c.post(path, registration({ role: 'admin', ...code }))).status).toBe(400);
      expect((await c.post(path, registration({ newOrg: { ...newOrg(), verified: true }, ...code }))).status).toBe(400);
      expect((await c.post(path, registration({ _id: '0123456789abcdef01234567', createdBy: 'x', ...code }))).status).toBe(400);
    }
    expect(await OrgModel.countDocuments()).toBe(orgsBefore);
    expect(await UserModel.countDocuments({ role: 'admin' })).toBe(0);
  });

  it(`limits step 1 to ${REGISTER_LIMITS.perIpPerHour} requests an hour per network address`, async () => {
    const c = await client(app);
    for (let i = 0; i < REGISTER_LIMITS.perIpPerHour; i += 1) {
      expect((await from(c, '10.24.0.1', '/api/auth/register', registration())).status).toBe(202);
    }
    const refused = await from(c, '10.24.0.1', '/api/auth/register', registration());
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(3000);
    expect((await from(c, '10.24.0.2', '/api/auth/register', registration())).status).toBe(202);
  });
});

describe('login and sessions', () => {
  it('accepts email or mobile number, regenerates the session id and issues a new CSRF token', async () => {
    const u = await buildUser({ role: 'researcher' });
    const c = await client(testApp());
    const anonSid = sidOf(await c.agent.get('/api/auth/session'));
    const tokenBefore = c.csrf;
    const byEmail = await c.login(`  ${u.email.toUpperCase()} `, TEST_PASSWORD);
    expect(byEmail.status).toBe(200);
    expect(byEmail.body.user.id).toBe(String(u._id));
    const loginSid = sidOf(byEmail);
    expect(loginSid).toBeDefined();
    expect(loginSid).not.toBe(anonSid);
    expect(c.csrf).not.toBe(tokenBefore);
    await c.post('/api/auth/logout').then((r) => expect(r.status).toBe(200));
    expect((await c.get('/api/auth/session')).body.user).toBeNull();
    const byPhone = await c.login(u.phone, TEST_PASSWORD);
    expect(byPhone.status).toBe(200);
  });

  it('sets an HttpOnly SameSite cookie, Secure when the request came over TLS', async () => {
    const behindProxy = testApp({ trustProxy: 1 });
    const c = await client(behindProxy);
    const u = await buildUser();
    const tls = await c.agent.post('/api/auth/login').set('X-CSRF-Token', c.csrf).set('X-Forwarded-Proto', 'https').send({ identifier: u.email, password: TEST_PASSWORD });
    const cookie = ((tls.headers['set-cookie'] as unknown as string[]) ?? []).find((x) => x.startsWith('kz.sid='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Secure/i);
    const c2 = await client(behindProxy);
    const clear = await c2.login(u.email, TEST_PASSWORD);
    const cookie2 = ((clear.headers['set-cookie'] as unknown as string[]) ?? []).find((x) => x.startsWith('kz.sid='));
    expect(cookie2).toMatch(/HttpOnly/i);
    expect(cookie2).not.toMatch(/Secure/i);
  });

  it('gives unknown accounts and wrong passwords the same answer', async () => {
    const u = await buildUser();
    const c = await client(testApp());
    const wrong = await c.login(u.email, 'Wrong-password-1');
    const unknown = await c.login('nobody@nowhere.cn', 'Wrong-password-1');
    const unknownPhone = await c.login('13000000000', 'Wrong-password-1');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(unknownPhone.body).toEqual(wrong.body);
    expect(wrong.body.error).toMatchObject({ code: 'INVALID_CREDENTIALS', message: '账号或密码错误' });
  });

  it('refuses operator injection in login fields', async () => {
    const u = await buildUser();
    const c = await client(testApp());
    for (const body of [
      { identifier: { $ne: null }, password: TEST_PASSWORD },
      { identifier: u.email, password: { $gt: '' } },
      { identifier: { $regex: '.*' }, password: { $ne: 'x' } },
    ]) {
      const res = await c.post('/api/auth/login', body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect((await c.get('/api/auth/session')).body.user).toBeNull();
  });

  it('refuses state-changing requests without the session CSRF token', async () => {
    const u = await buildUser();
    const c = await client(testApp());
    const none = await c.agent.post('/api/auth/login').send({ identifier: u.email, password: TEST_PASSWORD });
    expect(none.status).toBe(403);
    expect(none.body.error.code).toBe('CSRF_INVALID');
    const forged = await c.agent.post('/api/auth/login').set('X-CSRF-Token', 'x'.repeat(c.csrf.length)).send({ identifier: u.email, password: TEST_PASSWORD });
    expect(forged.status).toBe(403);
    expect((await c.login(u.email, TEST_PASSWORD)).status).toBe(200);
    // After login the old token is dead too.
    const stale = await c.agent.patch('/api/users/me').set('X-CSRF-Token', 'stale').send({ displayName: 'x' });
    expect(stale.status).toBe(403);
  });
});

describe('sessions per network address', () => {
  it('limits new sessions per address in a sliding hour (sign-ins and registrations), answering 429 with Retry-After; failures take none', async () => {
    const outbox = new TestOutbox();
    const app = testApp({ messaging: outbox, trustProxy: 1, sessionsPerIpPerHour: 2 });
    const u = await buildUser();
    const c = await client(app);
    const login = (ip: string, password = TEST_PASSWORD) => c.agent.post('/api/auth/login').set('X-CSRF-Token', c.csrf).set('X-Forwarded-For', ip).send({ identifier: u.email, password });
    expect((await login('10.30.0.1', 'Wrong-password-1')).status).toBe(401); // takes no session slot
    expect((await login('10.30.0.1')).status).toBe(200);
    c.csrf = (await c.get('/api/auth/session')).body.csrfToken as string;
    expect((await login('10.30.0.1')).status).toBe(200);
    c.csrf = (await c.get('/api/auth/session')).body.csrfToken as string;
    const refused = await login('10.30.0.1');
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ code: 'RATE_LIMITED', message: '该网络登录过于频繁，请稍后再试', messageEn: 'Too many sign-ins from this network; try again later' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(3000);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(3600);

    // Completing a registration creates a session too: refused from that address, nothing created, the code still good elsewhere.
    const r = await client(app);
    const body = registration();
    const send = (ip: string, path: string, b: unknown) => r.agent.post(path).set('X-CSRF-Token', r.csrf).set('X-Forwarded-For', ip).send(b as object);
    expect((await send('10.30.0.1', '/api/auth/register', body)).status).toBe(202);
    const code = outbox.codeFor(body.email);
    expect((await send('10.30.0.1', '/api/auth/register/confirm', { ...body, code })).status).toBe(429);
    expect(await UserModel.countDocuments({ email: body.email })).toBe(0);
    expect((await send('10.30.0.2', '/api/auth/register/confirm', { ...body, code })).status).toBe(201);

    // A sliding hour: once the oldest session of the address is an hour old, one more is allowed.
    await LoginAttemptModel.updateOne({ key: 'session-ip:10.30.0.1' }, { $set: { at: new Date(Date.now() - 3601_000) } });
    expect((await login('10.30.0.1')).status).toBe(200);
  });
});

describe('password change', () => {
  it('checks the current password, audits the change and ends other sessions', async () => {
    const u = await buildUser();
    const app = testApp();
    const a = await client(app);
    const b = await client(app);
    await a.login(u.email, TEST_PASSWORD);
    await b.login(u.email, TEST_PASSWORD);
    const wrong = await a.post('/api/auth/password', { currentPassword: 'nope-nope-1', newPassword: 'Brand-new-pass-9' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields[0].path).toBe('body.currentPassword');
    const ok = await a.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Brand-new-pass-9' });
    expect(ok.status).toBe(200);
    expect(await AuditModel.countDocuments({ action: 'user.password_change', 'target.id': String(u._id) })).toBe(1);
    expect((await a.get('/api/users/me')).status).toBe(200);
    expect((await b.get('/api/users/me')).status).toBe(401);
    const fresh = await client(app);
    expect((await fresh.login(u.email, TEST_PASSWORD)).status).toBe(401);
    expect((await fresh.login(u.email, 'Brand-new-pass-9')).status).toBe(200);
  });
});
