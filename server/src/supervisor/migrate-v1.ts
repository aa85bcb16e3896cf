/**
 * Moves a data folder of the FerretDB v1 era (SQLite files in `DATA_DIR/db`, one per database)
 * into the current database: every database, every collection, every index; then the counts are
 * compared. The old files are read, never changed or deleted.
 *
 * It starts the old FerretDB v1.24.2 (server/ferretdb-v1, built on demand) on those files, and the
 * new default database (or uses MONGODB_URI), and copies with the MongoDB driver.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import mongoose from 'mongoose';
import { freePort, spawnSupervised, waitReady } from './child';
import { v1DataFiles } from './postgres';

const { MongoClient } = mongoose.mongo;
type Client = InstanceType<typeof MongoClient>;

const ROOT = resolve(import.meta.dirname, '../../..');
export const DEFAULT_V1_BIN = join(ROOT, 'server/ferretdb-v1/bin/kezhuan-ferretdb-v1');
const SYSTEM_DBS = new Set(['admin', 'config', 'local']);
/** Index options worth keeping; the rest (v, ns, background …) are the server's own. */
const INDEX_OPTIONS = ['unique', 'sparse', 'expireAfterSeconds', 'partialFilterExpression', 'collation'] as const;

export interface CollectionReport {
  db: string;
  collection: string;
  source: number;
  target: number;
  indexes: string[];
}

export class MigrationError extends Error {}

function canConnect(port: number): Promise<boolean> {
  return new Promise((res) => {
    const s = connect({ host: '127.0.0.1', port }, () => {
      s.end();
      res(true);
    });
    s.on('error', () => res(false));
  });
}

/** Builds (when its source changed) and starts FerretDB v1 on `DATA_DIR/db`. */
export async function startV1(dataDir: string, bin = DEFAULT_V1_BIN): Promise<{ uri: string; stop: () => Promise<void> }> {
  if (bin === DEFAULT_V1_BIN) {
    execFileSync(process.execPath, [join(ROOT, 'scripts/build-ferretdb.mjs'), '--v1', '--strict'], { stdio: ['ignore', 'inherit', 'inherit'] });
  }
  if (!existsSync(bin)) {
    throw new MigrationError(`FerretDB v1 is not built (${bin} is missing)`);
  }
  const port = await freePort();
  const child = spawnSupervised('FerretDB v1', bin, ['-listen', `127.0.0.1:${port}`, '-data', join(dataDir, 'db'), '-log-level', 'error']);
  await waitReady(child, () => canConnect(port), 30_000);
  return { uri: `mongodb://127.0.0.1:${port}/`, stop: () => child.stop() };
}

async function copyCollection(src: Client, dst: Client, db: string, name: string, log: (m: string) => void): Promise<CollectionReport> {
  const from = src.db(db).collection(name);
  const to = dst.db(db).collection(name);
  const source = await from.countDocuments();
  const existing = await to.countDocuments();
  if (existing > 0) {
    throw new MigrationError(
      `${db}.${name} already holds ${existing} documents in the new database: nothing was copied into it. ` +
        'Migrate into an empty database (a new DATA_DIR/pg, e.g. move it away first), or remove those documents.',
    );
  }
  const indexes: string[] = [];
  for (const ix of await from.listIndexes().toArray()) {
    if (ix.name === '_id_') {
      continue;
    }
    const options: Record<string, unknown> = { name: ix.name };
    for (const o of INDEX_OPTIONS) {
      if (ix[o] !== undefined) {
        options[o] = ix[o];
      }
    }
    try {
      await to.createIndex(ix.key as Record<string, 1 | -1>, options);
    } catch (err) {
      // The server made the same index under another name already (it builds its models' indexes at start).
      const same = (await to.listIndexes().toArray()).find((t) => JSON.stringify(t.key) === JSON.stringify(ix.key) && Boolean(t.unique) === Boolean(ix.unique));
      if (!same) {
        throw err;
      }
    }
    indexes.push(String(ix.name));
  }
  if (source === 0) {
    await dst.db(db).createCollection(name).catch(() => undefined); // keep the empty collection too
  }
  let batch: mongoose.mongo.Document[] = [];
  let copied = 0;
  const flush = async () => {
    if (batch.length > 0) {
      await to.insertMany(batch, { ordered: true });
      copied += batch.length;
      batch = [];
    }
  };
  for await (const doc of from.find({}).sort({ _id: 1 })) {
    batch.push(doc);
    if (batch.length >= 500) {
      await flush();
      if (copied % 10_000 === 0) {
        log(`  ${db}.${name}: ${copied} / ${source}`);
      }
    }
  }
  await flush();
  const target = await to.countDocuments();
  log(`  ${db}.${name}: ${target} documents, ${indexes.length} indexes${indexes.length ? ` (${indexes.join(', ')})` : ''}`);
  return { db, collection: name, source, target, indexes };
}

/**
 * Copies everything from the v1 server at `sourceUri` to `targetUri`. Throws MigrationError when a
 * target collection is not empty or a count differs.
 */
export async function copyAll(sourceUri: string, targetUri: string, log: (m: string) => void): Promise<CollectionReport[]> {
  const src = await MongoClient.connect(sourceUri, { serverSelectionTimeoutMS: 10_000 });
  const dst = await MongoClient.connect(targetUri, { serverSelectionTimeoutMS: 10_000 });
  try {
    const { databases } = await src.db('admin').admin().listDatabases({ nameOnly: true });
    const reports: CollectionReport[] = [];
    for (const { name: db } of databases.filter((d) => !SYSTEM_DBS.has(d.name))) {
      log(`database ${db}:`);
      const collections = await src.db(db).listCollections({}, { nameOnly: true }).toArray();
      for (const c of collections.filter((c) => !c.name.startsWith('system.')).sort((a, b) => a.name.localeCompare(b.name))) {
        reports.push(await copyCollection(src, dst, db, c.name, log));
      }
    }
    const wrong = reports.filter((r) => r.source !== r.target);
    if (wrong.length > 0) {
      throw new MigrationError(`counts differ after copying: ${wrong.map((r) => `${r.db}.${r.collection} ${r.source} → ${r.target}`).join(', ')}`);
    }
    return reports;
  } finally {
    await src.close();
    await dst.close();
  }
}

export { v1DataFiles };
