/**
 * A room's chat over REST (the Socket.io delivery builds on the same functions): messages stored
 * with the sender's client-generated id (a retry returns the stored message), history pages by
 * message id in either direction, read markers per participant.
 */
import type { DealHistoryQuery, DealHistoryView, DealMessageInput, DealMessageView } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import type { QuerySpec } from '../../lib/query-spec';
import { DealMessageModel, DealReadModel, DealRoomModel, type DealMessageRecord, type DealReadRecord, type DealRoomRecord } from './deal.model';
import { loadDealRoom, type DealUser } from './deal.policy';
import { loadDealNames, presentDealMessage } from './deal.presenter';

const isDuplicate = (err: unknown) => (err as { code?: number }).code === 11000;

async function present(m: DealMessageRecord): Promise<DealMessageView> {
  return presentDealMessage(m, await loadDealNames([], [m.sender]));
}

/**
 * Stores a participant's message once per (room, sender, clientId): the stored one is returned to a
 * retry, also to one racing the first. `created` says whether this call stored it (201 vs 200).
 */
export async function postMessage(user: DealUser, id: string, input: DealMessageInput, ip: string): Promise<{ message: DealMessageView; created: boolean }> {
  const { room, party } = await loadDealRoom(user, id, { write: true, ip });
  const key = { room: room._id, sender: user._id, clientId: input.clientId };
  const stored = await DealMessageModel.findOne(key).lean<DealMessageRecord>();
  if (stored) {
    return { message: await present(stored), created: false };
  }
  if (room.stage === 'done' || room.stage === 'terminated') {
    throw createError('INVALID_STATE', { message: '洽谈已结束，不能再发送消息', messageEn: 'The deal is closed; no more messages can be sent' });
  }
  const at = new Date();
  const counted = await DealRoomModel.findOneAndUpdate(
    { _id: room._id },
    { $inc: { messageSeq: 1 }, $set: { lastMessageAt: at } },
    { returnDocument: 'after', projection: { messageSeq: 1 } },
  ).lean<Pick<DealRoomRecord, 'messageSeq'>>();
  if (!counted) {
    throw createError('NOT_FOUND');
  }
  // Apart from the seq, and only once per sender: FerretDB corrupted the room (its contacts grew past
  // 16 MB) when 30 messages at once each $addToSet-ed in the same findOneAndUpdate.
  if (!room.contacts.some((c) => c.equals(user._id))) {
    await DealRoomModel.updateOne({ _id: room._id }, { $addToSet: { contacts: user._id } });
  }
  let message: DealMessageRecord;
  try {
    message = (await DealMessageModel.create({ ...key, seq: counted.messageSeq, party, body: input.body })).toObject() as DealMessageRecord;
  } catch (err) {
    if (isDuplicate(err)) {
      const first = await DealMessageModel.findOne(key).lean<DealMessageRecord>();
      if (first) {
        return { message: await present(first), created: false };
      }
    }
    throw err;
  }
  // One's own message is read by oneself.
  await advanceRead(room._id, user._id, message);
  return { message: await present(message), created: true };
}

/** A page of a room's messages, by sequence → {room, seq}. */
export function historyQuery(room: Types.ObjectId, q: { beforeSeq?: number; afterSeq?: number }): QuerySpec {
  if (q.afterSeq !== undefined) {
    return { filter: { room, seq: { $gt: q.afterSeq } }, sort: { seq: 1 } };
  }
  return { filter: q.beforeSeq !== undefined ? { room, seq: { $lt: q.beforeSeq } } : { room }, sort: { seq: -1 } };
}

async function seqOf(room: Types.ObjectId, messageId: string, path: string): Promise<number> {
  const m = await DealMessageModel.findOne({ _id: messageId, room }, { seq: 1 }).lean();
  if (!m) {
    throw createError('VALIDATION_FAILED', { fields: [{ path, code: 'not_found', message: '该消息不在此洽谈室中', messageEn: 'No such message in this deal room' }] });
  }
  return m.seq;
}

/**
 * History, oldest first on the page: the newest `limit` messages, the `limit` before a message
 * (scrolling back) or the `limit` after one (catching up after a disconnect).
 */
export async function messageHistory(user: DealUser, id: string, q: DealHistoryQuery, ip: string): Promise<DealHistoryView> {
  const { room } = await loadDealRoom(user, id, { write: false, ip });
  const spec = historyQuery(room._id, {
    beforeSeq: q.before ? await seqOf(room._id, q.before, 'query.before') : undefined,
    afterSeq: q.after ? await seqOf(room._id, q.after, 'query.after') : undefined,
  });
  const found = await DealMessageModel.find(spec.filter).sort(spec.sort).limit(q.limit + 1).lean<DealMessageRecord[]>();
  const hasMore = found.length > q.limit;
  const page = found.slice(0, q.limit);
  if (!q.after) {
    page.reverse();
  }
  const names = await loadDealNames([], page.map((m) => m.sender));
  return { items: page.map((m) => presentDealMessage(m, names)), hasMore };
}

/** Moves the user's marker forward to `message` (never back). */
async function advanceRead(room: Types.ObjectId, user: Types.ObjectId, message: Pick<DealMessageRecord, '_id' | 'seq'>): Promise<void> {
  const set = { seq: message.seq, message: message._id, at: new Date() };
  const moved = await DealReadModel.updateOne({ room, user, seq: { $lt: message.seq } }, { $set: set });
  if (moved.matchedCount === 0 && !(await DealReadModel.exists({ room, user }))) {
    await DealReadModel.create({ room, user, ...set }).catch((err: unknown) => {
      if (!isDuplicate(err)) {
        throw err;
      }
      return DealReadModel.updateOne({ room, user, seq: { $lt: message.seq } }, { $set: set });
    });
  }
}

/** A participant marks the room read up to a message. */
export async function markRead(user: DealUser, id: string, messageId: string, ip: string): Promise<{ messageId: string }> {
  const { room } = await loadDealRoom(user, id, { write: true, ip });
  const m = await DealMessageModel.findOne({ _id: messageId, room: room._id }, { seq: 1 }).lean();
  if (!m) {
    throw createError('VALIDATION_FAILED', { fields: [{ path: 'body.messageId', code: 'not_found', message: '该消息不在此洽谈室中', messageEn: 'No such message in this deal room' }] });
  }
  await advanceRead(room._id, user._id, m);
  const marker = await DealReadModel.findOne({ room: room._id, user: user._id }).lean<DealReadRecord>();
  return { messageId: String(marker?.message ?? m._id) };
}

/** Messages of others after the user's marker, per room → {room, user} then {room, seq}. */
export async function unreadCounts(user: Types.ObjectId, rooms: readonly DealRoomRecord[]): Promise<Map<string, number>> {
  const live = rooms.filter((r) => r.messageSeq > 0);
  if (live.length === 0) {
    return new Map();
  }
  const reads = await DealReadModel.find({ room: { $in: live.map((r) => r._id) }, user }, { room: 1, seq: 1 }).lean();
  const upTo = new Map(reads.map((r) => [String(r.room), r.seq]));
  const counts = await Promise.all(
    live.map((r) => DealMessageModel.countDocuments({ room: r._id, seq: { $gt: upTo.get(String(r._id)) ?? 0 }, sender: { $ne: user } })),
  );
  return new Map(live.map((r, i) => [String(r._id), counts[i] ?? 0]));
}
