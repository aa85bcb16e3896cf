/** The index sync's reconciliation with a progress bar per index, for the command-line tools. */
import { ProgressBar } from '../lib/progress';
import type { PlatformSearch } from '../search/search.service';
import { createIndexSync } from '../workers';
import type { ReconcileReport } from '../modules/indexing/index-sync';

export async function reconcileWithBars(search: PlatformSearch, label = 'reindex'): Promise<ReconcileReport[]> {
  const bars = new Map<string, ProgressBar>();
  const reports = await createIndexSync(search).reconcile((p) => {
    let bar = bars.get(p.index);
    if (!bar) {
      bar = new ProgressBar(`${label} ${p.index.padEnd(7)}`);
      bars.set(p.index, bar);
    }
    bar.update(p.done, p.total);
  });
  for (const r of reports) {
    (bars.get(r.index) ?? new ProgressBar(r.index)).done(`${r.index}: ${r.checked} checked, ${r.added} added, ${r.updated} updated, ${r.removed} removed`);
  }
  return reports;
}
