import { describe, expect, it } from 'vitest';
import { buildUser, TEST_PASSWORD } from '../../testing/factories';
import { client, testApp, useTestDb } from '../../testing/harness';
import { UserModel } from './user.model';

useTestDb();

describe('my profile', () => {
  it('needs a session', async () => {
    const c = await client(testApp());
    const res = await c.get('/api/users/me');
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({ code: 'UNAUTHENTICATED', message: '请先登录', messageEn: 'Please log in first' });
  });

  it('updates whitelisted fields and refuses role, organisation and id changes', async () => {
    const u = await buildUser({ role: 'researcher' });
    const c = await client(testApp());
    await c.login(u.email, TEST_PASSWORD);
    const ok = await c.patch('/api/users/me', { displayName: '李教授', title: '教授', locale: 'en' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ displayName: '李教授', title: '教授', locale: 'en', role: 'researcher' });
    for (const sneaky of [{ role: 'admin' }, { org: '0123456789abcdef01234567' }, { _id: '0123456789abcdef01234567' }, { passwordHash: 'x' }, { email: 'x@y.cn' }]) {
      const res = await c.patch('/api/users/me', { displayName: '改名', ...sneaky });
      expect(res.status).toBe(400);
    }
    const stored = await UserModel.findById(u._id).lean();
    expect(stored).toMatchObject({ role: 'researcher', displayName: '李教授', email: u.email });
    expect(String(stored?.org)).toBe(String(u.org));
  });
});
