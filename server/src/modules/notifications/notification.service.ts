import type { NotificationView } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import { dbFlavour } from '../../lib/db';
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

/** The live publisher, if the realtime layer is up (notification.bulk.ts pushes through it too). */
export function livePublisher(): NotificationPublisher | undefined {
  return publisher;
}

/**
 * A user's notifications (unread only, or all), newest first; with `since`, only those stored since
 * then, read through index {user, createdAt} (see findPage).
 */
export function notificationsQuery(userId: Types.ObjectId | string, unread = false, since?: Date): QuerySpec {
  const filter: Record<string, unknown> = unread ? { user: userId, readAt: null } : { user: userId };
  if (since) {
    filter.createdAt = { $gte: since };
  }
  return { filter, sort: { createdAt: -1 } };
}

const DAY = 86_400_000;
/** The recent windows a page is looked for in first, in days; the second only for a long history. */
export const PAGE_WINDOWS_DAYS = [7, 90] as const;
const LONG_HISTORY = 2000;

/**
 * One page of notifications. DocumentDB does not take the order from the index: the plain query
 * reads and sorts every notification of the user (~40 ms for 20,000). Every notification newer
 * than `since` is in a window and every other one is older than all of them, so when a window
 * fills the page, that page is the same as the plain query's; otherwise the next window, and last
 * the plain query, is asked. Most pages read are recent ones, so one small read answers them.
 */
async function findPage(userId: Types.ObjectId, unread: boolean, skip: number, limit: number, total: () => Promise<number>) {
  const page = (since?: Date) => {
    const { filter, sort } = notificationsQuery(userId, unread, since);
    return NotificationModel.find(filter).sort(sort).skip(skip).limit(limit).lean();
  };
  const now = Date.now();
  // MongoDB walks the {user, createdAt} index in order and stops at the page: windows only add reads there.
  const windows = dbFlavour() === 'mongodb' ? [] : PAGE_WINDOWS_DAYS;
  for (const [i, days] of windows.entries()) {
    if (i > 0 && (await total()) < LONG_HISTORY) {
      break;
    }
    const items = await page(new Date(now - days * DAY));
    if (items.length === limit) {
      return items;
    }
  }
  return page();
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
 * A page of a user's notifications, newest first (findPage); `total` comes from the counters
 * document, not a count over the whole history. A page shorter than pageSize is the last one and
 * gives the exact total: a drifted counter is corrected there.
 */
export async function listNotifications(userId: Types.ObjectId, q: { unread?: boolean; page: number; pageSize: number }) {
  const skip = (q.page - 1) * q.pageSize;
  const field = q.unread ? 'unread' : 'total';
  const counting = readCounts(userId);
  const [items, counts] = await Promise.all([findPage(userId, Boolean(q.unread), skip, q.pageSize, async () => (await counting)[field]), counting]);
  let total = counts[field];
  // A short page with rows (or an empty first page) ends the list: the exact total. A full page
  // proves at least skip + pageSize. An empty page past the end says nothing.
  const lastPage = items.length < q.pageSize && (items.length > 0 || skip === 0);
  if (lastPage ? total !== skip + items.length : items.length > 0 && total < skip + items.length) {
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
