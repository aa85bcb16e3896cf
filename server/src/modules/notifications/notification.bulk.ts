/**
 * Many notifications at once (a confirmed pairing run tells both sides of every pair): one
 * unordered insert, one bulkWrite of the counters grouped per user, then the live pushes. Same
 * rules as notify(): a duplicate (same user and key, index {user, key} unique) is skipped and not
 * counted; anything else that fails the insert is thrown after the stored ones are counted.
 */
import type { NotificationView } from '@kezhuan/shared';
import { Types } from 'mongoose';
import { countStoredMany } from './notification.counters';
import { NotificationModel } from './notification.model';
import { presentNotification } from './notification.presenter';
import { livePublisher, type NotificationInput } from './notification.service';

export interface NotificationItem {
  user: Types.ObjectId | string;
  input: NotificationInput;
}

/** Stored per insert: large runs are written in slices so one request stays a few MB. */
const SLICE = 1000;

interface WriteError {
  index: number;
  code?: number;
}

/**
 * The indexes an unordered insert did not store, and the error to throw when a failure was not a
 * duplicate key; null when the error says nothing per document (the slice's outcome is unknown).
 */
function failedIndexes(err: unknown): { skipped: Set<number>; other: unknown } | null {
  const raw = (err as { writeErrors?: WriteError | WriteError[] }).writeErrors;
  if (raw === undefined) {
    return null;
  }
  const list = Array.isArray(raw) ? raw : [raw];
  return { skipped: new Set(list.map((e) => e.index)), other: list.some((e) => e.code !== 11000) ? err : undefined };
}

/** Stores the notifications not stored yet, counts them, pushes them live; returns the stored ones in order. */
export async function notifyMany(items: readonly NotificationItem[]): Promise<NotificationView[]> {
  const now = new Date();
  const models = items.map(({ user, input }) => new NotificationModel({ user, ...input, createdAt: now }));
  // Validated (and defaulted) as create() would, before anything is written.
  await Promise.all(models.map((m) => m.validate()));
  const docs = models.map((m) => m.toObject());
  const stored: typeof docs = [];
  let failure: unknown;
  for (let k = 0; k < docs.length; k += SLICE) {
    const slice = docs.slice(k, k + SLICE);
    let skipped = new Set<number>();
    try {
      await NotificationModel.collection.insertMany(slice, { ordered: false });
    } catch (err) {
      const failed = failedIndexes(err);
      if (!failed) {
        // Unknown outcome: count what is known stored, then throw (reads that see the truth repair the rest).
        failure = err;
        break;
      }
      skipped = failed.skipped;
      failure ??= failed.other;
    }
    stored.push(...slice.filter((_, i) => !skipped.has(i)));
  }
  const perUser = new Map<string, number>();
  for (const d of stored) {
    perUser.set(String(d.user), (perUser.get(String(d.user)) ?? 0) + 1);
  }
  // Counted once really stored, whether or not anyone listens (as notify() does).
  const unread = await countStoredMany(perUser);
  if (failure) {
    throw failure;
  }
  const views = stored.map((d) => presentNotification(d as Parameters<typeof presentNotification>[0]));
  const publisher = livePublisher();
  if (publisher) {
    stored.forEach((d, i) => publisher.pushNew(String(d.user), views[i]!));
    for (const [user, n] of unread) {
      publisher.pushUnread(user, n);
    }
  }
  return views;
}
