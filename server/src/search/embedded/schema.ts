import { createHash } from 'node:crypto';
import { exactAttributes, type FilterKind, type IndexConfig } from '@kezhuan/search-config';
import type Database from 'better-sqlite3';

/**
 * SQLite layout of one index of the embedded engine:
 * - `<ix>_docs`: one row per document (id, `_v`, JSON), plus a column per single-valued filter or
 *   sort attribute (`f_<name>`, indexed);
 * - `<ix>_multi`: (attr, value, rid) for multi-valued filter attributes (transferModes …), and under
 *   `=<attr>` the whole normalised values of the short text attributes (a title, each keyword), for
 *   the exact-match boost;
 * - `<ix>_fts`: contentless FTS5, one column per searchable attribute (c0, c1 … in config order)
 *   holding jieba tokens separated by spaces, and `py`, the pinyin used for homophone typos;
 * - `<ix>_vocab`: the FTS vocabulary (typo candidates, and whether a query word exists at all);
 * - `<ix>_suggest`: completion candidates with their document frequency.
 */

/** 2: tokens without jieba's HMM (the stored tokens changed). */
const SCHEMA_VERSION = 2;
const NAME = /^[A-Za-z][A-Za-z0-9]*$/;

export interface IndexLayout {
  docs: string;
  multi: string;
  fts: string;
  vocab: string;
  suggest: string;
  /** FTS column of each searchable attribute, in config order. */
  ftsColumns: string[];
  /** Single-valued filter/sort attributes stored as columns: attribute → its kind. */
  columns: Map<string, FilterKind>;
  /** Multi-valued filter attributes kept in the side table. */
  multiValued: Set<string>;
  /** Changes when anything that shapes the stored rows changes (then the index is rebuilt). */
  hash: string;
}

/** Quotes an identifier (names are checked against NAME first, so this is belt and braces). */
export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Column of a single-valued filter or sort attribute. */
export const col = (attr: string) => ident(`f_${attr}`);

/** The table and column names of an index, derived from its config. */
export function layoutOf(config: IndexConfig): IndexLayout {
  const names = [config.name, ...config.searchable.map((a) => a.name), ...config.filterable.map((a) => a.name), ...config.sortable];
  for (const n of names) {
    if (!NAME.test(n)) {
      throw new Error(`search-config: "${n}" is not a plain attribute name`);
    }
  }
  const columns = new Map<string, FilterKind>();
  const multiValued = new Set<string>();
  for (const a of config.filterable) {
    if (a.kind === 'keywords') {
      multiValued.add(a.name);
    } else {
      columns.set(a.name, a.kind);
    }
  }
  for (const s of config.sortable) {
    if (!columns.has(s)) {
      columns.set(s, 'number');
    }
  }
  const shape = {
    v: SCHEMA_VERSION,
    searchable: config.searchable.map((a) => a.name),
    filterable: config.filterable,
    sortable: config.sortable,
    homophones: config.typoTolerance.homophones.attributes,
    exact: exactAttributes(config),
    // Synonym terms are jieba dictionary words and stop words are not stored: both change tokens.
    synonyms: config.synonyms,
    stopWords: config.stopWords,
  };
  const ix = config.name;
  return {
    docs: `${ix}_docs`,
    multi: `${ix}_multi`,
    fts: `${ix}_fts`,
    vocab: `${ix}_vocab`,
    suggest: `${ix}_suggest`,
    ftsColumns: config.searchable.map((_, i) => `c${i}`),
    columns,
    multiValued,
    hash: createHash('sha256').update(JSON.stringify(shape)).digest('hex').slice(0, 16),
  };
}

/** The side-table key of an attribute's whole values (never a filter attribute's name). */
export const exactKey = (attr: string) => `=${attr}`;

/** Creates the engine's meta table (index name → layout hash). */
export function createMeta(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS kz_search_meta (ix TEXT PRIMARY KEY, hash TEXT NOT NULL)');
}

/** The layout hash an index was built with, or undefined when it does not exist. */
export function storedHash(db: Database.Database, index: string): string | undefined {
  const row = db.prepare('SELECT hash FROM kz_search_meta WHERE ix = ?').get(index) as { hash: string } | undefined;
  return row?.hash;
}

/** Creates the tables of an index (no-op when they exist) and records its hash. */
export function createIndexTables(db: Database.Database, index: string, l: IndexLayout): void {
  const filterCols = [...l.columns.keys()].map((a) => `, ${col(a)}`).join('');
  db.exec(`
    CREATE TABLE IF NOT EXISTS ${ident(l.docs)} (
      rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, v INTEGER NOT NULL, json TEXT NOT NULL${filterCols});
    CREATE TABLE IF NOT EXISTS ${ident(l.multi)} (
      attr TEXT NOT NULL, value TEXT NOT NULL, rid INTEGER NOT NULL, PRIMARY KEY (attr, value, rid)) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS ${ident(`${l.multi}_rid`)} ON ${ident(l.multi)} (rid);
    CREATE TABLE IF NOT EXISTS ${ident(l.suggest)} (
      norm TEXT PRIMARY KEY, display TEXT NOT NULL, freq INTEGER NOT NULL) WITHOUT ROWID;
    CREATE VIRTUAL TABLE IF NOT EXISTS ${ident(l.fts)} USING fts5(
      ${[...l.ftsColumns, 'py'].join(', ')}, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
    CREATE VIRTUAL TABLE IF NOT EXISTS ${ident(l.vocab)} USING fts5vocab(${ident(l.fts)}, 'col');
  `);
  for (const a of l.columns.keys()) {
    db.exec(`CREATE INDEX IF NOT EXISTS ${ident(`${l.docs}_${a}`)} ON ${ident(l.docs)} (${col(a)})`);
  }
  db.prepare('INSERT INTO kz_search_meta (ix, hash) VALUES (?, ?) ON CONFLICT (ix) DO UPDATE SET hash = excluded.hash').run(index, l.hash);
}

/** Drops the tables of an index (before a rebuild with a new layout). */
export function dropIndexTables(db: Database.Database, l: IndexLayout): void {
  db.exec(`
    DROP TABLE IF EXISTS ${ident(l.vocab)}; DROP TABLE IF EXISTS ${ident(l.fts)};
    DROP TABLE IF EXISTS ${ident(l.suggest)}; DROP TABLE IF EXISTS ${ident(l.multi)}; DROP TABLE IF EXISTS ${ident(l.docs)};
  `);
}
