/**
 * Periodic background work that must not take over the database: a job that took `d` ms runs
 * again after at least `d / maxShare` ms (and never more often than every `minMs`). On FerretDB a
 * scan of 100,000 listings takes ~23 s: every 15 s it would hold the platform's one database
 * connection all the time; with a 5 % share it runs every ~8 minutes, and every 15 s while the
 * collections are small. Used on FerretDB v1 only (workers.ts): on FerretDB 2 and MongoDB those
 * scans are indexed reads of the pending set and run every tick.
 */
export class DutyCycle {
  private last = Number.NEGATIVE_INFINITY;
  private periodMs: number;

  constructor(
    private readonly minMs: number,
    private readonly maxShare = 0.05,
  ) {
    this.periodMs = minMs;
  }

  /** The current period between runs. */
  get period(): number {
    return this.periodMs;
  }

  /** Whether the job is due at `now`. */
  due(now = Date.now()): boolean {
    return now - this.last >= this.periodMs;
  }

  /** Runs the job, timing it to set the next period; the run counts from its start. */
  async run<T>(job: () => Promise<T>, clock: () => number = Date.now): Promise<T> {
    const start = clock();
    this.last = start;
    try {
      return await job();
    } finally {
      this.periodMs = Math.max(this.minMs, (clock() - start) / this.maxShare);
    }
  }
}
