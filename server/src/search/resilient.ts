import type { IndexName, SearchDocument, SearchEngine, SearchQuery, SearchResult } from './types';
import { SearchQueryError } from './validate';

export interface ResilientOptions {
  /** A query the primary has not answered by then is answered by the fallback (default 1,500 ms). */
  queryTimeoutMs?: number;
  /** After a failure the primary is left alone this long (default 5,000 ms). */
  retryAfterMs?: number;
  /** Writes kept for the primary while it is down, per index, before giving up on replaying them. */
  maxPending?: number;
  /** Told about every primary failure (log it). */
  onPrimaryError?: (error: unknown, operation: string) => void;
}

class PrimaryTimeout extends Error {
  override name = 'PrimaryTimeout';
}

/**
 * Meilisearch first, the embedded engine when it fails. Writes go to both, so the fallback always
 * has the data; queries go to the primary with a short timeout and fall back on error or timeout,
 * and the primary is then left alone for `retryAfterMs`. Writes the primary missed are kept (up to
 * `maxPending` per index) and replayed when it answers again; beyond that the index is reported by
 * `staleIndexes()` and `versions()` makes a reconciliation re-send every document.
 */
export class ResilientSearchEngine implements SearchEngine {
  readonly kind = 'meilisearch' as const;
  private downUntil = 0;
  private readonly pending = new Map<IndexName, Map<string, SearchDocument | null>>();
  private readonly stale = new Set<IndexName>();
  private flushing: Promise<void> | undefined;
  private readonly queryTimeoutMs: number;
  private readonly retryAfterMs: number;
  private readonly maxPending: number;

  constructor(
    readonly primary: SearchEngine,
    readonly fallback: SearchEngine,
    private readonly options: ResilientOptions = {},
  ) {
    this.queryTimeoutMs = options.queryTimeoutMs ?? 1_500;
    this.retryAfterMs = options.retryAfterMs ?? 5_000;
    this.maxPending = options.maxPending ?? 10_000;
  }

  /** False while the primary is considered down. */
  primaryAvailable(): boolean {
    return Date.now() >= this.downUntil;
  }

  /** Indexes whose primary copy missed writes that could not be kept: reconcile them. */
  staleIndexes(): IndexName[] {
    return [...this.stale];
  }

  /** Call after a reconciliation has re-sent every document of the index: reads use the primary again. */
  markReconciled(index: IndexName): void {
    this.stale.delete(index);
  }

  async ensureIndex(index: IndexName): Promise<void> {
    await this.fallback.ensureIndex(index);
    await this.onPrimary('ensureIndex', (p) => p.ensureIndex(index));
  }

  async upsert(index: IndexName, docs: readonly SearchDocument[]): Promise<void> {
    await this.fallback.upsert(index, docs);
    await this.write(index, docs.map((d) => [d.id, d]), (p) => p.upsert(index, docs));
  }

  async remove(index: IndexName, ids: readonly string[]): Promise<void> {
    await this.fallback.remove(index, ids);
    await this.write(index, ids.map((id) => [id, null]), (p) => p.remove(index, ids));
  }

  async clear(index: IndexName): Promise<void> {
    await this.fallback.clear(index);
    this.pending.delete(index);
    if (!(await this.onPrimary('clear', (p) => p.clear(index).then(() => true)))) {
      this.stale.add(index);
    }
  }

  async query(index: IndexName, query: SearchQuery): Promise<SearchResult> {
    const answer = await this.fromPrimary(index, 'query', (p) => p.query(index, query));
    return answer ?? this.fallback.query(index, query);
  }

  async suggest(index: IndexName, prefix: string, limit: number): Promise<string[]> {
    const answer = await this.fromPrimary(index, 'suggest', (p) => p.suggest(index, prefix, limit));
    return answer ?? this.fallback.suggest(index, prefix, limit);
  }

  /**
   * id → `_v` as both engines agree on it: the lower version where both hold a document, -1 where
   * only one does or the primary is stale (so reconciliation re-sends it, or removes it from both).
   */
  async versions(index: IndexName): Promise<Map<string, number>> {
    const local = await this.fallback.versions(index);
    const remote = this.stale.has(index) ? undefined : await this.onPrimary('versions', (p) => p.versions(index));
    if (!remote) {
      return new Map([...local.keys()].map((id) => [id, -1]));
    }
    const merged = new Map<string, number>();
    for (const [id, v] of local) {
      const r = remote.get(id);
      merged.set(id, r === undefined ? -1 : Math.min(v, r));
    }
    for (const id of remote.keys()) {
      if (!local.has(id)) {
        merged.set(id, -1);
      }
    }
    return merged;
  }

  async count(index: IndexName): Promise<number> {
    return (await this.fromPrimary(index, 'count', (p) => p.count(index))) ?? this.fallback.count(index);
  }

  /** True while the fallback works: search keeps answering even with Meilisearch down. */
  healthy(): Promise<boolean> {
    return this.fallback.healthy();
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.flushing]);
    await Promise.all([this.primary.close(), this.fallback.close()]);
  }

  /** Runs an operation on the primary; on failure marks it down and returns undefined. */
  private async onPrimary<T>(operation: string, run: (p: SearchEngine) => Promise<T>, timeoutMs?: number): Promise<T | undefined> {
    if (!this.primaryAvailable()) {
      return undefined;
    }
    let timer: NodeJS.Timeout | undefined;
    try {
      const work = run(this.primary);
      if (timeoutMs === undefined) {
        return await work;
      }
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new PrimaryTimeout(`${operation} took over ${timeoutMs} ms`)), timeoutMs);
      });
      return await Promise.race([work, timeout]);
    } catch (error) {
      if (error instanceof SearchQueryError) {
        throw error; // the caller's mistake, not an outage
      }
      this.downUntil = Date.now() + this.retryAfterMs;
      this.options.onPrimaryError?.(error, operation);
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  /** A read from the primary, unless it is down or still missing writes (then replay them first). */
  private async fromPrimary<T>(index: IndexName, operation: string, run: (p: SearchEngine) => Promise<T>): Promise<T | undefined> {
    if (this.pending.size > 0 && this.primaryAvailable()) {
      this.flushing ??= this.flush().finally(() => (this.flushing = undefined));
    }
    if (this.pending.has(index) || this.stale.has(index)) {
      return undefined;
    }
    return this.onPrimary(operation, run, this.queryTimeoutMs);
  }

  private async write(index: IndexName, changes: [string, SearchDocument | null][], run: (p: SearchEngine) => Promise<void>): Promise<void> {
    // Keep the order of writes: while older ones wait, newer ones wait behind them.
    if (!this.pending.has(index) && (await this.onPrimary('write', (p) => run(p).then(() => true)))) {
      return;
    }
    this.keep(index, changes);
  }

  private keep(index: IndexName, changes: [string, SearchDocument | null][]): void {
    if (this.stale.has(index)) {
      return;
    }
    const queue = this.pending.get(index) ?? new Map<string, SearchDocument | null>();
    for (const [id, doc] of changes) {
      queue.set(id, doc);
    }
    if (queue.size > this.maxPending) {
      this.pending.delete(index);
      this.stale.add(index);
    } else {
      this.pending.set(index, queue);
    }
  }

  /** Replays kept writes to the primary; stops at the first failure (the primary is down again). */
  private async flush(): Promise<void> {
    for (const [index, queue] of [...this.pending]) {
      const snapshot = [...queue];
      const docs = snapshot.map(([, d]) => d).filter((d): d is SearchDocument => d !== null);
      const removed = snapshot.filter(([, d]) => d === null).map(([id]) => id);
      const ok = await this.onPrimary('replay', async (p) => {
        await p.upsert(index, docs);
        await p.remove(index, removed);
        return true;
      });
      if (!ok) {
        return;
      }
      // Writes that arrived during the replay stay queued for the next one.
      for (const [id, doc] of snapshot) {
        if (queue.get(id) === doc) {
          queue.delete(id);
        }
      }
      if (queue.size === 0 && this.pending.get(index) === queue) {
        this.pending.delete(index);
      }
    }
  }
}
