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
