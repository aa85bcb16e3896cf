import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { env, randomSecret, type Env } from './config/env';
import { connectDb } from './lib/db';
import { logger } from './lib/logger';
import { createSearchEngine } from './search';
import { PlatformSearch } from './search/search.service';
import type { SupervisedChild } from './supervisor/child';
import { startEmbeddedDatabase } from './supervisor/ferretdb';
import { findMeiliBinary, startManagedMeili } from './supervisor/meilisearch';

export interface Runtime {
  embeddedDb: boolean;
  /** Data of the FerretDB v1 era waits in DATA_DIR/db and the new database is empty (run `npm run db:migrate-v1`). */
  v1DataWaiting: boolean;
  search: PlatformSearch;
  sessionSecret: string;
  children: SupervisedChild[];
  stop(): Promise<void>;
}

/** The session secret: from SESSION_SECRET, else generated once and kept in the data folder. */
function sessionSecretFor(e: Env): string {
  if (e.SESSION_SECRET) {
    return e.SESSION_SECRET;
  }
  const file = join(e.dataDir, 'session-secret');
  if (existsSync(file)) {
    return readFileSync(file, 'utf8').trim();
  }
  const s = randomSecret(48);
  writeFileSync(file, s + '\n', { mode: 0o600 });
  return s;
}

/** No document in any collection of the connected database (connecting creates empty collections for the indexes). */
async function isEmpty(): Promise<boolean> {
  const db = mongoose.connection.db;
  if (!db) {
    return false;
  }
  for (const c of await db.listCollections({}, { nameOnly: true }).toArray()) {
    if (await db.collection(c.name).findOne({}, { projection: { _id: 1 } })) {
      return false;
    }
  }
  return true;
}

/**
 * Starts what the platform stands on: the database (MONGODB_URI, or the embedded FerretDB) and the
 * search engine (MEILI_HOST, or a Meilisearch binary we manage, or the embedded engine).
 */
export async function startRuntime(): Promise<Runtime> {
  const e = env();
  const log = logger();
  mkdirSync(e.dataDir, { recursive: true });
  const children: SupervisedChild[] = [];
  let stopDb: () => Promise<void> = () => Promise.resolve();
  // The search engine and the database stop side by side; FerretDB before its PostgreSQL.
  const stopChildren = () => Promise.all([...children.map((c) => c.stop()), stopDb()]).then(() => undefined);
  // A managed Meilisearch starts while the database does: each takes a second or more.
  const meiliBin = e.MEILI_HOST ? undefined : findMeiliBinary(e.MEILI_BIN);
  const meiliStarting = meiliBin ? startManagedMeili({ bin: meiliBin, dataDir: e.dataDir, production: e.NODE_ENV === 'production' }) : undefined;
  meiliStarting?.catch(() => undefined); // awaited below; no unhandled rejection meanwhile

  try {
    let uri = e.MONGODB_URI;
    const embeddedDb = !uri;
    let v1Files: string[] = [];
    if (uri) {
      log.info('database: MongoDB at MONGODB_URI');
    } else {
      const db = await startEmbeddedDatabase({ dataDir: e.dataDir, bin: e.FERRETDB_BIN, log: (m) => log.info(m) });
      stopDb = db.stop;
      uri = db.uri;
      log.info(`database: ${db.kind}: ${db.description}, data in ${join(e.dataDir, 'pg')} — MONGODB_URI is not set`);
      v1Files = db.v1Files;
    }
    await connectDb(uri, e.MONGODB_DB);
    const v1DataWaiting = v1Files.length > 0 && (await isEmpty());
    if (v1DataWaiting) {
      log.warn(
        `database: ${join(e.dataDir, 'db')} holds data of the earlier FerretDB v1/SQLite database (${v1Files.length} files) and the new database is empty: ` +
          'stop the server and run `npm run db:migrate-v1` to move that data over (nothing is lost; the old files stay as they are)',
      );
    }

    let meiliHost = e.MEILI_HOST;
    let meiliKey = e.MEILI_MASTER_KEY;
    let reason: string;
    if (e.MEILI_HOST) {
      reason = 'MEILI_HOST is set';
    } else if (meiliBin && meiliStarting) {
      const m = await meiliStarting;
      children.push(m.child);
      meiliHost = m.host;
      meiliKey = m.masterKey;
      reason = `MEILI_HOST is not set; started ${meiliBin} (pid ${m.child.pid})`;
    } else {
      reason = 'MEILI_HOST is not set and no meilisearch binary was found (MEILI_BIN, PATH)';
    }
    let lastWarn = 0;
    const engine = await createSearchEngine({
      meiliHost,
      meiliKey,
      dataDir: e.dataDir,
      indexPrefix: 'kz_',
      onPrimaryError: (err, operation) => {
        // At most one warning a minute while Meilisearch is down.
        if (Date.now() - lastWarn > 60_000) {
          lastWarn = Date.now();
          log.warn({ err, operation }, 'Meilisearch failed; the embedded engine answers until it is back');
        }
      },
    });
    const search = new PlatformSearch(engine, reason);
    log.info(`search: ${engine.kind === 'meilisearch' ? 'Meilisearch (embedded engine as fallback)' : 'embedded engine (SQLite FTS5 + jieba)'} — ${reason}`);

    return {
      embeddedDb,
      v1DataWaiting,
      search,
      sessionSecret: sessionSecretFor(e),
      children,
      async stop() {
        await search.close();
        await mongoose.disconnect().catch(() => undefined);
        await stopChildren();
      },
    };
  } catch (err) {
    await meiliStarting?.then(
      (m) => (children.includes(m.child) ? undefined : children.push(m.child)),
      () => undefined,
    );
    await stopChildren();
    throw err;
  }
}
