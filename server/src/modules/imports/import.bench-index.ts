/**
 * The import benchmark's last step: from "commit done" until every imported row is searchable, the
 * way the platform gets there. The commit asks for a reconciliation (write-hint) instead of flagging
 * each row; the index worker takes that request on its next tick (within a second) and runs the
 * index sync's reconcile. Here the reconcile runs at once, so the figure leaves out that tick.
 */
import { ProgressBar } from '../../lib/progress';
import { PlatformSearch } from '../../search/search.service';
import type { SearchEngine } from '../../search/types';
import { createIndexSync } from '../../workers';
import { takeReconcileRequest } from '../indexing/write-hint';

export interface IndexFigures {
  /** Commit done → the checks below passed (reconcile and checks). */
  ms: number;
  /** The reconciliation alone. */
  reconcileMs: number;
  /** Documents the reconciliation added to the results index. */
  added: number;
}

/**
 * Runs the platform's index sync over `engine`, then checks that the results index holds exactly
 * `rows` documents and that a query for `lastTitle` (one of the last rows imported) finds it.
 * Throws when the import did not ask for a reconciliation or a check fails.
 */
export async function indexImported(engine: SearchEngine, expected: { rows: number; lastTitle: string }): Promise<IndexFigures> {
  const t0 = performance.now();
  if (!takeReconcileRequest()) {
    throw new Error('the commit did not ask for a reconciliation: its rows would not be indexed before the next start');
  }
  const bar = new ProgressBar('index sync');
  let shown = -1;
  const reports = await createIndexSync(new PlatformSearch(engine, 'import benchmark')).reconcile((p) => {
    // The scan's last step and the final 'write' report the same count: draw it once.
    if (p.index === 'results' && p.done !== shown) {
      shown = p.done;
      bar.update(p.done, p.total);
    }
  });
  const reconcileMs = performance.now() - t0;
  const added = reports.find((r) => r.index === 'results')?.added ?? 0;

  const inIndex = await engine.count('results');
  if (inIndex !== expected.rows) {
    throw new Error(`the results index holds ${inIndex} documents after the reconciliation, not the ${expected.rows} imported`);
  }
  const { hits } = await engine.query('results', { q: expected.lastTitle, page: 1, pageSize: 10 });
  if (!hits.some((h) => h.doc.title === expected.lastTitle)) {
    throw new Error(`a search for 「${expected.lastTitle}」 does not find it (top 10: ${hits.map((h) => String(h.doc.title)).join(', ')})`);
  }
  const ms = performance.now() - t0;
  bar.done(`${added} added, ${inIndex} in the index, 「${expected.lastTitle}」 found`);
  return { ms, reconcileMs, added };
}
