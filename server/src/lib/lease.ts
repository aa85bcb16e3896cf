/**
 * A lease in the database, so that of several server processes only one does a job at a time (the
 * index sync: two processes pushing the same dirty batch would index it twice). Whoever holds it
 * renews it while working; a holder that crashed simply stops renewing, and the lease is free for
 * the next taker once `until` has passed.
 *
 * One atomic updateOne (upsert) takes it: it matches the lease document only if it has expired or is
 * ours, and upserts it when it does not exist; when another process holds it, the upsert collides
 * with the existing `_id` (E11000) and the answer is "not yours" (FerretDB 2.7 answers a findAndModify
 * upsert that collides with an InternalError instead of E11000, hence updateOne). No transactions needed (FerretDB 2
 * has none). On FerretDB v1 the update is not atomic across connections; it runs one process there.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Schema, model } from 'mongoose';

const leaseSchema = new Schema(
  {
    _id: { type: String, required: true },
    holder: { type: String, required: true },
    until: { type: Date, required: true },
    /** How many times the lease changed hands (taken by a holder that did not have it). */
    takes: { type: Number, default: 0 },
  },
  { versionKey: false, collection: 'leases' },
);
// Queries: by `_id` only (one document per lease).
export const LeaseModel = model('Lease', leaseSchema);

export class Lease {
  private held = false;

  constructor(
    readonly name: string,
    readonly ttlMs = 30_000,
    readonly holder = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`,
  ) {}

  /** Takes the lease, or renews it when already ours; false while another holder's is valid. */
  async acquire(now = new Date()): Promise<boolean> {
    try {
      const r = await LeaseModel.updateOne(
        { _id: this.name, $or: [{ until: { $lte: now } }, { holder: this.holder }] },
        { $set: { holder: this.holder, until: new Date(now.getTime() + this.ttlMs) }, ...(this.held ? {} : { $inc: { takes: 1 } }) },
        { upsert: true },
      );
      this.held = r.matchedCount + r.upsertedCount === 1;
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) {
        throw err;
      }
      this.held = false;
    }
    return this.held;
  }

  /** Gives the lease back at once (the next taker need not wait for it to expire). */
  async release(): Promise<void> {
    if (this.held) {
      this.held = false;
      await LeaseModel.updateOne({ _id: this.name, holder: this.holder }, { $set: { until: new Date(0) } });
    }
  }

  /** Runs `job` holding the lease, or returns `skipped` without running it when another holds it. */
  async run<T>(job: () => Promise<T>, skipped: T): Promise<T> {
    if (!(await this.acquire())) {
      return skipped;
    }
    try {
      return await job();
    } finally {
      await this.release();
    }
  }
}
