import { Types } from 'mongoose';
import type { QuerySpec } from '../../lib/query-spec';
import { NotificationCounterModel } from './notification-counter.model';
import { NotificationModel } from './notification.model';

type UserId = Types.ObjectId | string;

export interface NotificationCounts {
  unread: number;
  total: number;
}

/**
 * Below this many unread the exact count is cheap (a handful of index entries), so reads take it
 * and correct the counter: drift never survives where the bell shows a number (it shows 99+ above).
 */
export const EXACT_UNREAD_BELOW = 100;

/** The unread count's filter: index {user, readAt}. */
export function unreadQuery(userId: UserId): QuerySpec {
  return { filter: { user: userId, readAt: null } };
}

/** A user's counters document: one read by `_id`. */
export function countersQuery(userId: UserId): QuerySpec {
  return { filter: { _id: userId } };
}

const project = { _id: 0, unread: 1, total: 1 } as const;

/** Counts a user's notifications in the collection and stores the result (exact, linear in them). */
export async function recountUser(userId: UserId): Promise<NotificationCounts> {
  const [unread, total] = await Promise.all([
    NotificationModel.countDocuments(unreadQuery(userId).filter),
    NotificationModel.countDocuments({ user: userId }),
  ]);
  await NotificationCounterModel.updateOne({ _id: userId }, { $set: { unread, total } }, { upsert: true });
  return { unread, total };
}

/** A user's counters; made from the collection the first time (history from before counters). */
export async function readCounts(userId: UserId): Promise<NotificationCounts> {
  const c = await NotificationCounterModel.findOne(countersQuery(userId).filter, project).lean<NotificationCounts>();
  return c ?? recountUser(userId);
}

/** After a notification was really stored: one more, one more unread. Returns the new unread count. */
export async function countStored(userId: UserId): Promise<number> {
  const c = await NotificationCounterModel.findOneAndUpdate({ _id: userId }, { $inc: { unread: 1, total: 1 } }, { returnDocument: 'after', projection: project }).lean<NotificationCounts>();
  // No counters yet: make them from the collection, which already holds this notification.
  return (c ?? (await recountUser(userId))).unread;
}

/**
 * After a bulk store (notification.bulk.ts): `stored` holds how many were really stored per user.
 * Users with counters get one `$inc` each in one bulkWrite; users without any are counted from the
 * collection in one aggregate (which already holds the batch), as countStored's recount does.
 * Returns every user's unread count after the batch, for the live push.
 */
export async function countStoredMany(stored: ReadonlyMap<string, number>): Promise<Map<string, number>> {
  const ids = [...stored.keys()].map((id) => new Types.ObjectId(id));
  if (ids.length === 0) {
    return new Map();
  }
  const existing = new Set((await NotificationCounterModel.find({ _id: { $in: ids } }, { _id: 1 }).lean()).map((c) => String(c._id)));
  const ops: Parameters<typeof NotificationCounterModel.bulkWrite>[0] = [];
  for (const [id, n] of stored) {
    if (existing.has(id) && n > 0) {
      ops.push({ updateOne: { filter: { _id: new Types.ObjectId(id) }, update: { $inc: { unread: n, total: n } } } });
    }
  }
  const missing = ids.filter((id) => !existing.has(String(id)));
  if (missing.length) {
    const groups = await NotificationModel.aggregate<{ _id: Types.ObjectId; total: number; unread: number }>([
      { $match: { user: { $in: missing } } },
      { $group: { _id: '$user', total: { $sum: 1 }, unread: { $sum: { $cond: [{ $eq: [{ $ifNull: ['$readAt', null] }, null] }, 1, 0] } } } },
    ]);
    for (const g of groups) {
      ops.push({ updateOne: { filter: { _id: g._id }, update: { $set: { unread: g.unread, total: g.total } }, upsert: true } });
    }
  }
  if (ops.length) {
    await NotificationCounterModel.bulkWrite(ops, { ordered: false });
  }
  const after = await NotificationCounterModel.find({ _id: { $in: ids } }, { unread: 1 }).lean();
  return new Map(after.map((c) => [String(c._id), c.unread]));
}

/** After one notification really flipped to read: one fewer unread, never below zero. */
export async function countOneRead(userId: UserId): Promise<number> {
  const c = await NotificationCounterModel.findOneAndUpdate({ _id: userId, unread: { $gt: 0 } }, { $inc: { unread: -1 } }, { returnDocument: 'after', projection: project }).lean<NotificationCounts>();
  return exactWhenSmall(userId, (c ?? (await readCounts(userId))).unread);
}

/**
 * The unread count to show: the counter when it is large (the bell shows 99+ anyway), else the
 * exact count (cheap when small), written back when the counter had drifted. `counter` null: the
 * counter is not trusted (after "mark all read"), so the exact count is always written.
 */
export async function exactWhenSmall(userId: UserId, counter: number | null): Promise<number> {
  if (counter !== null && counter >= EXACT_UNREAD_BELOW) {
    return counter;
  }
  const exact = await NotificationModel.countDocuments(unreadQuery(userId).filter, { limit: EXACT_UNREAD_BELOW });
  if (exact >= EXACT_UNREAD_BELOW) {
    return (await recountUser(userId)).unread;
  }
  if (exact !== counter) {
    await NotificationCounterModel.updateOne({ _id: userId }, { $set: { unread: exact } });
  }
  return exact;
}

/** A list page's exact size learnt for free (its last page was read): corrects a drifted counter. */
export async function correctCount(userId: UserId, field: keyof NotificationCounts, exact: number): Promise<void> {
  await NotificationCounterModel.updateOne({ _id: userId }, { $set: { [field]: exact } });
}

/**
 * Rebuilds every user's counters from the notifications (one pass over the collection) and drops
 * the counters of users who have none left: `npm run db:repair-counters`, and after bulk loads
 * that bypass notify() (bench:db's fill). Meant for a quiet moment: a notification stored while
 * it runs may be counted off by one until that user's next exact read corrects it.
 */
export async function rebuildNotificationCounters(): Promise<{ users: number }> {
  const started = new Date();
  const groups = NotificationModel.aggregate<{ _id: Types.ObjectId; total: number; unread: number }>([
    { $group: { _id: '$user', total: { $sum: 1 }, unread: { $sum: { $cond: [{ $eq: [{ $ifNull: ['$readAt', null] }, null] }, 1, 0] } } } },
  ]).cursor({ batchSize: 1000 });
  let users = 0;
  let ops: Parameters<typeof NotificationCounterModel.bulkWrite>[0] = [];
  const flush = async () => {
    if (ops.length) {
      await NotificationCounterModel.bulkWrite(ops, { ordered: false });
      ops = [];
    }
  };
  for await (const g of groups) {
    users += 1;
    ops.push({ updateOne: { filter: { _id: g._id }, update: { $set: { unread: g.unread, total: g.total, checkedAt: started } }, upsert: true } });
    if (ops.length >= 1000) {
      await flush();
    }
  }
  await flush();
  // Counters the pass did not write belong to users without notifications: made again (as 0) on demand.
  await NotificationCounterModel.deleteMany({ $or: [{ checkedAt: null }, { checkedAt: { $lt: started } }] });
  return { users };
}
