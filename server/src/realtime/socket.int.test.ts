import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SOCKET_PATH, type ServerToClientEvents } from '@kezhuan/shared';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notify } from '../modules/notifications/notification.service';
import { buildUser, TEST_PASSWORD } from '../testing/factories';
import { testApp, useTestDb } from '../testing/harness';
import { attachRealtime, type KezhuanIo } from './socket';

useTestDb();

let server: Server;
let io: KezhuanIo;
let url: string;

beforeAll(async () => {
  const app = testApp();
  server = createServer(app);
  io = attachRealtime(server, app.locals.sessionMiddleware);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await io.close();
  server.closeAllConnections();
});

/** Logs in over HTTP and returns the session cookie. */
async function sessionCookie(email: string): Promise<string> {
  const s = await fetch(`${url}/api/auth/session`);
  const anon = s.headers.get('set-cookie')?.split(';')[0] ?? '';
  const { csrfToken } = (await s.json()) as { csrfToken: string };
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: anon, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ identifier: email, password: TEST_PASSWORD }),
  });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')?.split(';')[0] ?? '';
}

function open(headers: Record<string, string>): Socket<ServerToClientEvents> {
  return connect(url, { path: SOCKET_PATH, transports: ['websocket'], extraHeaders: headers, reconnection: false, forceNew: true });
}

function next<E extends keyof ServerToClientEvents>(s: Socket<ServerToClientEvents>, event: E): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve) => s.once(event as never, resolve as never));
}

describe('live notifications over Socket.io', () => {
  it('authenticates the socket with the session cookie and pushes stored notifications to its user only', async () => {
    const alice = await buildUser();
    const bob = await buildUser();
    await notify(alice._id, { kind: 'system', title: '欢迎', titleEn: 'Welcome', key: 'welcome' });
    const a = open({ cookie: await sessionCookie(alice.email) });
    const aUnread = next(a, 'notification:unread');
    const b = open({ cookie: await sessionCookie(bob.email) });
    const bUnread = next(b, 'notification:unread');
    try {
      expect(await aUnread).toEqual({ unread: 1 });
      expect(await bUnread).toEqual({ unread: 0 });
      let bobGot = 0;
      b.on('notification:new', () => (bobGot += 1));
      const arriving = next(a, 'notification:new');
      const count = next(a, 'notification:unread');
      await notify(alice._id, { kind: 'listing.match', title: '新的匹配成果', titleEn: 'New matching result', link: '/results/1', key: 'match:1' });
      expect(await arriving).toMatchObject({ title: '新的匹配成果', link: '/results/1', read: false });
      expect(await count).toEqual({ unread: 2 });
      // The same event again is not stored or pushed twice.
      expect(await notify(alice._id, { kind: 'listing.match', title: 'x', titleEn: 'x', key: 'match:1' })).toBeNull();
      expect(bobGot).toBe(0);
    } finally {
      a.close();
      b.close();
    }
  });

  it('refuses anonymous sockets and sockets opened from another site', async () => {
    const anon = open({});
    await expect(new Promise((_, reject) => anon.on('connect_error', reject))).rejects.toThrow('UNAUTHENTICATED');
    anon.close();
    const u = await buildUser();
    const cross = open({ cookie: await sessionCookie(u.email), origin: 'https://evil.example' });
    await expect(new Promise((_, reject) => cross.on('connect_error', reject))).rejects.toBeTruthy();
    cross.close();
  });
});
