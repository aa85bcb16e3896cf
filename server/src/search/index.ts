import { join } from 'node:path';
import { INDEX_NAMES } from '@kezhuan/search-config';
import { EmbeddedSearchEngine } from './embedded/engine';
import { MeiliSearchEngine } from './meili/engine';
import { ResilientSearchEngine, type ResilientOptions } from './resilient';
import type { SearchEngine } from './types';

export type * from './types';
export { EmbeddedSearchEngine } from './embedded/engine';
export { MeiliSearchEngine } from './meili/engine';
export { ResilientSearchEngine } from './resilient';
export { SearchQueryError } from './validate';

export interface SearchEngineOptions {
  /** Meilisearch URL; without it the embedded engine runs alone. */
  meiliHost?: string;
  meiliKey?: string;
  /** The platform's data folder: the embedded index lives in `<dataDir>/search/embedded.sqlite`. */
  dataDir: string;
  /** Meilisearch index name prefix (`kz_` in production). */
  indexPrefix: string;
  /** Told when Meilisearch fails and the embedded engine answers instead. */
  onPrimaryError?: ResilientOptions['onPrimaryError'];
}

/** Where the embedded engine keeps its index under the data folder. */
export function embeddedIndexFile(dataDir: string): string {
  return join(dataDir, 'search', 'embedded.sqlite');
}

/**
 * The platform's search engine: Meilisearch with the embedded engine as its always-fed fallback
 * when a host is given, the embedded engine alone otherwise. Both indexes are ensured (created,
 * settings applied) before it resolves; a Meilisearch that is down does not stop start-up.
 */
export async function createSearchEngine(options: SearchEngineOptions): Promise<SearchEngine> {
  const embedded = new EmbeddedSearchEngine({ file: embeddedIndexFile(options.dataDir) });
  const engine: SearchEngine = options.meiliHost
    ? new ResilientSearchEngine(
        new MeiliSearchEngine({ host: options.meiliHost, apiKey: options.meiliKey, indexPrefix: options.indexPrefix }),
        embedded,
        { onPrimaryError: options.onPrimaryError },
      )
    : embedded;
  for (const index of INDEX_NAMES) {
    await engine.ensureIndex(index);
  }
  return engine;
}
