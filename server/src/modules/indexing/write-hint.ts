/**
 * A hint, in this process, that an indexed record was written: the index worker then flushes every
 * second for a few seconds, and otherwise, on FerretDB v1 only, every 15 s or rarer (there each flush
 * scans the collections, which should not happen every second for nothing; see workers.ts). Writes
 * from other processes are picked up by the periodic flush.
 */
let lastWrite = 0;
let reconcileWanted = false;

export function noteSearchWrite(): void {
  lastWrite = Date.now();
}

/**
 * Bulk writes (seed, imports) insert records without the outbox flag and ask for a reconciliation
 * instead: it compares versions with one read and pushes what is new, where clearing a flag per
 * record would cost one FerretDB update each (~30 ms; 100,000 records would hold the database
 * for most of an hour).
 */
export function requestReconcile(): void {
  reconcileWanted = true;
}

/** True once after `requestReconcile()`. */
export function takeReconcileRequest(): boolean {
  const wanted = reconcileWanted;
  reconcileWanted = false;
  return wanted;
}

/** True within `windowMs` of the last hinted write. */
export function recentSearchWrite(windowMs = 5000, now = Date.now()): boolean {
  return now - lastWrite <= windowMs;
}
