import type { Assignment, PairGraph } from './pair-graph';

/**
 * Preferences derived from the scores, made strict by index so that stability is well defined and the
 * result deterministic: a request prefers the higher-scoring commissioner, then the lower index; a
 * commissioner prefers the higher-scoring request, then the lower index. Unassigned is worse than any
 * feasible pair for both sides.
 */
const better = (scoreA: number, indexA: number, scoreB: number, indexB: number): boolean =>
  scoreA > scoreB || (scoreA === scoreB && indexA < indexB);

/**
 * Many-to-one deferred acceptance (Gale–Shapley), requests proposing: each free request proposes to its
 * next commissioner in descending score order; a commissioner holds his best `capacity` proposals and
 * rejects the rest. The result is the request-optimal stable matching over the feasible pairs.
 */
const SCAN_PROPOSALS = 8;

export function solveStableMatching(g: PairGraph): Assignment {
  const n = g.requests;
  const m = g.commissioners;
  const { rowStart, col, score, capacity } = g;
  let maxCap = 1;
  for (let j = 0; j < m; j++) {
    maxCap = Math.max(maxCap, capacity[j]!);
  }

  // Each request's next pair to propose, best first. Most requests are accepted within a few proposals,
  // so the first SCAN_PROPOSALS are found by scanning the row; a request rejected more often gets its
  // row sorted once (its first k in sorted order are exactly the k it already proposed to).
  const proposals = new Int32Array(n);
  const sorted = new Uint8Array(n);
  const order = new Int32Array(col.length);
  const lastEdge = new Int32Array(n);
  const nextEdge = (i: number): number => {
    const start = rowStart[i]!;
    const end = rowStart[i + 1]!;
    const k = proposals[i]!;
    if (start + k >= end) {
      return -1;
    }
    proposals[i] = k + 1;
    if (k < SCAN_PROPOSALS) {
      // The best pair strictly after the last one proposed to, in (score desc, commissioner asc) order.
      const last = k === 0 ? -1 : lastEdge[i]!;
      let best = -1;
      for (let e = start; e < end; e++) {
        if (last >= 0 && !better(score[last]!, col[last]!, score[e]!, col[e]!)) {
          continue;
        }
        if (best < 0 || better(score[e]!, col[e]!, score[best]!, col[best]!)) {
          best = e;
        }
      }
      lastEdge[i] = best;
      return best;
    }
    if (sorted[i] === 0) {
      sorted[i] = 1;
      for (let e = start; e < end; e++) {
        order[e] = e;
      }
      order.subarray(start, end).sort((a, b) => score[b]! - score[a]! || col[a]! - col[b]!);
    }
    return order[start + k]!;
  };

  const match = new Int32Array(n).fill(-1);
  const matchScore = new Float64Array(n);
  const load = new Int32Array(m);
  const holders = new Int32Array(m * maxCap);
  const free = new Int32Array(n);
  let nFree = 0;
  for (let i = n - 1; i >= 0; i--) {
    free[nFree++] = i;
  }

  while (nFree > 0) {
    const i = free[--nFree]!;
    for (let e = nextEdge(i); e >= 0; e = nextEdge(i)) {
      const j = col[e]!;
      const s = score[e]!;
      const base = j * maxCap;
      if (load[j]! < capacity[j]!) {
        holders[base + load[j]!++] = i;
        match[i] = j;
        matchScore[i] = s;
        break;
      }
      // Full: find the held request he likes least, and replace it if i is better.
      let worst = base;
      for (let t = base + 1; t < base + load[j]!; t++) {
        const k = holders[t]!;
        const w = holders[worst]!;
        if (better(matchScore[w]!, w, matchScore[k]!, k)) {
          worst = t;
        }
      }
      const k = holders[worst]!;
      if (better(s, i, matchScore[k]!, k)) {
        holders[worst] = i;
        match[i] = j;
        matchScore[i] = s;
        match[k] = -1;
        free[nFree++] = k;
        break;
      }
    }
  }

  let total = 0;
  let assigned = 0;
  for (let i = 0; i < n; i++) {
    if (match[i]! >= 0) {
      total += matchScore[i]!;
      assigned++;
    }
  }
  return { commissionerOf: match, total, assigned };
}

/**
 * Counts blocking pairs of an assignment: feasible (request i, commissioner j), not paired together, where
 * i prefers j to what he has (unassigned counts as worst) and j has a free place or prefers i to the least
 * liked request he holds. Uses the strict preferences above; 0 means stable.
 */
export function countBlockingPairs(g: PairGraph, commissionerOf: Int32Array): number {
  const { rowStart, col, score, capacity } = g;
  const current = new Float64Array(g.requests);
  const load = new Int32Array(g.commissioners);
  // Per commissioner: the score and index of the least liked request he holds.
  const worstScore = new Float64Array(g.commissioners).fill(Infinity);
  const worstIndex = new Int32Array(g.commissioners).fill(-1);
  for (let i = 0; i < g.requests; i++) {
    const j = commissionerOf[i]!;
    if (j < 0) {
      continue;
    }
    let s = NaN;
    for (let e = rowStart[i]!; e < rowStart[i + 1]!; e++) {
      if (col[e] === j) {
        s = score[e]!;
      }
    }
    current[i] = s;
    load[j]!++;
    if (worstIndex[j]! < 0 || better(worstScore[j]!, worstIndex[j]!, s, i)) {
      worstScore[j] = s;
      worstIndex[j] = i;
    }
  }
  let blocking = 0;
  for (let i = 0; i < g.requests; i++) {
    const mine = commissionerOf[i]!;
    for (let e = rowStart[i]!; e < rowStart[i + 1]!; e++) {
      const j = col[e]!;
      if (j === mine) {
        continue;
      }
      const s = score[e]!;
      const requestWants = mine < 0 || better(s, j, current[i]!, mine);
      const commissionerWants = load[j]! < capacity[j]! || better(s, i, worstScore[j]!, worstIndex[j]!);
      if (requestWants && commissionerWants) {
        blocking++;
      }
    }
  }
  return blocking;
}
