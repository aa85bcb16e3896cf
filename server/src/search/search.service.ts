import { INDEX_NAMES } from '@kezhuan/search-config';
import { EmbeddedSearchEngine } from './embedded/engine';
import { ResilientSearchEngine } from './resilient';
import type { SearchEngine } from './types';

export interface SearchStatus {
  kind: 'meilisearch' | 'embedded';
  reachable: boolean;
  documents: number;
  /** Per index: what a match-all search reports now (the number users see). */
  indexes: Record<string, number>;
  /** Why this engine runs (shown in the start-up log and /api/health). */
  reason: string;
}

/**
 * The platform's search: the engine every service queries, and why it was chosen. Only
 * server/src/search/ knows which engine that is.
 */
export class PlatformSearch {
  constructor(
    readonly engine: SearchEngine,
    readonly reason: string,
  ) {}

  /** An in-memory embedded engine (tests, and apps built without a runtime). */
  static inMemory(reason = 'no search engine configured'): PlatformSearch {
    return new PlatformSearch(new EmbeddedSearchEngine({ file: ':memory:' }), reason);
  }

  /** Which engine answers now, whether it is reachable, and how many documents it holds. */
  async status(): Promise<SearchStatus> {
    const e = this.engine;
    let kind: SearchStatus['kind'] = e.kind;
    let reason = this.reason;
    let reachable = await e.healthy().catch(() => false);
    if (e instanceof ResilientSearchEngine) {
      const primaryUp = e.primaryAvailable() && (await e.primary.healthy().catch(() => false));
      if (!primaryUp) {
        kind = 'embedded';
        reason = `Meilisearch is unreachable: the embedded engine answers (${this.reason})`;
        reachable = await e.fallback.healthy().catch(() => false);
      }
    }
    const indexes: Record<string, number> = {};
    if (reachable) {
      for (const index of INDEX_NAMES) {
        // The same query search answers (expired listings hidden), not the engine's raw count.
        indexes[index] = await e
          .query(index, { q: '', page: 1, pageSize: 1, activeAt: Date.now() })
          .then((r) => r.total)
          .catch(() => 0);
      }
    }
    const documents = Object.values(indexes).reduce((a, b) => a + b, 0);
    return { kind, reachable, documents, indexes, reason };
  }

  close(): Promise<void> {
    return this.engine.close();
  }
}
