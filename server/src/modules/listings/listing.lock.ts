/**
 * Serialises writes to one listing within this process.
 *
 * Why: FerretDB v1 on SQLite does not apply an update atomically: it reads the document, applies
 * the operators in Go and writes the whole document back, with no transaction between the two
 * (FerretDB issue #3040). Measured here: 20 concurrent `$inc` on one document over a connection
 * pool leave the counter at 3, and a status-guarded update has several "winners". So our
 * read-check-write sequences (policy check, then a conditional update) run one at a time per
 * listing. On MongoDB, the conditional updates alone would suffice; the lock costs nothing there.
 */
const tails = new Map<string, Promise<void>>();

/** Runs `fn` after every earlier call for the same key has finished. */
export async function withListingLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  let release: () => void = () => undefined;
  const mine = new Promise<void>((resolve) => {
    release = resolve;
  });
  const tail = previous.then(() => mine);
  tails.set(key, tail);
  await previous;
  try {
    return await fn();
  } finally {
    release();
    if (tails.get(key) === tail) {
      tails.delete(key);
    }
  }
}
