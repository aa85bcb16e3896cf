import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { env, randomSecret, type Env } from './config/env';
import { connectDb } from './lib/db';
import { logger } from './lib/logger';
import { createSearchEngine } from './search';
import { PlatformSearch } from './search/search.service';
import type { SupervisedChild } from './supervisor/child';
import { FERRETDB_VERSION, startEmbeddedFerretDb } from './supervisor/ferretdb';
import { findMeiliBinary, startManagedMeili } from './supervisor/meilisearch';

export interface Runtime {
  embeddedDb: boolean;
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

/**
 * Starts what the platform stands on: the database (MONGODB_URI, or the embedded FerretDB) and the
 * search engine (MEILI_HOST, or a Meilisearch binary we manage, or the embedded engine).
 */
export async function startRuntime(): Promise<Runtime> {
  const e = env();
  const log = logger();
  mkdirSync(e.dataDir, { recursive: true });
  const children: SupervisedChild[] = [];
  const stopChildren = () => Promise.all(children.map((c) => c.stop())).then(() => undefined);

  try {
    let uri = e.MONGODB_URI;
    const embeddedDb = !uri;
    if (uri) {
      log.info('database: MongoDB at MONGODB_URI');
    } else {
      const db = await startEmbeddedFerretDb({ dataDir: e.dataDir, bin: e.FERRETDB_BIN });
      children.push(db.child);
      uri = db.uri;
      log.info(`database: embedded FerretDB ${FERRETDB_VERSION} (SQLite) in ${join(e.dataDir, 'db')}, pid ${db.child.pid} — MONGODB_URI is not set`);
    }
    await connectDb(uri, e.MONGODB_DB);

    let meiliHost = e.MEILI_HOST;
    let meiliKey = e.MEILI_MASTER_KEY;
    let reason: string;
    const meiliBin = e.MEILI_HOST ? undefined : findMeiliBinary(e.MEILI_BIN);
    if (e.MEILI_HOST) {
      reason = 'MEILI_HOST is set';
    } else if (meiliBin) {
      const m = await startManagedMeili({ bin: meiliBin, dataDir: e.dataDir, production: e.NODE_ENV === 'production' });
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
    await stopChildren();
    throw err;
  }
}
