/**
 * Makes sure one document exists (a counter, a ledger) when several requests may be first at once.
 * Not an upsert: on FerretDB 2 / DocumentDB simultaneous upserts of one new document on a unique key
 * fail with E11000 or PostgreSQL's "deadlock detected" (16908292), and simultaneous `findOneAndUpdate`
 * upserts of one new `_id` returned the same `$inc`-ed value to several callers (8 at once gave 1
 * four times). A plain insert is refused by the unique index instead; whoever loses looks again.
 */
import type { Model } from 'mongoose';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any model: the document is checked by its schema on insert
export async function ensureDoc(model: Model<any>, filter: Record<string, unknown>, doc: Record<string, unknown>): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    if (await model.exists(filter)) {
      return;
    }
    try {
      await model.create(doc);
      return;
    } catch (err) {
      // The winner's insert may not be visible yet when ours was the deadlock's victim: look again.
      if (attempt >= 5) {
        throw err;
      }
      await new Promise((r) => setTimeout(r, 5 * attempt));
    }
  }
}
