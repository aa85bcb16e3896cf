import mongoose from 'mongoose';
import { dropLegacyUsccIndex } from '../modules/orgs/org.model';

// User input reaches queries only after zod has parsed it into strings, numbers and enums, so an
// object such as {"$ne": null} never gets here (tested on every route). Mongoose's global
// sanitizeFilter is left off: it would also neutralise our own operators ($gt, $in …).
mongoose.set('strictQuery', true);

export interface DbInfo {
  kind: string;
  version: string;
  embedded: boolean;
}

/**
 * Connects the default Mongoose connection and makes sure every model's indexes exist.
 *
 * FerretDB v1 applies an update by reading the document, changing it and writing it back without
 * a transaction (FerretDB issue #3040): concurrent updates of one document from several connections
 * lose writes (measured: 20 concurrent $inc left 3). Against FerretDB we therefore use a single
 * connection, which makes every operation atomic again (measured: 50 of 50 $inc kept, 127 ms);
 * SQLite takes one writer at a time anyway. MongoDB keeps the driver's normal pool.
 */
export async function connectDb(uri: string, dbName: string): Promise<void> {
  await mongoose.connect(uri, { dbName, serverSelectionTimeoutMS: 10_000 });
  if (await isFerretDb()) {
    await mongoose.disconnect();
    await mongoose.connect(uri, { dbName, serverSelectionTimeoutMS: 10_000, maxPoolSize: 1 });
  }
  await dropLegacyUsccIndex();
  await Promise.all(Object.values(mongoose.models).map((m) => m.createIndexes()));
}

async function isFerretDb(): Promise<boolean> {
  const info = await mongoose.connection.db?.admin().command({ buildInfo: 1 });
  return typeof info?.ferretdbVersion === 'string';
}

/** What server we talk to: FerretDB reports `ferretdbVersion` in buildInfo; MongoDB does not. */
export async function describeDb(embedded: boolean): Promise<DbInfo & { reachable: boolean }> {
  try {
    const db = mongoose.connection.db;
    if (!db) {
      throw new Error('not connected');
    }
    const info = await db.admin().command({ buildInfo: 1 });
    const ferret = typeof info.ferretdbVersion === 'string';
    const version = String(info.version);
    if (ferret) {
      const fv = info.ferretdbVersion === 'unknown' ? 'v1.24.2' : String(info.ferretdbVersion);
      return { kind: embedded ? 'FerretDB (SQLite, embedded)' : 'FerretDB', version: `${fv} (MongoDB ${version} wire)`, embedded, reachable: true };
    }
    return { kind: 'MongoDB', version, embedded, reachable: true };
  } catch {
    return { kind: embedded ? 'FerretDB (SQLite, embedded)' : 'MongoDB', version: 'unknown', embedded, reachable: false };
  }
}
