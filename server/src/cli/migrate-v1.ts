/**
 * `npm run db:migrate-v1`: moves the data of a folder made by the FerretDB v1/SQLite version of
 * the platform (DATA_DIR/db/*.sqlite) into the current database — the managed PostgreSQL one in
 * DATA_DIR/pg, or MONGODB_URI when set. Every database, collection and index; counts checked.
 * The old files are left as they are. Run it with the server stopped (or beside it: it then uses
 * the server's running cluster).
 */
import { join } from 'node:path';
import { env } from '../config/env';
import { startEmbeddedDatabase, type EmbeddedDb } from '../supervisor/ferretdb';
import { copyAll, MigrationError, startV1, v1DataFiles } from '../supervisor/migrate-v1';

const e = env();
const files = v1DataFiles(e.dataDir);
if (files.length === 0) {
  console.log(`nothing to migrate: no FerretDB v1 files (*.sqlite) in ${join(e.dataDir, 'db')}`);
  process.exit(0);
}
console.log(`migrating ${files.length} FerretDB v1 (SQLite) files from ${join(e.dataDir, 'db')}`);

let target: EmbeddedDb | undefined;
let v1: Awaited<ReturnType<typeof startV1>> | undefined;
let code = 0;
try {
  v1 = await startV1(e.dataDir);
  let uri = e.MONGODB_URI;
  if (uri) {
    console.log('into the MongoDB server at MONGODB_URI');
  } else {
    target = await startEmbeddedDatabase({ dataDir: e.dataDir, bin: e.FERRETDB_BIN, log: (m) => console.log(m) });
    uri = target.uri;
    console.log(`into ${target.description}`);
  }
  const t0 = Date.now();
  const reports = await copyAll(v1.uri, uri, (m) => console.log(m));
  const docs = reports.reduce((n, r) => n + r.target, 0);
  const indexes = reports.reduce((n, r) => n + r.indexes.length, 0);
  console.log(
    `done in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${reports.length} collections, ${docs} documents, ${indexes} indexes; every count matches.\n` +
      `The old files in ${join(e.dataDir, 'db')} were not changed; remove them once you are satisfied.`,
  );
} catch (err) {
  code = 1;
  console.error(err instanceof MigrationError ? `migration stopped: ${err.message}` : err);
} finally {
  await v1?.stop();
  await target?.stop();
}
process.exit(code);
