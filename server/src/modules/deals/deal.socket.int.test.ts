import type { DealJoinAck, DealMessageView } from '@kezhuan/shared';
import mongoose from 'mongoose';
import { afterEach, describe, expect, it } from 'vitest';
import { resetEnv } from '../../config/env';
import { buildUser } from '../../testing/factories';
import { testApp, useTestDb } from '../../testing/harness';
import { signedInAs } from '../../testing/listing-factories';
import { listenWithRealtime } from '../../testing/realtime-server';
import { sessionCookie } from '../../testing/socket-client';
import { AuditModel } from '../audit/audit.model';
import { UserModel } from '../users/user.model';
import { DealMessageModel, DealReadModel, DealRoomModel } from './deal.model';

import { ask, connected, next, openChatSocket, recordAll, type ChatClientSocket } from './deal.socket.testing';
import { openedDeal } from './deal.testing';

useTestDb();
const app = testApp();
const live = listenWithRealtime();
const open: ChatClientSocket[] = [];

async function socketOf(email: string, origin?: string): Promise<ChatClientSocket> {
  const s = openChatSocket(live.url, await sessionCookie(live.url, email), origin);
  open.push(s);
  await connected(s);
  return s;
}

afterEach(() => {
  open.splice(0).forEach((s) => s.close());
  delete process.env.ALLOWED_ORIGINS;
  resetEnv();
});

const joined = async (s: ChatClientSocket, dealId: string, afterSeq?: number) => {
  const r = await ask<DealJoinAck>(s, 'deal:join', afterSeq === undefined ? { dealId } : { dealId, afterSeq });
  if (!r.ok) {
    throw new Error(`join refused: ${JSON.stringify(r.error)}`);
  }
  return r.data;
};

describe('deal-room chat over Socket.io', () => {
  it('joins participants, stores before broadcasting, acks the stored message, re-acks a retry without a second broadcast', async () => {
    const { dealId, enterprise, researcher } = await openedDeal(app);
    const ent = await socketOf(enterprise.email);
    const res = await socketOf(researcher.email);
    const first = await joined(ent, dealId);
    expect(first).toMatchObject({ messages: [], hasMore: false, caughtUpTo: 0, online: [{ id: String(enterprise._id) }] });
    const presence = next(ent, 'deal:presence', (p) => p.online.length === 2);
    const second = await joined(res, dealId);
    expect(second.online.map((p) => p.id).sort()).toEqual([String(enterprise._id), String(researcher._id)].sort());
    expect((await presence).dealId).toBe(dealId);

    const heard: DealMessageView[] = [];
    res.on('deal:message', (m) => heard.push(m));
    const arriving = next(res, 'deal:message');
    const sent = await ask<DealMessageView>(ent, 'deal:send', { dealId, clientId: 'sock-0001-abc', body: '您好，想谈谈许可' });
    expect(sent).toMatchObject({ ok: true, data: { clientId: 'sock-0001-abc', body: '您好，想谈谈许可', seq: 1, party: 'demand' } });
    const m = await arriving;
    expect(m).toMatchObject({ dealId, clientId: 'sock-0001-abc', seq: 1 });
    // Stored before it was broadcast: it is there when the broadcast arrives.
    expect(await DealMessageModel.exists({ _id: m.id })).toBeTruthy();

    const retry = await ask<DealMessageView>(ent, 'deal:send', { dealId, clientId: 'sock-0001-abc', body: '重发', retry: true });
    expect(retry).toEqual(sent);
    // A later message arrives next: the retry was not broadcast again, and took no seq.
    const after = next(res, 'deal:message');
    await ask(res, 'deal:send', { dealId, clientId: 'sock-0002-abc', body: '可以' });
    const reply = await after;
    expect(reply).toMatchObject({ clientId: 'sock-0002-abc', seq: 2 });
    // A retry that doesn't say so is still answered with the stored message (by the unique index).
    expect(await ask<DealMessageView>(ent, 'deal:send', { dealId, clientId: 'sock-0001-abc', body: '重发' })).toEqual(sent);
    expect(heard.map((h) => h.clientId)).toEqual(['sock-0001-abc', 'sock-0002-abc']);

    // Read receipts and typing go to the others.
    const receipt = next(res, 'deal:read');
    expect(await ask(ent, 'deal:read', { dealId, messageId: reply.id })).toEqual({ ok: true, data: { messageId: reply.id } });
    expect(await receipt).toMatchObject({ dealId, user: { id: String(enterprise._id) }, messageId: reply.id, seq: 2 });
    const typing = next(res, 'deal:typing');
    ent.emit('deal:typing', { dealId, typing: true });
    expect(await typing).toMatchObject({ dealId, user: { id: String(enterprise._id) }, typing: true });

    // Other parts of the room announce their changes to the room.
    // Other parts of the room announce their changes to the room: a stage change over REST.
    const updated = next(res, 'deal:updated');
    expect((await (await signedInAs(app, researcher)).post(`/api/deals/${dealId}/stage`, { to: 'negotiation' })).status).toBe(200);
    expect(await updated).toEqual({ dealId, what: 'stage', stage: 'negotiation' });

    // Catch-up after seq 1 brings seq 2 only.
    const caught = await joined(ent, dealId, 1);
    expect(caught.messages.map((x) => x.seq)).toEqual([2]);
    expect(caught.caughtUpTo).toBe(2);

    // Leaving (and disconnecting) updates the others' presence.
    const gone = next(ent, 'deal:presence', (p) => p.online.length === 1);
    res.close();
    expect((await gone).online).toEqual([{ id: String(enterprise._id), name: enterprise.displayName }]);
  });

  it('answers a retry racing its first send with the one stored message, broadcast once; a first send reads the database 4 times, no name or read marker before the ack', async () => {
    const { dealId, enterprise, researcher } = await openedDeal(app);
    const ent = await socketOf(enterprise.email);
    const res = await socketOf(researcher.email);
    await joined(res, dealId);
    const heard: DealMessageView[] = [];
    res.on('deal:message', (m) => heard.push(m));
    const [a, b] = await Promise.all([
      ask<DealMessageView>(ent, 'deal:send', { dealId, clientId: 'race-0001-abc', body: '一次' }),
      ask<DealMessageView>(ent, 'deal:send', { dealId, clientId: 'race-0001-abc', body: '一次' }),
    ]);
    expect(a.ok && b.ok && a.data.id === b.data.id).toBe(true);
    expect(a).toMatchObject({ data: { sender: { id: String(enterprise._id), name: enterprise.displayName } } });
    expect(await DealMessageModel.countDocuments({ room: dealId, clientId: 'race-0001-abc' })).toBe(1);

    // Operations of the next send until its ack (the read marker moves after it, not counted).
    const ops: string[] = [];
    mongoose.set('debug', (collection: string, method: string) => {
      if (collection !== 'deal_reads') {
        ops.push(`${collection}.${method}`);
      }
    });
    const fence = next(res, 'deal:message', (m) => m.clientId === 'race-0002-abc');
    try {
      expect((await ask(ent, 'deal:send', { dealId, clientId: 'race-0002-abc', body: '再来' })).ok).toBe(true);
    } finally {
      mongoose.set('debug', false);
    }
    // user ‖ room, then the seq, then the insert (a first attempt doesn't look for an earlier one).
    expect(ops.sort()).toEqual(['deal_messages.insertOne', 'deal_rooms.findOne', 'deal_rooms.findOneAndUpdate', 'users.findOne']);
    await fence;
    expect(heard.map((h) => h.clientId)).toEqual(['race-0001-abc', 'race-0002-abc']);
    // The sender's own marker still moves (after the ack).
    await expect.poll(() => DealReadModel.exists({ room: dealId, user: enterprise._id, seq: { $gte: heard[1]?.seq ?? 0 } })).toBeTruthy();
  });

  it('refuses strangers on join, send, read and typing (404, no room join) and leaks no event to them', async () => {
    const { dealId, enterprise } = await openedDeal(app);
    const outsider = await buildUser({ role: 'enterprise' });
    const ent = await socketOf(enterprise.email);
    await joined(ent, dealId);
    const stranger = await socketOf(outsider.email);
    const got = recordAll(stranger);
    const join = await ask(stranger, 'deal:join', { dealId });
    expect(join).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', status: 404 } });
    expect(await ask(stranger, 'deal:send', { dealId, clientId: 'stranger-0001', body: '我是谁' })).toMatchObject({ ok: false, error: { status: 404 } });
    const stored = await ask<DealMessageView>(ent, 'deal:send', { dealId, clientId: 'owner-00001', body: '内部消息' });
    expect(stored.ok).toBe(true);
    const messageId = stored.ok ? stored.data.id : '';
    expect(await ask(stranger, 'deal:read', { dealId, messageId })).toMatchObject({ ok: false, error: { status: 404 } });
    const typing = recordAll(ent);
    stranger.emit('deal:typing', { dealId, typing: true });
    // A full round trip after everything: had anything leaked, it would have arrived by now.
    const echo = next(ent, 'deal:message');
    await ask(ent, 'deal:send', { dealId, clientId: 'owner-00002', body: '第二条' });
    await echo;
    await ask(stranger, 'deal:leave', { dealId });
    expect(got.filter((g) => g.event.startsWith('deal:'))).toEqual([]);
    expect(typing.filter((g) => g.event === 'deal:typing')).toEqual([]);
    expect(await DealMessageModel.countDocuments({ room: dealId })).toBe(2);
  });

  it('lets an administrator join read-only (audited, unseen in presence); his sends and read markers are refused 403', async () => {
    const { dealId, enterprise } = await openedDeal(app);
    const admin = await buildUser({ role: 'admin' });
    const ent = await socketOf(enterprise.email);
    await joined(ent, dealId);
    const a = await socketOf(admin.email);
    const view = await joined(a, dealId);
    expect(view.online.map((p) => p.id)).toEqual([String(enterprise._id)]);
    expect(await AuditModel.countDocuments({ action: 'deal.admin_view', actor: admin._id, 'target.id': dealId })).toBe(1);
    const arriving = next(a, 'deal:message');
    await ask(ent, 'deal:send', { dealId, clientId: 'watched-0001', body: '管理员可见' });
    expect((await arriving).body).toBe('管理员可见');
    const send = await ask(a, 'deal:send', { dealId, clientId: 'admin-00001', body: '代为发言' });
    expect(send).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', status: 403 } });
    expect(await DealMessageModel.countDocuments({ room: dealId, sender: admin._id })).toBe(0);
  });

  it('answers hostile payloads with validation errors and keeps serving', async () => {
    const { dealId, enterprise } = await openedDeal(app);
    const ent = await socketOf(enterprise.email);
    for (const payload of [null, 'x', 42, [], { dealId: 5 }, { dealId: 'not-an-id' }, { dealId, afterSeq: -1 }, { dealId, afterSeq: 'a' }, { dealId, extra: 1 }]) {
      expect(await ask(ent, 'deal:join', payload)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', status: 400 } });
    }
    const huge = await ask(ent, 'deal:send', { dealId, clientId: 'x'.repeat(5000), body: '长'.repeat(100_000) });
    expect(huge.ok).toBe(false);
    const fields = huge.ok ? [] : (huge.error.fields ?? []);
    expect(fields.map((f) => f.path).sort()).toEqual(['body.body', 'body.clientId']);
    expect(fields.find((f) => f.path === 'body.clientId')?.message).toBe('消息编号须为 8–64 位字母、数字、- 或 _');
    expect(await ask(ent, 'deal:send', { dealId, clientId: 'ok-client-1', body: 123 })).toMatchObject({ ok: false, error: { status: 400 } });
    expect(await ask(ent, 'deal:read', { dealId, messageId: {} })).toMatchObject({ ok: false, error: { status: 400 } });
    // No ack function, odd shapes: dropped without crashing the server.
    const raw = ent.emit.bind(ent) as (event: string, ...args: unknown[]) => void;
    raw('deal:send', { dealId, clientId: 'no-ack-0001', body: 'x' });
    raw('deal:typing', 'typing');
    raw('deal:leave', undefined);
    raw('deal:join');
    // Still alive and serving this socket.
    const ok = await ask<DealMessageView>(ent, 'deal:send', { dealId, clientId: 'after-hostile-1', body: '仍然可用' });
    expect(ok.ok).toBe(true);
    // Events of one socket run concurrently: the later send's ack does not order the earlier one.
    await expect.poll(() => DealMessageModel.countDocuments({ room: dealId, clientId: 'no-ack-0001' })).toBe(1);
  });

  it('re-checks membership on every join and send: a member removed from the organisation is refused', async () => {
    const { dealId, researcher } = await openedDeal(app);
    const res = await socketOf(researcher.email);
    await joined(res, dealId);
    await UserModel.updateOne({ _id: researcher._id }, { $set: { org: null } });
    expect(await ask(res, 'deal:send', { dealId, clientId: 'removed-0001', body: '还在吗' })).toMatchObject({ ok: false, error: { status: 404 } });
    expect(await ask(res, 'deal:join', { dealId })).toMatchObject({ ok: false, error: { status: 404 } });
  });

  it('takes a member who leaves his organisation out of its rooms at once: he hears nothing more, the others see him gone', async () => {
    const { dealId, enterprise, researcher } = await openedDeal(app);
    const ent = await socketOf(enterprise.email);
    const res = await socketOf(researcher.email);
    await joined(ent, dealId);
    await joined(res, dealId);
    const heard = recordAll(res);
    const gone = next(ent, 'deal:presence', (p) => p.online.every((o) => o.id !== String(researcher._id)));
    const told = next(res, 'deal:updated', (u) => u.dealId === dealId && u.what === 'participants');
    const leaving = await (await signedInAs(app, researcher)).post('/api/orgs/leave', { orgId: String(researcher.org) });
    expect(leaving.status).toBe(200);
    await told;
    await gone;
    // A message after he left reaches the enterprise's own socket but not his.
    const own = next(ent, 'deal:message', (m) => m.clientId === 'after-leave-0001');
    expect(await ask(ent, 'deal:send', { dealId, clientId: 'after-leave-0001', body: '还在吗' })).toMatchObject({ ok: true });
    await own;
    expect(heard.filter((e) => e.event === 'deal:message')).toEqual([]);
  });

  it('catches up a message stored after a higher seq was already seen (the seq gap)', async () => {
    const { dealId, enterprise, researcher } = await openedDeal(app);
    const ent = await socketOf(enterprise.email);
    const res = await socketOf(researcher.email);
    await joined(res, dealId);
    await ask(ent, 'deal:send', { dealId, clientId: 'gap-msg-0001', body: '一' });
    // A write that took seq 2 and has not stored its message yet; seq 3 is stored and broadcast meanwhile.
    await DealRoomModel.updateOne({ _id: dealId }, { $inc: { messageSeq: 1 } });
    const three = next(res, 'deal:message', (m) => m.seq === 3);
    await ask(ent, 'deal:send', { dealId, clientId: 'gap-msg-0003', body: '三' });
    await three;
    // The client saw 1 and 3: resuming from the highest seen (3) would miss 2 for good. The join
    // does not let it step over the fresh hole.
    const seen = await joined(res, dealId, 1);
    expect(seen.messages.map((m) => m.seq)).toEqual([3]);
    expect(seen.caughtUpTo).toBe(1);
    // The late write lands (as postMessage would) while the client is away.
    res.close();
    const late = await DealMessageModel.create({ room: dealId, sender: enterprise._id, clientId: 'gap-msg-0002', seq: 2, party: 'demand', body: '二' });
    const back = await socketOf(researcher.email);
    const caught = await joined(back, dealId, seen.caughtUpTo);
    expect(caught.messages.map((m) => m.seq)).toEqual([2, 3]);
    expect(caught.messages[0]?.id).toBe(String(late._id));
    expect(caught.caughtUpTo).toBe(3);
  });

  it('steps over a number that never got a message once it is old enough', async () => {
    const { dealId, enterprise } = await openedDeal(app);
    const ent = await socketOf(enterprise.email);
    await ask(ent, 'deal:send', { dealId, clientId: 'hole-msg-001', body: '一' });
    await DealRoomModel.updateOne({ _id: dealId }, { $inc: { messageSeq: 1 } });
    await ask(ent, 'deal:send', { dealId, clientId: 'hole-msg-003', body: '三' });
    expect((await joined(ent, dealId, 1)).caughtUpTo).toBe(1);
    // The same room a minute later: seq 2's write is long over.
    await DealMessageModel.collection.updateOne({ room: DealRoomModel.castObject({ _id: dealId })._id, seq: 3 }, { $set: { createdAt: new Date(Date.now() - 60_000) } });
    expect((await joined(ent, dealId, 1)).caughtUpTo).toBe(3);
  });

  it('opens sockets only from allowed origins (ALLOWED_ORIGINS)', async () => {
    process.env.ALLOWED_ORIGINS = 'https://kz.example.cn, https://www.kz.example.cn';
    resetEnv();
    const u = await buildUser();
    const ok = await socketOf(u.email, 'https://www.kz.example.cn');
    expect(ok.connected).toBe(true);
    await expect(socketOf(u.email, 'https://evil.example')).rejects.toBeTruthy();
    await expect(socketOf(u.email, 'https://kz.example.cn.evil.example')).rejects.toBeTruthy();
  });
});
