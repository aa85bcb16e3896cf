import { mulberry32 } from '../../../lib/prng';
import { buildPairGraph, type PairGraph } from './pair-graph';

/** A small random instance: ties are common (integer scores), some pairs forbidden, some scores negative. */
export function randomSmallGraph(seed: number, maxRequests = 6, maxCommissioners = 4): PairGraph {
  const rnd = mulberry32(seed);
  const n = 1 + Math.floor(rnd() * maxRequests);
  const m = 1 + Math.floor(rnd() * maxCommissioners);
  const capacity = Array.from({ length: m }, () => (rnd() < 0.1 ? 0 : 1 + Math.floor(rnd() * 3)));
  const forbidRate = rnd() * 0.5;
  const negative = rnd() < 0.3;
  const integer = rnd() < 0.6;
  const scores = Array.from({ length: n * m }, () => {
    if (rnd() < forbidRate) {
      return NaN;
    }
    const s = negative ? rnd() * 30 - 10 : rnd() * 20;
    return integer ? Math.round(s) : s;
  });
  const minScore = rnd() < 0.3 ? 5 : -Infinity;
  return buildPairGraph(n, capacity, (i, j) => scores[i * m + j]!, minScore);
}

/** Best total over every feasible assignment (each request: unassigned or one feasible commissioner). */
export function bruteForceBest(g: PairGraph): number {
  const load = new Int32Array(g.commissioners);
  const go = (i: number): number => {
    if (i === g.requests) {
      return 0;
    }
    let best = go(i + 1);
    for (let e = g.rowStart[i]!; e < g.rowStart[i + 1]!; e++) {
      const j = g.col[e]!;
      if (load[j]! < g.capacity[j]!) {
        load[j]!++;
        best = Math.max(best, g.score[e]! + go(i + 1));
        load[j]!--;
      }
    }
    return best;
  };
  return go(0);
}

/** A hand-made instance from a requests × commissioners table (NaN = forbidden). */
export function tableGraph(table: number[][], capacity: number[]): PairGraph {
  return buildPairGraph(table.length, capacity, (i, j) => table[i]![j]!);
}
