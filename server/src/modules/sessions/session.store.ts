import session, { type SessionData } from 'express-session';
import { SessionModel } from './session.model';

type Cb = (err?: unknown) => void;

/** express-session store on Mongoose, without TTL indexes: reads ignore expired rows, a sweep deletes them. */
export class MongooseSessionStore extends session.Store {
  private sweeper: NodeJS.Timeout | undefined;

  constructor(private readonly defaultTtlMs: number, sweepEveryMs = 10 * 60_000) {
    super();
    if (sweepEveryMs > 0) {
      this.sweeper = setInterval(() => void this.sweep().catch(() => undefined), sweepEveryMs);
      this.sweeper.unref();
    }
  }

  /** Deletes expired sessions; returns how many. */
  async sweep(now = new Date()): Promise<number> {
    const r = await SessionModel.deleteMany({ expiresAt: { $lte: now } });
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
    // A read by _id alone (expiry checked here): its cost does not grow with the number of sessions.
    SessionModel.findById(sid)
      .lean()
      .then((doc) => cb(null, doc && doc.expiresAt > new Date() ? (JSON.parse(doc.data) as SessionData) : null))
      .catch((err: unknown) => cb(err));
  }

  override set(sid: string, sess: SessionData, cb?: Cb): void {
    const userId = (sess as { passport?: { user?: string } }).passport?.user ?? null;
    SessionModel.updateOne(
      { _id: sid },
      { $set: { data: JSON.stringify(sess), userId, expiresAt: this.expiry(sess) } },
      { upsert: true },
    )
      .then(() => cb?.())
      .catch((err: unknown) => cb?.(err));
  }

  override touch(sid: string, sess: SessionData, cb?: Cb): void {
    SessionModel.updateOne({ _id: sid }, { $set: { expiresAt: this.expiry(sess) } })
      .then(() => cb?.())
      .catch((err: unknown) => cb?.(err));
  }

  override destroy(sid: string, cb?: Cb): void {
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
    const filter = keepSid ? { userId, _id: { $ne: keepSid } } : { userId };
    const r = await SessionModel.deleteMany(filter);
    return r.deletedCount;
  }
}
