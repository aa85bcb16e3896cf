import { describe, expect, it } from 'vitest';
import { buildUser, TEST_PASSWORD } from '../../testing/factories';
import { client, testApp, useTestDb } from '../../testing/harness';
import { NotificationModel } from './notification.model';
import { listNotifications, notify } from './notification.service';

useTestDb();

describe('notification centre', () => {
  it('lists my notifications, counts unread and marks them read; others’ stay out of reach', async () => {
    const me = await buildUser();
    const other = await buildUser();
    await notify(me._id, { kind: 'system', title: '一', titleEn: 'One', key: 'a' });
    await notify(me._id, { kind: 'listing.match', title: '二', titleEn: 'Two', link: '/needs/x', key: 'b' });
    const theirs = await notify(other._id, { kind: 'system', title: '别人的', titleEn: 'Theirs', key: 'c' });
    const c = await client(testApp());
    await c.login(me.email, TEST_PASSWORD);
    const list = await c.get('/api/notifications').expect(200);
    expect(list.body.items.map((n: { title: string }) => n.title)).toEqual(['二', '一']);
    expect((await c.get('/api/notifications/unread-count')).body).toEqual({ unread: 2 });
    const first = list.body.items[0].id as string;
    expect((await c.post(`/api/notifications/${first}/read`)).body).toEqual({ unread: 1 });
    expect((await c.get('/api/notifications?unread=true')).body.items).toHaveLength(1);
    expect((await c.post(`/api/notifications/${theirs!.id}/read`)).status).toBe(404);
    expect((await c.post('/api/notifications/read-all')).body).toEqual({ unread: 0 });
  });

  it('pages a long history with its full total and its unread total, without counting it', async () => {
    const me = await buildUser();
    // History stored before counters existed (or by a bulk load): the first read makes them.
    await NotificationModel.insertMany(
      Array.from({ length: 130 }, (_, i) => ({ user: me._id, kind: 'system', title: `第${i}条`, titleEn: `No. ${i}`, key: `h:${i}`, readAt: i % 2 ? new Date() : null })),
    );
    const c = await client(testApp());
    await c.login(me.email, TEST_PASSWORD);
    const page = (await c.get('/api/notifications?page=2&pageSize=20').expect(200)).body;
    expect(page).toMatchObject({ total: 130, page: 2, pageSize: 20 });
    expect(page.items).toHaveLength(20);
    expect((await c.get('/api/notifications?unread=true&pageSize=1')).body.total).toBe(65);
    expect((await c.get('/api/notifications/unread-count')).body).toEqual({ unread: 65 });
    await notify(me._id, { kind: 'system', title: '新', titleEn: 'New', key: 'new' });
    expect((await c.get('/api/notifications?pageSize=1')).body.total).toBe(131);
    expect((await c.get('/api/notifications/unread-count')).body).toEqual({ unread: 66 });
    const last = (await c.get('/api/notifications?page=7&pageSize=20').expect(200)).body;
    expect(last.items).toHaveLength(11);
    expect(last.total).toBe(131);
  });
});

describe('a page of a long history', () => {
  it('is the same page whether a recent window fills it or the whole history is read', async () => {
    const me = await buildUser();
    const day = 86_400_000;
    const now = Date.now();
    // 2,100 over a year (about 40 in the last 7 days, 520 in the last 90), a third unread.
    await NotificationModel.insertMany(
      Array.from({ length: 2100 }, (_, i) => ({
        user: me._id, kind: 'system', title: `第${i}条`, titleEn: `No. ${i}`, key: `y:${i}`,
        readAt: i % 3 ? new Date() : null, createdAt: new Date(now - Math.floor((i * 365 * day) / 2100) - 1000),
      })),
    );
    const direct = async (unread: boolean, page: number) =>
      (await NotificationModel.find(unread ? { user: me._id, readAt: null } : { user: me._id }).sort({ createdAt: -1 }).skip((page - 1) * 20).limit(20).lean()).map((n) => String(n._id));
    for (const unread of [false, true]) {
      // page 1: the 7-day window; 3 and 10: the 90-day window; 60: the whole history; 200: past the end.
      for (const page of [1, 2, 3, 10, 60, 200]) {
        const got = await listNotifications(me._id, { unread, page, pageSize: 20 });
        expect(got.items.map((n) => String(n._id)), `unread ${unread}, page ${page}`).toEqual(await direct(unread, page));
        expect(got.total).toBe(unread ? 700 : 2100);
      }
    }
  });
});
