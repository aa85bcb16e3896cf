/**
 * Reconciles the search index with the database, with a progress bar:
 *   npm run reindex            fix missing, stale and orphaned entries
 *   npm run reindex -- --full  empty the indexes first and index everything again
 */
import { parseArgs } from 'node:util';
import { INDEX_NAMES } from '@kezhuan/search-config';
import { startRuntime } from '../runtime';
import { reconcileWithBars } from './reconcile-progress';

const { values } = parseArgs({ options: { full: { type: 'boolean', default: false } } });
const runtime = await startRuntime();
try {
  const engine = runtime.search.engine;
  if (values.full) {
    for (const index of INDEX_NAMES) {
      await engine.clear(index);
    }
  }
  await reconcileWithBars(runtime.search);
  for (const index of INDEX_NAMES) {
    console.log(`${index}: ${await engine.count(index)} documents in the ${runtime.search.engine.kind} index`);
  }
} finally {
  await runtime.stop();
}
