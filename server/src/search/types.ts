/**
 * The search contract. Services talk to a `SearchEngine`; only server/src/search/ knows which one
 * runs (Meilisearch through the official client, or the embedded in-process engine). Both read their
 * settings from search-config/ and answer in exactly these shapes.
 */

import type { IndexName } from '@kezhuan/search-config';

/** Indexes the platform keeps ('results' | 'needs'). Settings for each live in search-config/. */
export type { IndexName };

/**
 * A document as indexed: flat fields named in search-config. `id` is the MongoDB id as a string;
 * `_v` is the source document's search version, used to find stale entries when reconciling.
 */
export interface SearchDocument {
  id: string;
  _v: number;
  [field: string]: unknown;
}

/** A filter value: one value, any of several values, or a numeric range (inclusive bounds). */
export type FilterValue = string | number | boolean | readonly (string | number)[] | { min?: number; max?: number };

export interface SearchQuery {
  /** Free text (Chinese, English or mixed); empty string lists everything that passes the filters. */
  q: string;
  /** Only attributes listed as filterable in search-config. Several filters are ANDed. */
  filters?: Record<string, FilterValue>;
  /** Facets to count (filterable attributes); counts respect the filters and the text. */
  facets?: readonly string[];
  /** Null or absent: relevance. Otherwise a sortable attribute from search-config. */
  sort?: { field: string; order: 'asc' | 'desc' } | null;
  /** 1-based. */
  page: number;
  pageSize: number;
  /**
   * Epoch ms: hide documents whose `expiresAt` is before this instant (listings that expired since
   * the last sweep). Documents without `expiresAt` never expire. Absent: no expiry check.
   */
  activeAt?: number;
}

/** The attribute `activeAt` compares with (filterable, numeric, in every index that expires). */
export const EXPIRES_AT = 'expiresAt';

export interface SearchHit {
  id: string;
  /** The stored document fields (displayed attributes). */
  doc: Record<string, unknown>;
  /** Field → text with matched terms wrapped in <mark>…</mark> (HTML-escaped otherwise). */
  highlights: Record<string, string>;
  /** Terms of the query that matched this hit (for explanations). */
  matchedTerms: string[];
}

export interface SearchResult {
  hits: SearchHit[];
  total: number;
  page: number;
  pageSize: number;
  /** facet → value → count */
  facets: Record<string, Record<string, number>>;
  engine: 'meilisearch' | 'embedded';
  tookMs: number;
  /**
   * The query's terms as the engine understood them (after segmentation and stop words): a hit
   * whose `matchedTerms` lacks one of them is a partial match.
   */
  terms: string[];
}

export interface SearchEngine {
  readonly kind: 'meilisearch' | 'embedded';
  /** Creates the index if needed and applies its search-config settings; idempotent, awaits completion. */
  ensureIndex(index: IndexName): Promise<void>;
  /** Adds or replaces documents; resolves when they are searchable. */
  upsert(index: IndexName, docs: readonly SearchDocument[]): Promise<void>;
  remove(index: IndexName, ids: readonly string[]): Promise<void>;
  query(index: IndexName, query: SearchQuery): Promise<SearchResult>;
  /** Search-as-you-type completions for a prefix (titles and keywords). */
  suggest(index: IndexName, prefix: string, limit: number): Promise<string[]>;
  /** id → `_v` of every indexed document (for reconciliation with the database). */
  versions(index: IndexName): Promise<Map<string, number>>;
  count(index: IndexName): Promise<number>;
  /** Deletes every document of the index (keeps settings). */
  clear(index: IndexName): Promise<void>;
  healthy(): Promise<boolean>;
  close(): Promise<void>;
}
