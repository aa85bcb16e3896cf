/**
 * Reconciles the search index with the database, with a progress bar:
 *   npm run reindex            fix missing, stale and orphaned entries
 *   npm run reindex -- --full  empty the indexes first and index everything again
 */
import { parseArgs } from 'node:util';
import { INDEX_NAMES } from '@kezhuan/search-config';
import { ProgressBar } from '../lib/progress';
import { startRuntime } from '../runtime';
import { createIndexSync } from '../workers';

const { values } = parseArgs({ options: { full: { type: 'boolean', default: false } } });
const runtime = await startRuntime();
try {
  const engine = runtime.search.engine;
  if (values.full) {
    for (const index of INDEX_NAMES) {
      await engine.clear(index);
    }
  }
  const bars = new Map<string, ProgressBar>();
  const reports = await createIndexSync(runtime.search).reconcile((p) => {
    let bar = bars.get(p.index);
    if (!bar) {
      bar = new ProgressBar(`reindex ${p.index.padEnd(7)}`);
      bars.set(p.index, bar);
    }
    bar.update(p.done, p.total);
  });
  for (const r of reports) {
    (bars.get(r.index) ?? new ProgressBar(r.index)).done(`${r.checked} checked, ${r.added} added, ${r.updated} updated, ${r.removed} removed`);
  }
  for (const index of INDEX_NAMES) {
    console.log(`${index}: ${await engine.count(index)} documents in the ${runtime.search.engine.kind} index`);
  }
} finally {
  await runtime.stop();
}
