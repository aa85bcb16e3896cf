/**
 * A room's chat over REST (the Socket.io delivery builds on the same functions): messages stored
 * with the sender's client-generated id (a retry returns the stored message), history pages by
 * message id in either direction, read markers per participant.
 */
import type { DealHistoryQuery, DealHistoryView, DealMessageInput, DealMessageView, DealParty } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import { logger } from '../../lib/logger';
import type { QuerySpec } from '../../lib/query-spec';
import { DealMessageModel, DealReadModel, DealRoomModel, type DealMessageRecord, type DealReadRecord, type DealRoomRecord } from './deal.model';
import { admitToRoom, findDealRoom, loadDealRoom, type DealUser } from './deal.policy';
import { loadDealNames, presentDealMessage } from './deal.presenter';

const isDuplicate = (err: unknown) => (err as { code?: number }).code === 11000;

async function present(m: DealMessageRecord): Promise<DealMessageView> {
  return presentDealMessage(m, await loadDealNames([], [m.sender]));
}

type Stored = { record: DealMessageRecord; created: boolean };

/** The sender's earlier attempt with this client id, if any → {room, sender, clientId} (unique). */
function earlierAttempt(room: string, sender: Types.ObjectId | string, clientId: string): Promise<DealMessageRecord | null> {
  return DealMessageModel.findOne({ room, sender, clientId }).lean<DealMessageRecord>().exec();
}

/**
 * Stores a participant's message once per (room, sender, clientId): the stored one is returned to a
 * retry, also to one racing the first. `created` says whether this call stored it (201 vs 200).
 * The room and the earlier attempt are read at once; access is decided before either is used.
 */
export async function postMessage(user: DealUser, id: string, input: DealMessageInput, ip: string): Promise<{ message: DealMessageView; created: boolean }> {
  const [found, earlier] = await Promise.all([findDealRoom(id), earlierAttempt(id, user._id, input.clientId)]);
  const { room, party } = await admitToRoom(user, found, { write: true, ip });
  const { record, created } = await store(user, room, party, input, earlier);
  if (created) {
    // One's own message is read by oneself.
    await advanceRead(room._id, user._id, record);
  }
  return { message: await present(record), created };
}

/** What a socket knows of its sender: the id and name it connected with, and the user being re-read now. */
export interface ChatSender {
  id: string;
  name: string;
  current: Promise<DealUser>;
}

/**
 * `postMessage` on the Socket.io hot path, three sequential round trips: (user ‖ room ‖ earlier
 * attempt, only read for a `retry`), the seq, the insert. Access is still decided on the user as stored now. The name comes
 * from the socket, and the sender's read marker moves in `afterwards` (call it after the broadcast;
 * it only feeds unread counts and receipts, and logs its errors).
 */
export async function sendMessage(
  sender: ChatSender,
  id: string,
  input: DealMessageInput & { retry?: boolean },
  ip: string,
): Promise<{ message: DealMessageView; created: boolean; afterwards: () => void }> {
  const [user, found, earlier] = await Promise.all([sender.current, findDealRoom(id), input.retry ? earlierAttempt(id, sender.id, input.clientId) : null]);
  const { room, party } = await admitToRoom(user, found, { write: true, ip });
  const { record, created } = await store(user, room, party, input, earlier);
  const names = { org: new Map<string, string>(), user: new Map([[String(user._id), sender.name]]) };
  const afterwards = () => {
    if (created) {
      advanceRead(room._id, user._id, record).catch((err: unknown) => logger().warn({ err, dealId: id }, 'deal read marker after send failed'));
    }
  };
  return { message: presentDealMessage(record, names), created, afterwards };
}

/**
 * The message for an admitted participant: `earlier` when this client id was stored already, else
 * a seq from the room's atomic `$inc`, then the insert. A retry racing the first attempt loses on
 * the unique index after taking a seq (a hole catch-up steps over, deal.catchup.ts) and gets the
 * stored one; a retry after the first attempt was stored takes no seq.
 */
async function store(user: DealUser, room: DealRoomRecord, party: DealParty | null, input: DealMessageInput, earlier: DealMessageRecord | null): Promise<Stored> {
  if (earlier) {
    return { record: earlier, created: false };
  }
  if (room.stage === 'done' || room.stage === 'terminated') {
    throw createError('INVALID_STATE', { message: '洽谈已结束，不能再发送消息', messageEn: 'The deal is closed; no more messages can be sent' });
  }
  const key = { room: room._id, sender: user._id, clientId: input.clientId };
  const at = new Date();
  const counted = await DealRoomModel.findOneAndUpdate(
    { _id: room._id },
    { $inc: { messageSeq: 1 }, $set: { lastMessageAt: at } },
    { returnDocument: 'after', projection: { messageSeq: 1 } },
  ).lean<Pick<DealRoomRecord, 'messageSeq'>>();
  if (!counted) {
    throw createError('NOT_FOUND');
  }
  const insert = async (): Promise<Stored> => {
    try {
      return { record: (await DealMessageModel.create({ ...key, seq: counted.messageSeq, party, body: input.body })).toObject() as DealMessageRecord, created: true };
    } catch (err) {
      const first = isDuplicate(err) ? await DealMessageModel.findOne(key).lean<DealMessageRecord>() : null;
      if (first) {
        return { record: first, created: false };
      }
      throw err;
    }
  };
  // Apart from the seq, and only once per sender: FerretDB corrupted the room (its contacts grew past
  // 16 MB) when 30 messages at once each $addToSet-ed in the same findOneAndUpdate. Beside the insert.
  const [stored] = await Promise.all([
    insert(),
    room.contacts.some((c) => c.equals(user._id)) ? null : DealRoomModel.updateOne({ _id: room._id }, { $addToSet: { contacts: user._id } }),
  ]);
  return stored;
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
