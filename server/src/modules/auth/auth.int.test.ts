import { describe, expect, it } from 'vitest';
import { AuditModel } from '../audit/audit.model';
import { OrgModel } from '../orgs/org.model';
import { UserModel } from '../users/user.model';
import { buildUser, randomUscc, TEST_PASSWORD, uniquePhone } from '../../testing/factories';
import { client, testApp, useTestDb } from '../../testing/harness';
import { TestOutbox } from '../../testing/outbox';

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
  it('creates the account and an unverified organisation, signs in, and never returns the hash', async () => {
    const c = await client(testApp());
    const body = registration();
    const res = await c.post('/api/auth/register', body);
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ email: body.email, role: 'enterprise', org: { verified: false, type: 'enterprise' } });
    expect(JSON.stringify(res.body)).not.toContain('passwordHash');
    expect(JSON.stringify(res.body)).not.toContain('$argon2');
    const stored = await UserModel.findOne({ email: body.email });
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const me = await c.get('/api/users/me').expect(200);
    expect(me.body.email).toBe(body.email);
  });

  it('joins an existing organisation when the role fits, and refuses one that does not', async () => {
    const uni = await OrgModel.create({ name: '吉林大学测试', nameKey: 'x', type: 'university', uscc: randomUscc(), city: '220100' });
    const c = await client(testApp());
    const bad = await c.post('/api/auth/register', registration({ newOrg: undefined, orgId: String(uni._id), role: 'enterprise' }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('body.orgId');
    const ok = await c.post('/api/auth/register', registration({ newOrg: undefined, orgId: String(uni._id), role: 'researcher' }));
    expect(ok.status).toBe(201);
    expect(ok.body.user.org.id).toBe(String(uni._id));
  });

  it('answers bad fields with 400 and messages in Chinese and English, creating nothing', async () => {
    const c = await client(testApp());
    const before = await UserModel.countDocuments();
    const res = await c.post('/api/auth/register', registration({ email: 'not-an-email', phone: '12345', newOrg: { ...newOrg(), uscc: '91220100MA00000000' } }));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const byPath = Object.fromEntries((res.body.error.fields as { path: string; message: string; messageEn: string }[]).map((f) => [f.path, f]));
    expect(byPath['body.email']).toMatchObject({ message: '邮箱格式不正确', messageEn: 'Invalid email address' });
    expect(byPath['body.phone']?.message).toContain('手机号');
    expect(byPath['body.phone']?.messageEn).toContain('mobile');
    expect(byPath['body.newOrg.uscc']?.message).toContain('统一社会信用代码');
    expect(await UserModel.countDocuments()).toBe(before);
  });

  it('refuses self-assigned administrator role and pre-verified organisations (mass assignment)', async () => {
    const c = await client(testApp());
    const orgsBefore = await OrgModel.countDocuments();
    const admin = await c.post('/api/auth/register', registration({ role: 'admin' }));
    expect(admin.status).toBe(400);
    const verified = await c.post('/api/auth/register', registration({ newOrg: { ...newOrg(), verified: true } }));
    expect(verified.status).toBe(400);
    const withId = await c.post('/api/auth/register', registration({ _id: '0123456789abcdef01234567', createdBy: 'x' }));
    expect(withId.status).toBe(400);
    expect(await OrgModel.countDocuments()).toBe(orgsBefore);
    expect(await UserModel.countDocuments({ role: 'admin' })).toBe(0);
  });

  it('does not reveal whether the email or the phone is registered, and tells their owner instead', async () => {
    const existing = await buildUser();
    const outbox = new TestOutbox();
    const c = await client(testApp({ messaging: outbox }));
    const res = await c.post('/api/auth/register', registration({ email: existing.email }));
    expect(res.status).toBe(409);
    expect(res.body.error.fields).toBeUndefined();
    const res2 = await c.post('/api/auth/register', registration({ phone: existing.phone }));
    expect(res2.body).toEqual(res.body);
    expect(JSON.stringify(res.body)).not.toContain(existing.email);
    expect(outbox.emails.map((m) => m.to)).toEqual([existing.email]);
    expect(outbox.emails[0]?.text).toContain('有人尝试用您的账号信息注册');
    expect(outbox.texts.map((m) => m.to)).toEqual([existing.phone]);
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
