import type { NotificationView } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import type { QuerySpec } from '../../lib/query-spec';
import { correctCount, countOneRead, countStored, exactWhenSmall, readCounts } from './notification.counters';
import { NotificationModel } from './notification.model';
import { presentNotification } from './notification.presenter';

export interface NotificationInput {
  kind: NotificationView['kind'];
  title: string;
  titleEn: string;
  body?: string;
  bodyEn?: string;
  link?: string;
  /** Same key, same user: stored once (a retried job does not notify twice). */
  key: string;
}

/** Where new notifications go live (Socket.io rooms); set by the realtime layer at start-up. */
export interface NotificationPublisher {
  pushNew(userId: string, n: NotificationView): void;
  pushUnread(userId: string, unread: number): void;
}

let publisher: NotificationPublisher | undefined;

export function setNotificationPublisher(p: NotificationPublisher | undefined): void {
  publisher = p;
}

/** A user's notifications (unread only, or all), newest first: index {user, createdAt}. */
export function notificationsQuery(userId: Types.ObjectId | string, unread = false): QuerySpec {
  return { filter: unread ? { user: userId, readAt: null } : { user: userId }, sort: { createdAt: -1 } };
}

/** How many of a user's notifications are unread: the counters document (exact when small). */
export async function unreadCount(userId: Types.ObjectId | string): Promise<number> {
  return exactWhenSmall(userId, (await readCounts(userId)).unread);
}

/** Stores a notification for a user and pushes it live; returns null when it was a duplicate. */
export async function notify(userId: Types.ObjectId | string, input: NotificationInput): Promise<NotificationView | null> {
  let doc;
  try {
    doc = await NotificationModel.create({ user: userId, ...input });
  } catch (err) {
    if ((err as { code?: number }).code === 11000) {
      return null;
    }
    throw err;
  }
  // Counted only once really stored (a duplicate returned above), whether or not anyone listens.
  const unread = await countStored(userId);
  const view = presentNotification(doc);
  if (publisher) {
    publisher.pushNew(String(userId), view);
    publisher.pushUnread(String(userId), unread);
  }
  return view;
}

/**
 * A page of a user's notifications, newest first (index {user, createdAt} or {user, readAt,
 * createdAt}); `total` comes from the counters document, not a count over the whole history. A
 * page shorter than pageSize is the last one and gives the exact total: a drifted counter is
 * corrected there.
 */
export async function listNotifications(userId: Types.ObjectId, q: { unread?: boolean; page: number; pageSize: number }) {
  const { filter, sort } = notificationsQuery(userId, q.unread);
  const skip = (q.page - 1) * q.pageSize;
  const [items, counts] = await Promise.all([
    NotificationModel.find(filter).sort(sort).skip(skip).limit(q.pageSize).lean(),
    readCounts(userId),
  ]);
  const field = q.unread ? 'unread' : 'total';
  let total = counts[field];
  const lastPage = items.length < q.pageSize && (items.length > 0 || skip === 0);
  if (lastPage ? total !== skip + items.length : total < skip + items.length) {
    total = skip + items.length;
    await correctCount(userId, field, total);
  }
  return { items, total };
}

/** Marks one (own) notification read; someone else's is "not found". Returns the unread count. */
export async function markRead(userId: Types.ObjectId, id: string): Promise<number> {
  const r = await NotificationModel.updateOne({ _id: id, user: userId, readAt: null }, { $set: { readAt: new Date() } });
  if (r.modifiedCount === 0 && !(await NotificationModel.exists({ _id: id, user: userId }))) {
    throw createError('NOT_FOUND');
  }
  // Only the request that really flipped it counts it (a second click or a race changes nothing).
  return published(userId, r.modifiedCount === 1 ? await countOneRead(userId) : await unreadCount(userId));
}

/** Marks all my notifications read; the counter then takes the exact (near-empty) unread count. */
export async function markAllRead(userId: Types.ObjectId): Promise<number> {
  await NotificationModel.updateMany({ user: userId, readAt: null }, { $set: { readAt: new Date() } });
  // Not a blind 0: a notification stored during the updateMany may still be unread.
  return published(userId, await exactWhenSmall(userId, null));
}

function published(userId: Types.ObjectId, unread: number): number {
  publisher?.pushUnread(String(userId), unread);
  return unread;
}
