import type { Types } from 'mongoose';
import { LIMITS } from '@kezhuan/shared';
import type { QuerySpec } from '../../lib/query-spec';
import { LoginAttemptModel } from './login-attempt.model';

const WINDOW_MS = 60 * 60 * 1000;

/** Attempts on one key since `since` (counted on every login): index {key, at}. */
export function attemptsQuery(key: string, since: Date): QuerySpec {
  return { filter: { key, at: { $gt: since } } };
}

/** Attempts older than the window (the sweep): index {at}. */
export function oldAttemptsQuery(now: Date): QuerySpec {
  return { filter: { at: { $lte: new Date(now.getTime() - WINDOW_MS) } } };
}

export interface Reservation {
  allowed: boolean;
  ids: Types.ObjectId[];
}

/**
 * Reserves one attempt on every key; allowed only if, counting this one, no key has more than the
 * hourly limit. Attempts inserted first are counted first, so at most `limit` passwords per key and
 * hour are ever checked.
 */
export async function reserveAttempt(keys: string[], limit: number = LIMITS.loginFailuresPerHour): Promise<Reservation> {
  const now = new Date();
  const docs = await LoginAttemptModel.insertMany(keys.map((key) => ({ key, at: now })));
  const since = new Date(now.getTime() - WINDOW_MS);
  const counts = await Promise.all(keys.map((key) => LoginAttemptModel.countDocuments(attemptsQuery(key, since).filter)));
  return { allowed: counts.every((c) => c <= limit), ids: docs.map((d) => d._id) };
}

/**
 * A successful login does not count against its keys, and neither does an attempt refused while
 * locked: otherwise a trickle of refused attempts would keep an account locked for ever.
 */
export async function releaseAttempt(r: Reservation): Promise<void> {
  await LoginAttemptModel.deleteMany({ _id: { $in: r.ids } });
}

/** Deletes attempts older than the window (run periodically; there are no TTL indexes on FerretDB). */
export async function sweepAttempts(now = new Date()): Promise<number> {
  const r = await LoginAttemptModel.deleteMany(oldAttemptsQuery(now).filter);
  return r.deletedCount;
}

/** Ends an account's lock (administrator's unlock, password reset): forgets its failed attempts. */
export async function clearAccountAttempts(userId: string): Promise<number> {
  const r = await LoginAttemptModel.deleteMany({ key: `acct:${userId}` });
  return r.deletedCount;
}

export interface Slot {
  allowed: boolean;
  /** Seconds until a refused request would be allowed (0 when allowed). */
  retryAfterSeconds: number;
  ids: Types.ObjectId[];
}

/**
 * Takes one slot on `key` in a sliding hour: refused when the hour already holds `limit` slots or
 * the last one is younger than `minGapMs`. A refused request takes nothing, so retrying early does
 * not extend the wait. Used for registration codes (per email, per address) and session creation.
 */
export async function reserveSlot(key: string, limit: number, minGapMs = 0): Promise<Slot> {
  const now = new Date();
  const mine = await LoginAttemptModel.create({ key, at: now });
  const since = new Date(now.getTime() - WINDOW_MS);
  const [count, oldest, previous] = await Promise.all([
    LoginAttemptModel.countDocuments(attemptsQuery(key, since).filter),
    LoginAttemptModel.findOne(attemptsQuery(key, since).filter, { at: 1 }).sort({ at: 1 }).lean(),
    minGapMs > 0 ? LoginAttemptModel.findOne({ key, at: { $gt: since, $lte: now }, _id: { $ne: mine._id } }, { at: 1 }).sort({ at: -1 }).lean() : null,
  ]);
  const windowWait = count > limit && oldest ? oldest.at.getTime() + WINDOW_MS - now.getTime() : 0;
  const gapWait = previous ? previous.at.getTime() + minGapMs - now.getTime() : 0;
  const wait = Math.max(windowWait, gapWait);
  if (wait > 0) {
    await LoginAttemptModel.deleteOne({ _id: mine._id });
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)), ids: [] };
  }
  return { allowed: true, retryAfterSeconds: 0, ids: [mine._id] };
}

/** Gives a slot back (the request it was taken for failed). */
export async function releaseSlot(slot: Slot): Promise<void> {
  if (slot.ids.length > 0) {
    await LoginAttemptModel.deleteMany({ _id: { $in: slot.ids } });
  }
}
