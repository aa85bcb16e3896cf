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
    SessionModel.findOne({ _id: sid, expiresAt: { $gt: new Date() } })
      .lean()
      .then((doc) => cb(null, doc ? (JSON.parse(doc.data) as SessionData) : null))
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

  /** Ends every session of a user (after a password change), except `keepSid`. */
  async destroyUserSessions(userId: string, keepSid?: string): Promise<number> {
    const filter = keepSid ? { userId, _id: { $ne: keepSid } } : { userId };
    const r = await SessionModel.deleteMany(filter);
    return r.deletedCount;
  }
}
