import mongoose from 'mongoose';
import { dropLegacyUsccIndex } from '../modules/orgs/org.model';
import { createAllIndexes } from './indexes';

// User input reaches queries only after zod has parsed it into strings, numbers and enums, so an
// object such as {"$ne": null} never gets here (tested on every route). Mongoose's global
// sanitizeFilter is left off: it would also neutralise our own operators ($gt, $in …).
mongoose.set('strictQuery', true);
// Indexes are built by connectDb, one model at a time (see ./indexes.ts), not all at once on connect.
mongoose.set('autoIndex', false);

export interface DbInfo {
  kind: string;
  version: string;
  embedded: boolean;
}

/** Which server we talk to, as far as our workarounds care. */
export type DbFlavour = 'mongodb' | 'ferretdb-v1' | 'ferretdb-v2';

let flavour: DbFlavour = 'mongodb';

/** The flavour of the server `connectDb` connected to last (MongoDB before any connection). */
export function dbFlavour(): DbFlavour {
  return flavour;
}

/**
 * True on FerretDB v1 (SQLite backend), the one server whose limits the platform still works
 * around: a single connection, duty-cycled background scans and no large `$in`. FerretDB 2 (on
 * PostgreSQL + DocumentDB) and MongoDB use indexes and apply updates atomically.
 */
export function slowDb(): boolean {
  return flavour === 'ferretdb-v1';
}

/**
 * FerretDB v1 reports `ferretdbVersion` in buildInfo; FerretDB 2 reports `ferretdb: { version }`;
 * MongoDB neither.
 */
export function flavourOf(info: Record<string, unknown> | undefined): DbFlavour {
  if (typeof info?.ferretdbVersion === 'string') {
    return 'ferretdb-v1';
  }
  const f = info?.ferretdb as { version?: unknown } | undefined;
  return typeof f?.version === 'string' ? 'ferretdb-v2' : 'mongodb';
}

/**
 * Connects the default Mongoose connection and makes sure every model's indexes exist.
 *
 * FerretDB v1 applies an update by reading the document, changing it and writing it back without
 * a transaction (FerretDB issue #3040): concurrent updates of one document from several connections
 * lose writes (measured: 20 concurrent $inc left 3). Against FerretDB v1 we therefore use a single
 * connection, which makes every operation atomic again (measured: 50 of 50 $inc kept, 127 ms);
 * SQLite takes one writer at a time anyway. FerretDB 2 and MongoDB keep the driver's normal pool
 * (FerretDB 2.7 on DocumentDB: 50 concurrent $inc on one document = 50).
 */
export async function connectDb(uri: string, dbName: string): Promise<void> {
  await mongoose.connect(uri, { dbName, serverSelectionTimeoutMS: 10_000 });
  flavour = flavourOf(await mongoose.connection.db?.admin().command({ buildInfo: 1 }));
  if (flavour === 'ferretdb-v1') {
    await mongoose.disconnect();
    await mongoose.connect(uri, { dbName, serverSelectionTimeoutMS: 10_000, maxPoolSize: 1 });
  }
  await dropLegacyUsccIndex();
  await createAllIndexes();
}

/** The managed default (MONGODB_URI unset): FerretDB 2 on our own PostgreSQL with DocumentDB. */
const EMBEDDED_KIND = 'ferretdb2-documentdb';

/** What server we talk to: FerretDB reports `ferretdbVersion` in buildInfo; MongoDB does not. */
export async function describeDb(embedded: boolean): Promise<DbInfo & { reachable: boolean }> {
  try {
    const db = mongoose.connection.db;
    if (!db) {
      throw new Error('not connected');
    }
    const info = await db.admin().command({ buildInfo: 1 });
    // FerretDB 1 reports `ferretdbVersion`, FerretDB 2 `ferretdb: {version}`; MongoDB neither.
    const fv = typeof info.ferretdbVersion === 'string' ? info.ferretdbVersion : (info.ferretdb as { version?: unknown } | undefined)?.version;
    const version = String(info.version);
    if (typeof fv === 'string') {
      return { kind: embedded ? EMBEDDED_KIND : 'FerretDB', version: `${fv} (MongoDB ${version} wire)`, embedded, reachable: true };
    }
    return { kind: 'MongoDB', version, embedded, reachable: true };
  } catch {
    return { kind: embedded ? EMBEDDED_KIND : 'MongoDB', version: 'unknown', embedded, reachable: false };
  }
}
