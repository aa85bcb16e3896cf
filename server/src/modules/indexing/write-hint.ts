/**
 * A hint, in this process, that an indexed record was written: the index worker then flushes every
 * second for a few seconds, and otherwise only every 15 s (on FerretDB each flush scans the
 * collections, which should not happen every second for nothing). Writes from other processes are
 * picked up by the periodic flush.
 */
let lastWrite = 0;

export function noteSearchWrite(): void {
  lastWrite = Date.now();
}

/** True within `windowMs` of the last hinted write. */
export function recentSearchWrite(windowMs = 5000, now = Date.now()): boolean {
  return now - lastWrite <= windowMs;
}
