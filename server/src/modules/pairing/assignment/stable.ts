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
export function solveStableMatching(g: PairGraph): Assignment {
  const n = g.requests;
  const m = g.commissioners;
  const { rowStart, col, score, capacity } = g;
  let maxCap = 1;
  for (let j = 0; j < m; j++) {
    maxCap = Math.max(maxCap, capacity[j]!);
  }

  // Each request's pairs, best first.
  const order = new Int32Array(col.length);
  for (let e = 0; e < order.length; e++) {
    order[e] = e;
  }
  for (let i = 0; i < n; i++) {
    order
      .subarray(rowStart[i]!, rowStart[i + 1]!)
      .sort((a, b) => score[b]! - score[a]! || col[a]! - col[b]!);
  }

  const next = rowStart.slice(0, n);
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
    while (next[i]! < rowStart[i + 1]!) {
      const e = order[next[i]!++]!;
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
