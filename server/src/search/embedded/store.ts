import { exactAttributes, type IndexConfig } from '@kezhuan/search-config';
import type Database from 'better-sqlite3';
import { hanSyllables } from '../text/pinyin';
import { indexTokens } from '../text/segment';
import { suggestionCandidates, textsOf } from '../text/terms';
import type { SearchDocument } from '../types';
import { assertDocument } from '../validate';
import { normalizeText } from '../text/normalize';
import { col, exactKey, ident, type IndexLayout } from './schema';

/** Value stored in a single-valued filter column: numbers for numeric attributes, text otherwise. */
function columnValue(kind: 'keyword' | 'keywords' | 'number', value: unknown): string | number | null {
  if (kind === 'number') {
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  return null;
}

/**
 * Writes of one index: prepared once, used inside the caller's transactions. Replacing a document
 * deletes its old FTS row, side-table rows and suggestion counts, then adds the new ones.
 */
export class IndexStore {
  private readonly find: Database.Statement<[string], { rid: number; json: string }>;
  private readonly insertDoc: Database.Statement;
  private readonly updateDoc: Database.Statement;
  private readonly deleteDoc: Database.Statement<[number]>;
  private readonly insertFts: Database.Statement;
  private readonly deleteFts: Database.Statement<[number]>;
  private readonly insertMulti: Database.Statement<[string, string, number]>;
  private readonly deleteMulti: Database.Statement<[number]>;
  private readonly addSuggest: Database.Statement<[string, string]>;
  private readonly dropSuggest: Database.Statement<[string]>;
  private readonly columns: [string, 'keyword' | 'keywords' | 'number'][];

  constructor(
    private readonly db: Database.Database,
    private readonly config: IndexConfig,
    private readonly l: IndexLayout,
  ) {
    this.columns = [...l.columns];
    const cols = this.columns.map(([a]) => col(a));
    const docs = ident(l.docs);
    this.find = db.prepare(`SELECT rid, json FROM ${docs} WHERE id = ?`);
    this.insertDoc = db.prepare(
      `INSERT INTO ${docs} (id, v, json${cols.map((c) => `, ${c}`).join('')}) VALUES (?, ?, ?${cols.map(() => ', ?').join('')})`,
    );
    this.updateDoc = db.prepare(`UPDATE ${docs} SET v = ?, json = ?${cols.map((c) => `, ${c} = ?`).join('')} WHERE rid = ?`);
    this.deleteDoc = db.prepare(`DELETE FROM ${docs} WHERE rid = ?`);
    const ftsCols = [...l.ftsColumns, 'py'];
    this.insertFts = db.prepare(`INSERT INTO ${ident(l.fts)} (rowid, ${ftsCols.join(', ')}) VALUES (?${ftsCols.map(() => ', ?').join('')})`);
    this.deleteFts = db.prepare(`DELETE FROM ${ident(l.fts)} WHERE rowid = ?`);
    this.insertMulti = db.prepare(`INSERT OR IGNORE INTO ${ident(l.multi)} (attr, value, rid) VALUES (?, ?, ?)`);
    this.deleteMulti = db.prepare(`DELETE FROM ${ident(l.multi)} WHERE rid = ?`);
    this.addSuggest = db.prepare(
      `INSERT INTO ${ident(l.suggest)} (norm, display, freq) VALUES (?, ?, 1) ON CONFLICT (norm) DO UPDATE SET freq = freq + 1`,
    );
    this.dropSuggest = db.prepare(`UPDATE ${ident(l.suggest)} SET freq = freq - 1 WHERE norm = ?`);
  }

  /** Adds or replaces one document. Call inside a transaction. */
  put(doc: SearchDocument): void {
    assertDocument(doc);
    const json = JSON.stringify(doc);
    const values = this.columns.map(([a, kind]) => columnValue(kind, doc[a]));
    const old = this.find.get(doc.id);
    let rid: number;
    if (old) {
      rid = old.rid;
      this.unindex(rid, JSON.parse(old.json) as Record<string, unknown>);
      this.updateDoc.run(doc._v, json, ...values, rid);
    } else {
      rid = Number(this.insertDoc.run(doc.id, doc._v, json, ...values).lastInsertRowid);
    }
    const texts = this.config.searchable.map((a) => indexTokens(textsOf(doc[a.name]).join('\n')).join(' '));
    const sounds = this.config.typoTolerance.homophones.attributes.flatMap((a) => textsOf(doc[a]));
    this.insertFts.run(rid, ...texts, hanSyllables(sounds.join('\n')).join(' '));
    for (const attr of this.l.multiValued) {
      for (const v of new Set(multiValues(doc[attr]))) {
        this.insertMulti.run(attr, v, rid);
      }
    }
    for (const attr of exactAttributes(this.config)) {
      for (const v of new Set(textsOf(doc[attr]).map((t) => normalizeText(t).trim()))) {
        this.insertMulti.run(exactKey(attr), v, rid);
      }
    }
    for (const [norm, display] of suggestionCandidates(doc, this.config.suggest)) {
      this.addSuggest.run(norm, display);
    }
  }

  /** Removes one document by id; false when it was not there. Call inside a transaction. */
  delete(id: string): boolean {
    const old = this.find.get(id);
    if (!old) {
      return false;
    }
    this.unindex(old.rid, JSON.parse(old.json) as Record<string, unknown>);
    this.deleteDoc.run(old.rid);
    return true;
  }

  /** Drops suggestion candidates no document has any more. */
  pruneSuggestions(): void {
    this.db.prepare(`DELETE FROM ${ident(this.l.suggest)} WHERE freq <= 0`).run();
  }

  /** Empties the index (tables stay). */
  clear(): void {
    this.db.exec(`
      DELETE FROM ${ident(this.l.docs)}; DELETE FROM ${ident(this.l.multi)}; DELETE FROM ${ident(this.l.suggest)};
      INSERT INTO ${ident(this.l.fts)} (${ident(this.l.fts)}) VALUES ('delete-all');
    `);
  }

  private unindex(rid: number, old: Record<string, unknown>): void {
    this.deleteFts.run(rid);
    this.deleteMulti.run(rid);
    for (const norm of suggestionCandidates(old, this.config.suggest).keys()) {
      this.dropSuggest.run(norm);
    }
  }
}

function multiValues(value: unknown): string[] {
  const list = Array.isArray(value) ? (value as unknown[]) : [value];
  return list.filter((v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean').map(String);
}
