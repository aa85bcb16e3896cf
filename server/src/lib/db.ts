import mongoose from 'mongoose';

// User input reaches queries only after zod has parsed it into strings, numbers and enums, so an
// object such as {"$ne": null} never gets here (tested on every route). Mongoose's global
// sanitizeFilter is left off: it would also neutralise our own operators ($gt, $in …).
mongoose.set('strictQuery', true);

export interface DbInfo {
  kind: string;
  version: string;
  embedded: boolean;
}

/** Connects the default Mongoose connection and makes sure every model's indexes exist. */
export async function connectDb(uri: string, dbName: string): Promise<void> {
  await mongoose.connect(uri, { dbName, serverSelectionTimeoutMS: 10_000 });
  await Promise.all(Object.values(mongoose.models).map((m) => m.createIndexes()));
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
