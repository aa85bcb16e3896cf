import type { ServerToClientEvents } from '@kezhuan/shared';
import type { Socket } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { notify } from '../modules/notifications/notification.service';
import { buildUser } from '../testing/factories';
import { useTestDb } from '../testing/harness';
import { listenWithRealtime } from '../testing/realtime-server';
import { openSocket, sessionCookie } from '../testing/socket-client';

useTestDb();

const live = listenWithRealtime();

const open = (headers: Record<string, string>) => openSocket(live.url, headers);

function next<E extends keyof ServerToClientEvents>(s: Socket<ServerToClientEvents>, event: E): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve) => s.once(event as never, resolve as never));
}

describe('live notifications over Socket.io', () => {
  it('authenticates the socket with the session cookie and pushes stored notifications to its user only', async () => {
    const alice = await buildUser();
    const bob = await buildUser();
    await notify(alice._id, { kind: 'system', title: '欢迎', titleEn: 'Welcome', key: 'welcome' });
    const a = open({ cookie: await sessionCookie(live.url, alice.email) });
    const aUnread = next(a, 'notification:unread');
    const b = open({ cookie: await sessionCookie(live.url, bob.email) });
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
    const cross = open({ cookie: await sessionCookie(live.url, u.email), origin: 'https://evil.example' });
    await expect(new Promise((_, reject) => cross.on('connect_error', reject))).rejects.toBeTruthy();
    cross.close();
  });
});
