import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { MAX_SESSIONS_PER_ACCOUNT } from '../auth/auth.routes';
import { buildUser, TEST_PASSWORD } from '../../testing/factories';
import { client, testApp, useTestDb } from '../../testing/harness';
import { SessionModel } from './session.model';

useTestDb();

const app = testApp({ trustProxy: 1 });
const cookies = (res: request.Response) => (res.headers['set-cookie'] as unknown as string[] | undefined) ?? [];

describe('sessions are stored only when there is something to keep', () => {
  it('stores no session for cookie-less visitors asking for the session and a CSRF token', async () => {
    const before = await SessionModel.countDocuments();
    for (let i = 0; i < 25; i++) {
      const res = await request(app).get('/api/auth/session').expect(200);
      expect(res.body).toMatchObject({ user: null, csrfToken: expect.any(String) as unknown });
      expect(cookies(res).some((c) => c.startsWith('kz.sid='))).toBe(false);
    }
    expect(await SessionModel.countDocuments()).toBe(before);
  });

  it('keeps CSRF protection real for visitors: the token must match its signed cookie', async () => {
    const u = await buildUser();
    const first = await request(app).get('/api/auth/session');
    const token = (first.body as { csrfToken: string }).csrfToken;
    const cookie = cookies(first).find((c) => c.startsWith('kz.csrf='))?.split(';')[0] ?? '';
    expect(cookies(first).find((c) => c.startsWith('kz.csrf='))).toMatch(/HttpOnly/i);
    const login = (headers: Record<string, string>) =>
      request(app).post('/api/auth/login').set(headers).send({ identifier: u.email, password: TEST_PASSWORD });
    // No cookie (a cross-site page cannot read or set ours), another visitor's cookie, a forged signature.
    expect((await login({ 'X-CSRF-Token': token })).status).toBe(403);
    const other = await request(app).get('/api/auth/session');
    const otherCookie = cookies(other).find((c) => c.startsWith('kz.csrf='))?.split(';')[0] ?? '';
    expect((await login({ 'X-CSRF-Token': token, cookie: otherCookie })).status).toBe(403);
    const forged = `${token.split('.')[0] ?? ''}.${'A'.repeat(43)}`;
    expect((await login({ 'X-CSRF-Token': forged, cookie: `kz.csrf=${forged}` })).status).toBe(403);
    expect((await login({ cookie })).status).toBe(403);
    const ok = await login({ 'X-CSRF-Token': token, cookie });
    expect(ok.status).toBe(200);
    // Signed in, the visitor token no longer works: the session's own token does.
    const sid = cookies(ok).find((c) => c.startsWith('kz.sid='))?.split(';')[0] ?? '';
    const patch = (t: string) => request(app).patch('/api/users/me').set({ cookie: `${sid}; ${cookie}`, 'X-CSRF-Token': t }).send({ title: '教授' });
    expect((await patch(token)).status).toBe(403);
    expect((await patch((ok.body as { csrfToken: string }).csrfToken)).status).toBe(200);
  });

  it('keeps the visitor token across page loads and after logout stores nothing', async () => {
    const u = await buildUser();
    const c = await client(app);
    const again = await c.get('/api/auth/session');
    expect(again.body.csrfToken).toBe(c.csrf);
    await c.login(u.email, TEST_PASSWORD);
    expect(await SessionModel.countDocuments({ userId: String(u._id) })).toBe(1);
    const out = await c.post('/api/auth/logout');
    expect(out.status).toBe(200);
    expect(await SessionModel.countDocuments({ userId: String(u._id) })).toBe(0);
    // The anonymous token returned by logout works for the next login.
    expect((await c.login(u.email, TEST_PASSWORD)).status).toBe(200);
  });

  it(`bounds an account to ${MAX_SESSIONS_PER_ACCOUNT} sessions, ending the least recently used`, async () => {
    const u = await buildUser();
    const first = await client(app);
    await first.login(u.email, TEST_PASSWORD);
    for (let i = 0; i < MAX_SESSIONS_PER_ACCOUNT + 3; i++) {
      const c = await client(app);
      expect((await c.login(u.email, TEST_PASSWORD)).status).toBe(200);
    }
    expect(await SessionModel.countDocuments({ userId: String(u._id) })).toBe(MAX_SESSIONS_PER_ACCOUNT);
    expect((await first.get('/api/users/me')).status).toBe(401);
  });
});

describe('HSTS', () => {
  it('is sent over TLS only, never over plain HTTP', async () => {
    const plain = await request(app).get('/api/auth/session');
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    const tls = await request(app).get('/api/auth/session').set('X-Forwarded-Proto', 'https');
    expect(tls.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });
});
