import { describe, expect, it } from 'vitest';
import { buildUser } from '../../testing/factories';
import { testApp, useTestDb } from '../../testing/harness';
import { signedInAs } from '../../testing/listing-factories';
import { UserModel } from '../users/user.model';
import { DealMessageModel, DealRoomModel } from './deal.model';
import { openedDeal } from './deal.testing';

useTestDb();
const app = testApp();

type Msg = { id: string; body: string; clientId: string; sender: { id: string }; party: string };

describe('deal room messages', () => {
  it('stores a message once per sender and client id: a retry returns the stored one, racing retries too', async () => {
    const { dealId, ent, res, enterprise } = await openedDeal(app);
    const first = await ent.post(`/api/deals/${dealId}/messages`, { clientId: 'c-0001-abcdef', body: '我们想了解许可费用' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ clientId: 'c-0001-abcdef', body: '我们想了解许可费用', party: 'demand', sender: { id: String(enterprise._id) } });
    // A retry (even with another body: the first one stored wins) answers 200 with the stored message.
    const retry = await ent.post(`/api/deals/${dealId}/messages`, { clientId: 'c-0001-abcdef', body: '重发' });
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    // Five retries at once: still one message.
    const burst = await Promise.all(Array.from({ length: 5 }, () => ent.post(`/api/deals/${dealId}/messages`, { clientId: 'c-0002-abcdef', body: '并发重试' })));
    expect(new Set(burst.map((r) => r.body.id)).size).toBe(1);
    expect(burst.filter((r) => r.status === 201).length).toBeLessThanOrEqual(1);
    // The same client id from another sender is another message.
    const other = await res.post(`/api/deals/${dealId}/messages`, { clientId: 'c-0001-abcdef', body: '费用可以商量' });
    expect(other.status).toBe(201);
    expect(other.body.id).not.toBe(first.body.id);
    expect(await DealMessageModel.countDocuments({ room: dealId })).toBe(3);

    const bad = await ent.post(`/api/deals/${dealId}/messages`, { clientId: 'x', body: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['body.body', 'body.clientId']);
    expect(bad.body.error.fields.find((f: { path: string }) => f.path === 'body.clientId')).toMatchObject({ message: '消息编号须为 8–64 位字母、数字、- 或 _' });
  });

  it('pages history by message id backwards and forwards (catch-up) without losing or repeating a message', async () => {
    const { dealId, ent, res } = await openedDeal(app);
    const sent: string[] = [];
    for (let i = 1; i <= 12; i++) {
      const who = i % 2 ? ent : res;
      const r = await who.post(`/api/deals/${dealId}/messages`, { clientId: `page-msg-${String(i).padStart(3, '0')}`, body: `消息${i}` });
      sent.push(r.body.id as string);
    }
    const newest = (await ent.get(`/api/deals/${dealId}/messages?limit=5`).expect(200)).body;
    expect(newest.items.map((m: Msg) => m.body)).toEqual(['消息8', '消息9', '消息10', '消息11', '消息12']);
    expect(newest.hasMore).toBe(true);
    // Scrolling back from the oldest shown until nothing is left.
    const seen: Msg[] = [...newest.items];
    let before = newest.items[0].id as string;
    for (;;) {
      const page = (await ent.get(`/api/deals/${dealId}/messages?limit=5&before=${before}`).expect(200)).body;
      seen.unshift(...page.items);
      if (!page.hasMore) {
        break;
      }
      before = page.items[0].id;
    }
    expect(seen.map((m) => m.id)).toEqual(sent);
    // Catching up after message 4, five at a time.
    const after = (await res.get(`/api/deals/${dealId}/messages?limit=5&after=${sent[3]}`).expect(200)).body;
    expect(after.items.map((m: Msg) => m.body)).toEqual(['消息5', '消息6', '消息7', '消息8', '消息9']);
    expect(after.hasMore).toBe(true);
    const rest = (await res.get(`/api/deals/${dealId}/messages?limit=5&after=${after.items[4].id}`).expect(200)).body;
    expect(rest).toMatchObject({ hasMore: false });
    expect(rest.items.map((m: Msg) => m.body)).toEqual(['消息10', '消息11', '消息12']);

    expect((await res.get(`/api/deals/${dealId}/messages?before=${sent[1]}&after=${sent[0]}`)).status).toBe(400);
    // A message id of another room is no cursor here.
    const elsewhere = await openedDeal(app);
    const foreign = (await elsewhere.ent.post(`/api/deals/${elsewhere.dealId}/messages`, { clientId: 'foreign-0001', body: '别处' })).body.id as string;
    const wrong = await res.get(`/api/deals/${dealId}/messages?after=${foreign}`);
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields[0].path).toBe('query.after');
  });

  it('keeps a read marker per participant that only moves forward, and counts the unread messages of others', async () => {
    const { dealId, ent, res, researcher } = await openedDeal(app);
    const ids: string[] = [];
    for (let i = 1; i <= 3; i++) {
      ids.push((await ent.post(`/api/deals/${dealId}/messages`, { clientId: `read-msg-${i}-xyz`, body: `问题${i}` })).body.id as string);
    }
    const list = (await res.get('/api/deals').expect(200)).body;
    expect(list.items[0]).toMatchObject({ id: dealId, unread: 3, myParty: 'supply' });
    // The sender has read its own messages.
    expect((await ent.get('/api/deals').expect(200)).body.items[0].unread).toBe(0);

    expect((await res.post(`/api/deals/${dealId}/read`, { messageId: ids[1] })).body).toEqual({ messageId: ids[1] });
    // Marking an older message does not move the marker back.
    expect((await res.post(`/api/deals/${dealId}/read`, { messageId: ids[0] })).body).toEqual({ messageId: ids[1] });
    const detail = (await res.get(`/api/deals/${dealId}`).expect(200)).body;
    expect(detail.unread).toBe(1);
    // Read receipts: the enterprise sees how far the researcher has read.
    const seen = (await ent.get(`/api/deals/${dealId}`).expect(200)).body.reads;
    expect(seen).toContainEqual(expect.objectContaining({ user: { id: String(researcher._id), name: researcher.displayName }, messageId: ids[1] }));
    // A colleague of the researcher has a marker of its own.
    const colleague = await signedInAs(app, await buildUser({ role: 'researcher', org: researcher.org }));
    expect((await colleague.get(`/api/deals/${dealId}`).expect(200)).body.unread).toBe(3);

    // The total over the caller's rooms: a second room of the same organisation adds to it.
    expect((await res.get('/api/deals/unread').expect(200)).body).toEqual({ unread: 1, rooms: 1 });
    expect((await ent.get('/api/deals/unread').expect(200)).body).toEqual({ unread: 0, rooms: 0 });
    const other = await openedDeal(app);
    await UserModel.updateOne({ _id: other.researcher._id }, { $set: { org: researcher.org } });
    await other.ent.post(`/api/deals/${other.dealId}/messages`, { clientId: 'other-room-01', body: '另一间' });
    await DealRoomModel.updateOne({ _id: other.dealId }, { $set: { supplyOrg: researcher.org, orgs: [researcher.org, other.enterprise.org] } });
    expect((await res.get('/api/deals/unread').expect(200)).body).toEqual({ unread: 2, rooms: 2 });
    // Nobody's total leaks: a stranger and an administrator have none.
    expect((await (await signedInAs(app, await buildUser({ role: 'enterprise' }))).get('/api/deals/unread').expect(200)).body).toEqual({ unread: 0, rooms: 0 });
    expect((await (await signedInAs(app, await buildUser({ role: 'admin', org: null }))).get('/api/deals/unread').expect(200)).body).toEqual({ unread: 0, rooms: 0 });
  });
});
