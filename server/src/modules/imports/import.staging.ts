/**
 * Staging of an import: the validated documents, and the error report, each in a collection of
 * the job's own (`import_rows_<job>`, `import_errors_<job>`).
 *
 * Why not one shared `import_rows` collection filtered by job: FerretDB v1 pushes no filter but
 * `{ _id: … }` down to SQLite, so every `find`/`deleteMany({ job })` decodes every staged row of
 * every job (measured on 20,000 rows: 9 s to read them with a job filter, 5.4 s to delete them).
 * A collection per job is read by one unfiltered cursor and removed by one `drop`, in
 * milliseconds; on MongoDB it costs nothing either. The documents are stored as they will be
 * inserted (pre-generated `_id`, defaults applied), so commit is a plain `insertMany`.
 */
import mongoose from 'mongoose';
import type { RowError } from './import.errors';

/** One validated row: the target document and where it came from. `_id` is the row's sequence. */
export interface ImportRow {
  _id: number;
  /** Rows are committed in batches; this is the batch number (0, 1, …). */
  batch: number;
  row: number;
  doc: Record<string, unknown> & { _id: mongoose.Types.ObjectId };
}

const ROWS_PREFIX = 'import_rows_';
const ERRORS_PREFIX = 'import_errors_';

function db() {
  const d = mongoose.connection.db;
  if (!d) {
    throw new Error('database not connected');
  }
  return d;
}

const rows = (jobId: string) => db().collection<ImportRow>(`${ROWS_PREFIX}${jobId}`);
const errors = (jobId: string) => db().collection<RowError>(`${ERRORS_PREFIX}${jobId}`);

export async function stageRows(jobId: string, staged: ImportRow[]): Promise<void> {
  if (staged.length > 0) {
    await rows(jobId).insertMany(staged, { ordered: true });
  }
}

/** Every staged row, in staging order (an append-only collection is read in insertion order). */
export function readStaged(jobId: string): AsyncIterable<ImportRow> {
  return rows(jobId).find({}, { batchSize: 1000 });
}

export async function appendErrors(jobId: string, list: readonly RowError[]): Promise<void> {
  if (list.length > 0) {
    await errors(jobId).insertMany(list.map((e) => ({ ...e })), { ordered: true });
  }
}

/** The error report in file order. */
export function readErrors(jobId: string, limit = 0): AsyncIterable<RowError> {
  return errors(jobId).find({}, { batchSize: 1000, limit, projection: { _id: 0, row: 1, field: 1, message: 1, messageEn: 1 } });
}

async function drop(name: string): Promise<void> {
  try {
    await db().dropCollection(name);
  } catch (err) {
    if ((err as { codeName?: string; code?: number }).code !== 26) {
      throw err; // 26: the collection does not exist (nothing was staged)
    }
  }
}

export const dropStagedRows = (jobId: string) => drop(`${ROWS_PREFIX}${jobId}`);
export const dropErrors = (jobId: string) => drop(`${ERRORS_PREFIX}${jobId}`);

/** Jobs that have a staging collection of rows (to find leftovers after a crash). */
export async function jobsWithStagedRows(): Promise<string[]> {
  const list = await db().listCollections({}, { nameOnly: true }).toArray();
  return list.map((c) => c.name).filter((n) => n.startsWith(ROWS_PREFIX)).map((n) => n.slice(ROWS_PREFIX.length));
}
