import { Meilisearch } from 'meilisearch';

export interface SearchStatus {
  kind: 'meilisearch' | 'embedded';
  reachable: boolean;
  documents: number;
  /** Why this engine runs (shown in the start-up log and /api/health). */
  reason: string;
}

/**
 * The platform's search service. Only `server/src/search/` knows which engine runs; the marketplace
 * (listings, facets, suggestions) is added on top of this by the search issue.
 */
export interface SearchService {
  readonly kind: SearchStatus['kind'];
  readonly reason: string;
  status(): Promise<SearchStatus>;
  close(): Promise<void>;
}

/** Meilisearch through the official client. */
export class MeiliSearchService implements SearchService {
  readonly kind = 'meilisearch' as const;
  readonly client: Meilisearch;

  constructor(host: string, apiKey: string | undefined, readonly reason: string) {
    this.client = new Meilisearch({ host, ...(apiKey ? { apiKey } : {}) });
  }

  async status(): Promise<SearchStatus> {
    try {
      await this.client.health();
      const stats = await this.client.getStats();
      const documents = Object.values(stats.indexes).reduce((n, i) => n + i.numberOfDocuments, 0);
      return { kind: this.kind, reachable: true, documents, reason: this.reason };
    } catch {
      return { kind: this.kind, reachable: false, documents: 0, reason: this.reason };
    }
  }

  async close(): Promise<void> {
    // The client holds no connections of its own.
  }
}

/** The in-process engine; it holds no listings until the marketplace indexes them. */
export class EmbeddedSearchService implements SearchService {
  readonly kind = 'embedded' as const;
  private documents = 0;

  constructor(readonly reason: string) {}

  status(): Promise<SearchStatus> {
    return Promise.resolve({ kind: this.kind, reachable: true, documents: this.documents, reason: this.reason });
  }

  async close(): Promise<void> {
    // Nothing to release yet.
  }
}
