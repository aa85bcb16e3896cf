import type { NotificationView } from '@kezhuan/shared';
import { describe, expect, it } from 'vitest';
import { buildUser } from '../../testing/factories';
import { useTestDb } from '../../testing/harness';
import { listenWithRealtime } from '../../testing/realtime-server';
import { openSocket, sessionCookie } from '../../testing/socket-client';
import { NotificationCounterModel } from './notification-counter.model';
import { NotificationModel } from './notification.model';
import { notifyMany } from './notification.bulk';
import { notify } from './notification.service';

useTestDb();
const live = listenWithRealtime();

const note = (key: string) => ({ kind: 'system' as const, title: key, titleEn: key, key });
const stored = async (user: unknown) => NotificationCounterModel.findById(user).lean();

describe('notifyMany', () => {
  it('stores each notification once, counts only those really stored (duplicates in and across batches skipped), exact for users with and without counters', async () => {
    const [a, b, c] = await Promise.all([buildUser(), buildUser(), buildUser()]);
    await notify(a._id, note('old')); // a has counters already
    await NotificationModel.create({ user: c._id, ...note('history') }); // c has history but no counters
    const views = await notifyMany([
      { user: a._id, input: note('old') }, // duplicate of a stored one
      { user: a._id, input: note('x') },
      { user: a._id, input: note('x') }, // duplicate inside the batch
      { user: b._id, input: note('x') }, // same key, other user: stored
      { user: b._id, input: note('y') },
      { user: c._id, input: note('x') },
    ]);
    expect(views.map((v) => v.title)).toEqual(['x', 'x', 'y', 'x']);
    expect(await stored(a._id)).toMatchObject({ unread: 2, total: 2 });
    expect(await stored(b._id)).toMatchObject({ unread: 2, total: 2 });
    expect(await stored(c._id)).toMatchObject({ unread: 2, total: 2 });
    // Again: all duplicates, nothing changes.
    expect(await notifyMany([{ user: a._id, input: note('x') }, { user: b._id, input: note('y') }])).toEqual([]);
    expect(await stored(a._id)).toMatchObject({ unread: 2, total: 2 });
    expect(await stored(b._id)).toMatchObject({ unread: 2, total: 2 });
    expect(await NotificationModel.countDocuments({ user: { $in: [a._id, b._id, c._id] } })).toBe(6);
    expect(await notifyMany([])).toEqual([]);
  });

  it('pushes each stored notification and the new unread count live to its user', async () => {
    const [me, other] = await Promise.all([buildUser(), buildUser()]);
    await notify(me._id, note('before'));
    const s = openSocket(live.url, { cookie: await sessionCookie(live.url, me.email) });
    try {
      await new Promise((r) => s.once('notification:unread', r));
      const got: NotificationView[] = [];
      s.on('notification:new', (n) => got.push(n));
      const unread = new Promise<number>((resolve) => s.on('notification:unread', (n) => (n.unread === 3 ? resolve(n.unread) : undefined)));
      await notifyMany([
        { user: me._id, input: note('before') },
        { user: me._id, input: note('a') },
        { user: other._id, input: note('a') },
        { user: me._id, input: note('b') },
      ]);
      expect(await unread).toBe(3);
      expect(got.map((n) => n.title)).toEqual(['a', 'b']);
    } finally {
      s.close();
    }
  });
});
