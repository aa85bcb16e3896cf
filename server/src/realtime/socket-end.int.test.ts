import type { ServerToClientEvents } from '@kezhuan/shared';
import type { Socket } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { notify } from '../modules/notifications/notification.service';
import { buildUser, TEST_PASSWORD } from '../testing/factories';
import { useTestDb } from '../testing/harness';
import { listenWithRealtime } from '../testing/realtime-server';
import { TestOutbox } from '../testing/outbox';
import { openSocket, sessionCookie } from '../testing/socket-client';

useTestDb();

const outbox = new TestOutbox();
const live = listenWithRealtime({ messaging: outbox });

/** A connected socket of the session `cookie`. */
async function connected(cookie: string): Promise<Socket<ServerToClientEvents>> {
  const s = openSocket(live.url, { cookie });
  await new Promise<void>((resolve, reject) => {
    s.once('connect', resolve);
    s.once('connect_error', reject);
  });
  return s;
}

const disconnected = (s: Socket<ServerToClientEvents>) =>
  new Promise<string>((resolve) => (s.disconnected ? resolve('already') : s.once('disconnect', resolve)));

/** Whether `s` still receives a notification pushed to its user within a short wait. */
async function stillReceives(s: Socket<ServerToClientEvents>, userId: unknown): Promise<boolean> {
  const got = new Promise<boolean>((resolve) => {
    s.once('notification:new', () => resolve(true));
    setTimeout(() => resolve(false), 400);
  });
  await notify(userId as never, { kind: 'system', title: '测试', titleEn: 'Test', key: `probe:${Math.random()}` });
  return got;
}

async function post(path: string, cookie: string, body: unknown): Promise<Response> {
  const s = await fetch(`${live.url}/api/auth/session`, { headers: { cookie } });
  const { csrfToken } = (await s.json()) as { csrfToken: string };
  return fetch(`${live.url}${path}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': csrfToken }, body: JSON.stringify(body) });
}

describe('sockets end with their session', () => {
  it('disconnects the sockets of a session that logs out, not those of the account’s other sessions', async () => {
    const u = await buildUser();
    const cookieA = await sessionCookie(live.url, u.email);
    const cookieB = await sessionCookie(live.url, u.email);
    const a = await connected(cookieA);
    const b = await connected(cookieB);
    try {
      const gone = disconnected(a);
      expect((await post('/api/auth/logout', cookieA, {})).status).toBe(200);
      expect(await gone).toBe('io server disconnect');
      expect(await stillReceives(b, u._id)).toBe(true);
      // The ended session cannot open a new socket either.
      await expect(connected(cookieA)).rejects.toThrow('UNAUTHENTICATED');
    } finally {
      a.close();
      b.close();
    }
  });

  it('disconnects the other sessions’ sockets when the password changes, keeping the changer’s', async () => {
    const u = await buildUser();
    const mine = await sessionCookie(live.url, u.email);
    const other = await sessionCookie(live.url, u.email);
    const keep = await connected(mine);
    const lose = await connected(other);
    try {
      const gone = disconnected(lose);
      const res = await post('/api/auth/password', mine, { currentPassword: TEST_PASSWORD, newPassword: 'Birch-forest-88' });
      expect(res.status).toBe(200);
      expect(await gone).toBe('io server disconnect');
      expect(await stillReceives(keep, u._id)).toBe(true);
    } finally {
      keep.close();
      lose.close();
    }
  });

  it('disconnects every socket of an account that resets its password or is disabled', async () => {
    const u = await buildUser();
    const s1 = await connected(await sessionCookie(live.url, u.email));
    try {
      const gone = disconnected(s1);
      const anon = await fetch(`${live.url}/api/auth/session`);
      const cookie = anon.headers.get('set-cookie')?.split(';')[0] ?? '';
      await post('/api/auth/password-reset', cookie, { identifier: u.email });
      const code = outbox.codeFor(u.email);
      expect((await post('/api/auth/password-reset/confirm', cookie, { identifier: u.email, code, newPassword: 'Birch-forest-88' })).status).toBe(200);
      expect(await gone).toBe('io server disconnect');
    } finally {
      s1.close();
    }

    const v = await buildUser();
    const admin = await buildUser({ role: 'admin' });
    const s2 = await connected(await sessionCookie(live.url, v.email));
    try {
      const gone = disconnected(s2);
      const adminCookie = await sessionCookie(live.url, admin.email);
      const s = await fetch(`${live.url}/api/auth/session`, { headers: { cookie: adminCookie } });
      const { csrfToken } = (await s.json()) as { csrfToken: string };
      const res = await fetch(`${live.url}/api/admin/users/${String(v._id)}/disabled`, {
        method: 'PATCH',
        headers: { cookie: adminCookie, 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: JSON.stringify({ disabled: true }),
      });
      expect(res.status).toBe(200);
      expect(await gone).toBe('io server disconnect');
    } finally {
      s2.close();
    }
  });
});
