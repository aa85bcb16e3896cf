/** The pure logic of the pairing page: progress of a run, the review table's filters and paging, edits, stability. */
import type { PairingRunPairView, PairingRunView } from '@kezhuan/shared';

/** Where each stage of a run starts and ends on the overall bar (percent); scoring the matrix is the long part. */
const STAGES: Record<string, [from: number, to: number]> = {
  read: [0, 5],
  matrix: [5, 70],
  solve: [70, 85],
  store: [85, 99],
  done: [100, 100],
};

/** A run's overall progress, 0–100 (100 once it has finished, whichever way). */
export function runPercent(run: Pick<PairingRunView, 'status' | 'progress'>): number {
  if (run.status !== 'running') {
    return 100;
  }
  const [from, to] = STAGES[run.progress.stage] ?? [0, 0];
  const share = run.progress.total > 0 ? Math.min(1, run.progress.done / run.progress.total) : 0;
  return Math.floor(from + (to - from) * share);
}

/** Whether a pushed or polled state should replace the shown one: a finished run never goes back to running. */
export function isNewerRun(shown: PairingRunView, next: PairingRunView): boolean {
  if (shown.id !== next.id) {
    return false;
  }
  if (shown.status !== 'running') {
    return next.status !== 'running';
  }
  return next.status !== 'running' || runPercent(next) >= runPercent(shown);
}

export interface PairFilter {
  city: string;
  minScore: number;
  /** Part of a request's title or a commissioner's name (a run on the full pool has hundreds of pairs). */
  q?: string;
}

export function filterPairs(pairs: readonly PairingRunPairView[], f: PairFilter): PairingRunPairView[] {
  const q = (f.q ?? '').trim().toLowerCase();
  const named = (p: PairingRunPairView) => !q || p.request.name.toLowerCase().includes(q) || p.commissioner.name.toLowerCase().includes(q);
  return pairs.filter((p) => (!f.city || p.request.city === f.city) && p.score >= f.minScore && named(p));
}

/** The rows of one page (1-based). */
export function pageOf<T>(items: readonly T[], page: number, pageSize: number): T[] {
  return items.slice((page - 1) * pageSize, page * pageSize);
}

/** The pairs after an edit answered: a removal drops the pair; a swap replaces the request's pair (best first again). */
export function applyEdit(pairs: readonly PairingRunPairView[], edit: { removed?: string; pair?: PairingRunPairView | null }): PairingRunPairView[] {
  let next = pairs.filter((p) => p.id !== edit.removed);
  if (edit.pair) {
    const added = edit.pair;
    next = [...next.filter((p) => p.request.id !== added.request.id), added].sort((a, b) => b.score - a.score);
  }
  return next;
}

/** For a stable run: blocking pairs and the optimal total of the same graph, and what stability cost. */
export function stabilityOf(run: PairingRunView): { blocking: number; optimal: number; price: number } | null {
  const { optimalScore, blockingPairs, score } = run.totals;
  if (run.options.algorithm !== 'stable' || optimalScore === null) {
    return null;
  }
  return { blocking: blockingPairs ?? 0, optimal: optimalScore, price: Math.round((optimalScore - score) * 100) / 100 };
}

/** A signed number for the compare view ("+3.5", "−2"). */
export function signed(n: number): string {
  const r = Math.round(n * 100) / 100;
  return r > 0 ? `+${r}` : r < 0 ? `−${Math.abs(r)}` : '0';
}
