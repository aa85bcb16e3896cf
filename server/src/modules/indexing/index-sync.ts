import { slowDb } from '../../lib/db';
import type { Lease } from '../../lib/lease';
import type { QuerySpec } from '../../lib/query-spec';
import type { SearchDocument, SearchEngine } from '../../search/types';
import type { IndexedFields, IndexSource } from './index-source';

export interface ReconcileProgress {
  index: string;
  phase: 'scan' | 'write';
  done: number;
  total: number;
}

export interface ReconcileReport {
  index: string;
  checked: number;
  added: number;
  updated: number;
  removed: number;
}

const BATCH = 500;

/** The outbox: records written since they were last pushed to the engine. Index {searchDirty}. */
export function pendingQuery(): QuerySpec {
  return { filter: { searchDirty: true } };
}

/**
 * Keeps the search index consistent with the database, the source of truth.
 *
 * - Every write to an indexed record sets `searchDirty: true` and bumps `searchV` in the same
 *   single-document update (the outbox lives on the document; FerretDB has no transactions).
 * - `flush()` pushes dirty records to the engine, waits until they are searchable, then clears
 *   the flag only where `searchV` is still the version pushed (a write in between stays dirty).
 * - `reconcile()` compares the whole index with the database (id → version) and fixes missing,
 *   stale and orphaned entries: run at start-up and by `npm run reindex`, it repairs a crash
 *   between the database write and the index write.
 * - With a `lease` (several server processes on one database and one Meilisearch), only the
 *   process holding it flushes or reconciles, so no batch is pushed twice; it renews the lease
 *   per batch, and a crashed holder's lease runs out (see lib/lease.ts).
 */
export class IndexSync {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private again = false;

  constructor(
    private readonly engine: SearchEngine,
    private readonly sources: readonly IndexSource[],
    /** Told about a record that cannot be indexed (it stays dirty and is retried next flush). */
    private readonly onRecordError: (err: unknown, index: string, id: string) => void = () => undefined,
    /** Shared with the other processes that push to the same engine. */
    private readonly lease?: Lease,
  ) {}

  /** Takes or renews the lease (true without one). */
  private async hold(): Promise<boolean> {
    return this.lease ? this.lease.acquire() : true;
  }

  /** Pushes every dirty record; returns how many were pushed. Concurrent calls share one run. */
  flush(): Promise<number> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let total = 0;
      if (!(await this.hold().catch(() => false))) {
        this.running = undefined;
        return 0; // another process is pushing
      }
      try {
        do {
          this.again = false;
          for (const source of this.sources) {
            total += await this.flushSource(source);
          }
        } while (this.again);
      } finally {
        await this.lease?.release().catch(() => undefined);
        this.running = undefined;
      }
      return total;
    })();
    return this.running;
  }

  private async flushSource(source: IndexSource): Promise<number> {
    let pushed = 0;
    // Records that could not be pushed stay dirty for the next flush; this one goes on without them.
    const failed: IndexedFields['_id'][] = [];
    for (;;) {
      if (!(await this.hold())) {
        return pushed; // the lease ran out and another process took it over
      }
      const filter = failed.length > 0 ? { ...pendingQuery().filter, _id: { $nin: failed } } : pendingQuery().filter;
      const batch = (await source.model.find(filter).limit(BATCH).lean()) as IndexedFields[];
      if (batch.length === 0) {
        return pushed;
      }
      try {
        await this.push(source, batch);
        pushed += batch.length;
      } catch (err) {
        // Find the record(s) at fault by pushing one at a time.
        for (const r of batch) {
          try {
            await this.push(source, [r]);
            pushed += 1;
          } catch (one) {
            failed.push(r._id);
            this.onRecordError(one, source.index, String(r._id));
          }
        }
        if (batch.every((r) => failed.includes(r._id)) && err instanceof Error && /ECONNREFUSED|timeout/i.test(err.message)) {
          throw err; // the engine itself is down, not a record
        }
      }
      if (batch.length < BATCH) {
        return pushed;
      }
    }
  }

  /** Writes a batch to the engine, then clears the outbox flag of the versions written. */
  private async push(source: IndexSource, records: readonly IndexedFields[]): Promise<void> {
    await this.write(source, records, await source.toDocuments(records));
    await this.clearDirty(source, records);
  }

  /** Upserts the records' documents and removes the records that must not be searchable (engine only). */
  private async write(source: IndexSource, records: readonly IndexedFields[], docs: Map<string, SearchDocument | null>): Promise<void> {
    const upserts: SearchDocument[] = [];
    const removals: string[] = [];
    for (const r of records) {
      const doc = docs.get(String(r._id));
      if (doc) {
        upserts.push(doc);
      } else {
        removals.push(String(r._id));
      }
    }
    if (upserts.length > 0) {
      await this.engine.upsert(source.index, upserts);
    }
    if (removals.length > 0) {
      await this.engine.remove(source.index, removals);
    }
  }

  /** Clears the outbox flag of the records written, where their version is still the one written. */
  private async clearDirty(source: IndexSource, records: readonly IndexedFields[]): Promise<void> {
    // One update per version value, not per record: on FerretDB v1 every filtered write scans the
    // collection, so 500 single-record updates would scan it 500 times (elsewhere it is just fewer round trips).
    const byVersion = new Map<number, IndexedFields['_id'][]>();
    for (const r of records.filter((x) => x.searchDirty)) {
      const ids = byVersion.get(r.searchV) ?? [];
      ids.push(r._id);
      byVersion.set(r.searchV, ids);
    }
    // At most a batch of ids an update: FerretDB v1 compares every document with every id of an `$in`.
    for (const [searchV, ids] of byVersion) {
      for (let i = 0; i < ids.length; i += BATCH) {
        await source.model.updateMany({ _id: { $in: ids.slice(i, i + BATCH) }, searchV }, { $set: { searchDirty: false } });
      }
    }
  }

  /** Flushes shortly after writes, and every `everyMs` in case a trigger was missed. */
  start(everyMs = 2000, onError: (err: unknown) => void = () => undefined): void {
    this.stop();
    this.timer = setInterval(() => {
      this.flush().catch(onError);
    }, everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  /**
   * Compares each index with the database and repairs every difference. With a lease, waits while
   * another process holds it (its reconciliation or flush), then compares again itself.
   */
  async reconcile(onProgress: (p: ReconcileProgress) => void = () => undefined): Promise<ReconcileReport[]> {
    while (!(await this.hold())) {
      await new Promise((r) => setTimeout(r, 500));
    }
    try {
      const reports: ReconcileReport[] = [];
      for (const source of this.sources) {
        reports.push(await this.reconcileSource(source, onProgress));
      }
      return reports;
    } finally {
      await this.lease?.release().catch(() => undefined);
    }
  }

  private async reconcileSource(source: IndexSource, onProgress: (p: ReconcileProgress) => void): Promise<ReconcileReport> {
    await this.engine.ensureIndex(source.index);
    const indexed = await this.engine.versions(source.index);
    // Versions only, in one read: no cursor stays open while we write to the database (FerretDB on
    // SQLite stalls writes behind an open cursor on the same connection).
    const stored = (await source.model.find({}, { _id: 1, searchV: 1, searchDirty: 1 }).lean()) as IndexedFields[];
    const total = stored.length;
    const report: ReconcileReport = { index: source.index, checked: total, added: 0, updated: 0, removed: 0 };
    const suspects = stored.filter((r) => r.searchDirty || indexed.get(String(r._id)) !== r.searchV);
    let done = total - suspects.length;
    onProgress({ index: source.index, phase: 'scan', done, total });
    // Outbox flags are cleared once the read is over (no FerretDB write while its cursor is open).
    const written: IndexedFields[] = [];
    for await (const records of this.recordsOf(source, suspects)) {
      if (!(await this.hold())) {
        throw new Error('the index-sync lease was lost during the reconciliation; the next one repairs the rest');
      }
      const docs = await source.toDocuments(records);
      const toPush = records.filter((r) => {
        const id = String(r._id);
        const doc = docs.get(id);
        const have = indexed.get(id);
        if (!doc) {
          return have !== undefined || r.searchDirty; // must not be in the index
        }
        return have !== doc._v || r.searchDirty;
      });
      for (const r of toPush) {
        const id = String(r._id);
        if (!docs.get(id)) {
          report.removed += indexed.has(id) ? 1 : 0;
        } else if (indexed.has(id)) {
          report.updated += 1;
        } else {
          report.added += 1;
        }
      }
      if (toPush.length > 0) {
        await this.write(source, toPush, docs);
        written.push(...toPush);
      }
      done += records.length;
      onProgress({ index: source.index, phase: 'scan', done, total });
    }
    await this.clearDirty(source, written);
    // Entries whose record is gone from the database.
    const inDb = new Set(stored.map((r) => String(r._id)));
    const gone = [...indexed.keys()].filter((id) => !inDb.has(id));
    if (gone.length > 0) {
      await this.engine.remove(source.index, gone);
      report.removed += gone.length;
    }
    onProgress({ index: source.index, phase: 'write', done: total, total });
    return report;
  }

  /**
   * The whole records of `wanted`, in batches read by `_id` (`$in` on the `_id` index). On FerretDB
   * v1 only, more than a batch are picked out of one pass over the collection instead: it answers
   * every `$in` with a scan of the whole collection (it does not use the `_id` index), so reading
   * 100,000 new records 500 at a time scanned the collection 200 times (tens of seconds each).
   * Measured on 10,000 imported records: 50.6 s that way, 7.9 s with one pass (100,000: 76 s).
   */
  private async *recordsOf(source: IndexSource, wanted: readonly IndexedFields[]): AsyncGenerator<IndexedFields[]> {
    if (wanted.length === 0) {
      return;
    }
    if (wanted.length <= BATCH || !slowDb()) {
      for (let i = 0; i < wanted.length; i += BATCH) {
        yield (await source.model.find({ _id: { $in: wanted.slice(i, i + BATCH).map((r) => r._id) } }).lean()) as IndexedFields[];
      }
      return;
    }
    const ids = new Set(wanted.map((r) => String(r._id)));
    let batch: IndexedFields[] = [];
    for await (const r of source.model.find({}).lean().cursor({ batchSize: BATCH })) {
      if (ids.has(String(r._id))) {
        batch.push(r as IndexedFields);
      }
      if (batch.length === BATCH) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) {
      yield batch;
    }
  }
}
