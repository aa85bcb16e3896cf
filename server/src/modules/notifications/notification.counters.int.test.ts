import { describe, expect, it } from 'vitest';
import { buildUser } from '../../testing/factories';
import { useTestDb } from '../../testing/harness';
import { NotificationCounterModel } from './notification-counter.model';
import { EXACT_UNREAD_BELOW, rebuildNotificationCounters } from './notification.counters';
import { NotificationModel } from './notification.model';
import { listNotifications, markAllRead, markRead, notify, setNotificationPublisher, unreadCount } from './notification.service';

useTestDb();

const note = (key: string) => ({ kind: 'system' as const, title: key, titleEn: key, key });
const stored = async (user: unknown) => NotificationCounterModel.findById(user).lean();
/** Notifications written straight into the collection, as a crash between the two writes leaves them. */
const raw = (user: unknown, n: number, from = 0, read = false) =>
  NotificationModel.insertMany(Array.from({ length: n }, (_, i) => ({ user, ...note(`raw:${from + i}`), readAt: read ? new Date() : null })));

describe('notification counters', () => {
  it('count a stored notification once: a duplicate (same key) changes nothing', async () => {
    const me = await buildUser();
    const pushed: number[] = [];
    setNotificationPublisher({ pushNew: () => undefined, pushUnread: (_u, n) => pushed.push(n) });
    try {
      await notify(me._id, note('a'));
      await notify(me._id, note('b'));
      expect(await notify(me._id, note('a'))).toBeNull();
    } finally {
      setNotificationPublisher(undefined);
    }
    expect(await stored(me._id)).toMatchObject({ unread: 2, total: 2 });
    expect(pushed).toEqual([1, 2]);
  });

  it('a notification read twice (or by two requests at once) counts one fewer unread, never below zero', async () => {
    const me = await buildUser();
    const a = await notify(me._id, note('a'));
    await notify(me._id, note('b'));
    expect(await Promise.all([markRead(me._id, a!.id), markRead(me._id, a!.id)])).toEqual([1, 1]);
    expect(await markRead(me._id, a!.id)).toBe(1);
    expect(await stored(me._id)).toMatchObject({ unread: 1, total: 2 });
    await NotificationCounterModel.updateOne({ _id: me._id }, { $set: { unread: 0 } });
    const b = await NotificationModel.findOne({ user: me._id, key: 'b' });
    expect(await markRead(me._id, String(b!._id))).toBe(0);
    expect((await stored(me._id))!.unread).toBe(0);
  });

  it('"mark all read" leaves the counter at the exact unread count (0), the total unchanged', async () => {
    const me = await buildUser();
    await raw(me._id, EXACT_UNREAD_BELOW + 20);
    expect(await unreadCount(me._id)).toBe(EXACT_UNREAD_BELOW + 20);
    expect(await markAllRead(me._id)).toBe(0);
    expect(await stored(me._id)).toMatchObject({ unread: 0, total: EXACT_UNREAD_BELOW + 20 });
    expect(await unreadCount(me._id)).toBe(0);
  });

  it('repair themselves where the truth is cheap: a small unread count and a last page', async () => {
    const me = await buildUser();
    await notify(me._id, note('a'));
    // A crash between the two writes: stored, never counted.
    await raw(me._id, 3);
    expect(await stored(me._id)).toMatchObject({ unread: 1, total: 1 });
    expect(await unreadCount(me._id)).toBe(4);
    expect((await stored(me._id))!.unread).toBe(4);
    expect((await listNotifications(me._id, { page: 1, pageSize: 20 })).total).toBe(4);
    expect((await stored(me._id))!.total).toBe(4);
  });

  it('a full rebuild (npm run db:repair-counters) fixes every drifted counter and drops those of users without notifications', async () => {
    const [a, b, c] = await Promise.all([buildUser(), buildUser(), buildUser()]);
    await raw(a._id, EXACT_UNREAD_BELOW + 10);
    await raw(a._id, 5, 1000, true);
    await raw(b._id, 2);
    await NotificationCounterModel.create([
      { _id: a._id, unread: 150, total: 150 },
      { _id: c._id, unread: 3, total: 3 },
    ]);
    // Large counters are trusted as they are (bell shows 99+): drift there needs the rebuild.
    expect(await unreadCount(a._id)).toBe(150);
    expect((await rebuildNotificationCounters()).users).toBeGreaterThanOrEqual(2); // with the other tests' users
    expect(await stored(a._id)).toMatchObject({ unread: EXACT_UNREAD_BELOW + 10, total: EXACT_UNREAD_BELOW + 15 });
    expect(await stored(b._id)).toMatchObject({ unread: 2, total: 2 });
    expect(await stored(c._id)).toBeNull();
    expect(await unreadCount(c._id)).toBe(0);
  });
});
