import session, { type SessionData } from 'express-session';
import type { QuerySpec } from '../../lib/query-spec';
import { SessionModel } from './session.model';

type Cb = (err?: unknown) => void;

/** The session lookup of every request: one read on the `_id` index, whatever the number of sessions. */
export function sessionLookupQuery(sid: string, now: Date): QuerySpec {
  return { filter: { _id: sid, expiresAt: { $gt: now } } };
}

/** A user's sessions (ended after a password change): index {userId}. */
export function userSessionsQuery(userId: string, keepSid?: string): QuerySpec {
  return { filter: keepSid ? { userId, _id: { $ne: keepSid } } : { userId } };
}

/** Expired sessions (the sweep): index {expiresAt}. */
export function expiredSessionsQuery(now: Date): QuerySpec {
  return { filter: { expiresAt: { $lte: now } } };
}

/** express-session store on Mongoose, without TTL indexes: reads ignore expired rows, a sweep deletes them. */
export class MongooseSessionStore extends session.Store {
  private sweeper: NodeJS.Timeout | undefined;
  /** The expiry last read or written per session, so a touch that would move it by little is skipped. */
  private readonly knownExpiry = new Map<string, number>();
  /** A rolling session's stored expiry is moved on only when it gains at least this much (≤ 1 % of the lifetime, ≤ 5 min). */
  private readonly touchStepMs: number;

  constructor(private readonly defaultTtlMs: number, sweepEveryMs = 10 * 60_000) {
    super();
    this.touchStepMs = Math.min(defaultTtlMs / 100, 5 * 60_000);
    if (sweepEveryMs > 0) {
      this.sweeper = setInterval(() => void this.sweep().catch(() => undefined), sweepEveryMs);
      this.sweeper.unref();
    }
  }

  /** Deletes expired sessions; returns how many. */
  async sweep(now = new Date()): Promise<number> {
    const r = await SessionModel.deleteMany(expiredSessionsQuery(now).filter);
    return r.deletedCount;
  }

  close(): void {
    if (this.sweeper) {
      clearInterval(this.sweeper);
    }
  }

  private expiry(sess: SessionData): Date {
    const exp = sess.cookie.expires;
    return exp ? new Date(exp) : new Date(Date.now() + this.defaultTtlMs);
  }

  override get(sid: string, cb: (err: unknown, session?: SessionData | null) => void): void {
    // A read by _id (and expiry): its cost does not grow with the number of sessions.
    SessionModel.findOne(sessionLookupQuery(sid, new Date()).filter)
      .lean()
      .then((doc) => {
        if (doc && doc.expiresAt > new Date()) {
          this.remember(sid, doc.expiresAt);
          cb(null, JSON.parse(doc.data) as SessionData);
        } else {
          cb(null, null);
        }
      })
      .catch((err: unknown) => cb(err));
  }

  override set(sid: string, sess: SessionData, cb?: Cb): void {
    const userId = (sess as { passport?: { user?: string } }).passport?.user ?? null;
    const expiresAt = this.expiry(sess);
    SessionModel.updateOne({ _id: sid }, { $set: { data: JSON.stringify(sess), userId, expiresAt } }, { upsert: true })
      .then(() => {
        this.remember(sid, expiresAt);
        cb?.();
      })
      .catch((err: unknown) => cb?.(err));
  }

  /**
   * Moves a rolling session's expiry on. Every request of a signed-in user touches it: the write is
   * skipped while the stored expiry is within touchStepMs of the new one (a session ends at most
   * that much earlier than its cookie says), which spares a database write on nearly every request.
   */
  override touch(sid: string, sess: SessionData, cb?: Cb): void {
    const expiresAt = this.expiry(sess);
    const known = this.knownExpiry.get(sid);
    if (known !== undefined && expiresAt.getTime() - known < this.touchStepMs) {
      cb?.();
      return;
    }
    SessionModel.updateOne({ _id: sid }, { $set: { expiresAt } })
      .then(() => {
        this.remember(sid, expiresAt);
        cb?.();
      })
      .catch((err: unknown) => cb?.(err));
  }

  private remember(sid: string, expiresAt: Date): void {
    if (this.knownExpiry.size >= 100_000) {
      this.knownExpiry.clear(); // bounded: a forgotten session only costs its next touch a write
    }
    this.knownExpiry.set(sid, expiresAt.getTime());
  }

  override destroy(sid: string, cb?: Cb): void {
    this.knownExpiry.delete(sid);
    SessionModel.deleteOne({ _id: sid })
      .then(() => cb?.())
      .catch((err: unknown) => cb?.(err));
  }

  /** Keeps a user's `keep` most recently used sessions and ends the rest; returns the ended ids. */
  async trimUserSessions(userId: string, keep: number): Promise<string[]> {
    const stale = await SessionModel.find({ userId }, { _id: 1 }).sort({ expiresAt: -1 }).skip(keep).lean();
    const ids = stale.map((d) => d._id);
    if (ids.length > 0) {
      await SessionModel.deleteMany({ _id: { $in: ids } });
    }
    return ids;
  }

  /** Ends every session of a user (after a password change), except `keepSid`. */
  async destroyUserSessions(userId: string, keepSid?: string): Promise<number> {
    const r = await SessionModel.deleteMany(userSessionsQuery(userId, keepSid).filter);
    return r.deletedCount;
  }
}
