import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { SEARCH_CONFIG, type IndexConfig } from '@kezhuan/search-config';
import Database from 'better-sqlite3';
import { normalizeText } from '../text/normalize';
import { SynonymIndex } from '../text/query-plan';
import type { IndexName, SearchDocument, SearchEngine, SearchQuery, SearchResult } from '../types';
import { createIndexTables, createMeta, dropIndexTables, ident, layoutOf, storedHash, type IndexLayout } from './schema';
import { IndexSearcher } from './searcher';
import { IndexStore } from './store';

export interface EmbeddedOptions {
  /** SQLite file (its folder is created), or ':memory:' for tests. */
  file: string;
  /** Index settings; the platform's search-config by default. */
  config?: Readonly<Record<IndexName, IndexConfig>>;
  /** Documents written per transaction before yielding to the event loop. */
  chunkSize?: number;
}

interface OpenIndex {
  layout: IndexLayout;
  store: IndexStore;
  searcher: IndexSearcher;
  suggest: Database.Statement<[string, string, number], string>;
}

/**
 * The in-process engine: SQLite FTS5 over jieba tokens (better-sqlite3, WAL), persistent in one
 * file. Everything is synchronous inside; bulk writes are cut into transactions of `chunkSize`
 * documents with a turn of the event loop between them.
 */
export class EmbeddedSearchEngine implements SearchEngine {
  readonly kind = 'embedded' as const;
  private readonly db: Database.Database;
  private readonly config: Readonly<Record<IndexName, IndexConfig>>;
  private readonly chunkSize: number;
  private readonly open = new Map<IndexName, OpenIndex>();
  private readonly synonyms = new Map<IndexConfig, SynonymIndex>();

  constructor(options: EmbeddedOptions) {
    if (options.file !== ':memory:') {
      mkdirSync(dirname(options.file), { recursive: true });
    }
    this.db = new Database(options.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('temp_store = MEMORY');
    this.db.pragma('cache_size = -32000');
    createMeta(this.db);
    this.config = options.config ?? SEARCH_CONFIG;
    // 100 documents take about 40 ms to segment and write: short enough not to stall requests.
    this.chunkSize = options.chunkSize ?? 100;
  }

  /** Creates the index tables, or rebuilds them from the stored documents when the config changed. */
  async ensureIndex(index: IndexName): Promise<void> {
    const config = this.config[index];
    const layout = layoutOf(config);
    const hash = storedHash(this.db, index);
    if (hash === undefined || hash === layout.hash) {
      this.index(index);
      return;
    }
    // The layout changed (new attribute, new vocabulary): re-index every stored document.
    const oldDocs = this.db.prepare(`SELECT json FROM ${ident(`${index}_docs`)}`).pluck().all() as string[];
    this.open.delete(index);
    this.db.transaction(() => {
      dropIndexTables(this.db, layout);
      createIndexTables(this.db, index, layout);
    })();
    await this.upsert(index, oldDocs.map((j) => JSON.parse(j) as SearchDocument));
  }

  async upsert(index: IndexName, docs: readonly SearchDocument[]): Promise<void> {
    const { store } = this.index(index);
    const write = this.db.transaction((chunk: readonly SearchDocument[]) => chunk.forEach((d) => store.put(d)));
    for (let i = 0; i < docs.length; i += this.chunkSize) {
      if (i > 0) {
        await yieldToEventLoop();
      }
      write(docs.slice(i, i + this.chunkSize));
    }
  }

  async remove(index: IndexName, ids: readonly string[]): Promise<void> {
    const { store } = this.index(index);
    const write = this.db.transaction((chunk: readonly string[]) => {
      chunk.forEach((id) => store.delete(id));
      store.pruneSuggestions();
    });
    for (let i = 0; i < ids.length; i += this.chunkSize) {
      if (i > 0) {
        await yieldToEventLoop();
      }
      write(ids.slice(i, i + this.chunkSize));
    }
  }

  async query(index: IndexName, query: SearchQuery): Promise<SearchResult> {
    const started = performance.now();
    const result = this.index(index).searcher.search(query);
    return { ...result, engine: this.kind, tookMs: Math.round((performance.now() - started) * 10) / 10 };
  }

  /** Completions starting with the prefix (titles, title words, keywords), most frequent first. */
  async suggest(index: IndexName, prefix: string, limit: number): Promise<string[]> {
    const norm = normalizeText(prefix).trim();
    if (!norm || limit < 1) {
      return [];
    }
    return this.index(index).suggest.all(norm, norm + '\u{10FFFF}', Math.min(limit, 100));
  }

  async versions(index: IndexName): Promise<Map<string, number>> {
    const { layout } = this.index(index);
    const rows = this.db.prepare(`SELECT id, v FROM ${ident(layout.docs)}`).raw().all() as [string, number][];
    return new Map(rows);
  }

  async count(index: IndexName): Promise<number> {
    const { layout } = this.index(index);
    return this.db.prepare(`SELECT count(*) FROM ${ident(layout.docs)}`).pluck().get() as number;
  }

  async clear(index: IndexName): Promise<void> {
    const { store } = this.index(index);
    this.db.transaction(() => store.clear())();
  }

  async healthy(): Promise<boolean> {
    try {
      return this.db.open && this.db.prepare('SELECT 1').pluck().get() === 1;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.db.open) {
      this.db.close();
    }
  }

  /** The open index, creating its tables on first use. */
  private index(index: IndexName): OpenIndex {
    let open = this.open.get(index);
    if (!open) {
      const config = this.config[index];
      if (!config) {
        throw new Error(`unknown search index ${String(index)}`);
      }
      const layout = layoutOf(config);
      const hash = storedHash(this.db, index);
      if (hash === undefined) {
        createIndexTables(this.db, index, layout);
      } else if (hash !== layout.hash) {
        throw new Error(`search index ${index} was built with other settings: call ensureIndex() first`);
      }
      let synonyms = this.synonyms.get(config);
      if (!synonyms) {
        synonyms = new SynonymIndex(config.synonyms);
        this.synonyms.set(config, synonyms);
      }
      open = {
        layout,
        store: new IndexStore(this.db, config, layout),
        searcher: new IndexSearcher(this.db, config, layout, synonyms),
        suggest: this.db
          .prepare<[string, string, number], string>(
            `SELECT display FROM ${ident(layout.suggest)} WHERE norm >= ? AND norm < ? AND freq > 0
             ORDER BY freq DESC, length(norm), norm LIMIT ?`,
          )
          .pluck(),
      };
      this.open.set(index, open);
    }
    return open;
  }
}
