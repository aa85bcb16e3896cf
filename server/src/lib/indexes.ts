import mongoose from 'mongoose';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Makes sure every model's indexes exist, one model after the other, instead of Mongoose's
 * automatic build that starts them all at once when the connection opens (turned off in db.ts).
 *
 * FerretDB 2 keeps collections and indexes in DocumentDB's catalog tables in PostgreSQL; index
 * builds that run at the same moment (this process's models, or other processes and test files
 * creating their own databases) can fail with PostgreSQL's "deadlock detected". One at a time, with
 * a retry when that still happens, is reliable there and costs nothing on MongoDB.
 */
export async function createAllIndexes(models = Object.values(mongoose.models)): Promise<void> {
  for (const m of models) {
    for (let attempt = 1; ; attempt++) {
      try {
        await m.createIndexes();
        break;
      } catch (err) {
        if (attempt >= 8 || !isTransient(err)) {
          throw err;
        }
        await sleep(50 * attempt + Math.floor(Math.random() * 100));
      }
    }
  }
}

function isTransient(err: unknown): boolean {
  const msg = err instanceof Error ? err.message : String(err);
  return /deadlock detected|could not serialize|concurrent update|tuple concurrently updated/i.test(msg);
}
