import { describe, expect, it } from 'vitest';
import { buildUser, TEST_PASSWORD } from '../../testing/factories';
import { client, testApp, useTestDb } from '../../testing/harness';
import { NotificationModel } from './notification.model';
import { notify, UNREAD_COUNT_CAP } from './notification.service';

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

  it('counts unread notifications up to the cap the bell can show (99+), not all of a long history', async () => {
    const me = await buildUser();
    await NotificationModel.insertMany(
      Array.from({ length: UNREAD_COUNT_CAP + 5 }, (_, i) => ({ user: me._id, kind: 'system', title: `第${i}条`, titleEn: `No. ${i}`, key: `cap:${i}`, readAt: null })),
    );
    const c = await client(testApp());
    await c.login(me.email, TEST_PASSWORD);
    expect((await c.get('/api/notifications/unread-count')).body).toEqual({ unread: UNREAD_COUNT_CAP });
    expect((await c.get('/api/notifications?pageSize=1')).body.total).toBe(UNREAD_COUNT_CAP + 5);
  });
});
