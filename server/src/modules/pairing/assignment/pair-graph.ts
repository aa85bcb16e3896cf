/**
 * The feasible commissioner–request pairs of one pairing run, in compressed sparse rows (one row per
 * request, ascending commissioner index within a row). Forbidden pairs (exclusions, conflicts of interest,
 * the region rule, scores under the minimum) are simply absent, so every solver sees the same problem.
 */
export interface PairGraph {
  requests: number;
  commissioners: number;
  /** How many requests each commissioner may take at once (0–5; 0 = not available this run). */
  capacity: Uint8Array;
  /** Row `i`'s pairs are entries rowStart[i] .. rowStart[i + 1] - 1 of `col` and `score`. */
  rowStart: Int32Array;
  col: Int32Array;
  score: Float64Array;
}

/** Result of a solver: who serves which request, and the total score. */
export interface Assignment {
  /** Commissioner index per request, -1 when the request stays unassigned. */
  commissionerOf: Int32Array;
  total: number;
  assigned: number;
}

export const MAX_CAPACITY = 5;

/**
 * Builds the graph from a score function: `scoreOf(i, j)` returns the pair's score, or NaN when the pair is
 * forbidden. Pairs scoring under `minScore`, and pairs with a commissioner of capacity 0, are left out.
 */
export function buildPairGraph(
  requests: number,
  capacity: ArrayLike<number>,
  scoreOf: (request: number, commissioner: number) => number,
  minScore = -Infinity,
): PairGraph {
  const commissioners = capacity.length;
  const cap = new Uint8Array(commissioners);
  for (let j = 0; j < commissioners; j++) {
    const c = capacity[j]!;
    if (!Number.isInteger(c) || c < 0 || c > MAX_CAPACITY) {
      throw new RangeError(`capacity of commissioner ${j} must be an integer 0–${MAX_CAPACITY}, got ${c}`);
    }
    cap[j] = c;
  }
  const rowStart = new Int32Array(requests + 1);
  let col = new Int32Array(Math.max(16, requests * 8));
  let score = new Float64Array(col.length);
  let nnz = 0;
  for (let i = 0; i < requests; i++) {
    for (let j = 0; j < commissioners; j++) {
      if (cap[j] === 0) {
        continue;
      }
      const s = scoreOf(i, j);
      // NaN fails this comparison too, so forbidden pairs drop out here.
      if (!(s >= minScore)) {
        continue;
      }
      if (nnz === col.length) {
        const grown = new Int32Array(col.length * 2);
        grown.set(col);
        col = grown;
        const grownScore = new Float64Array(grown.length);
        grownScore.set(score);
        score = grownScore;
      }
      col[nnz] = j;
      score[nnz] = s;
      nnz++;
    }
    rowStart[i + 1] = nnz;
  }
  return { requests, commissioners, capacity: cap, rowStart, col: col.slice(0, nnz), score: score.slice(0, nnz) };
}

/** Builds the graph from a dense row-major matrix (requests × commissioners), NaN marking forbidden pairs. */
export function pairGraphFromDense(
  scores: Float64Array,
  requests: number,
  capacity: ArrayLike<number>,
  minScore = -Infinity,
): PairGraph {
  const m = capacity.length;
  if (scores.length !== requests * m) {
    throw new RangeError(`score matrix has ${scores.length} entries, expected ${requests} × ${m}`);
  }
  return buildPairGraph(requests, capacity, (i, j) => scores[i * m + j]!, minScore);
}

/** The score of pair (i, j), or NaN when the pair is not feasible (binary search in row i). */
export function pairScore(g: PairGraph, i: number, j: number): number {
  let lo = g.rowStart[i]!;
  let hi = g.rowStart[i + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = g.col[mid]!;
    if (c === j) {
      return g.score[mid]!;
    }
    if (c < j) {
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return NaN;
}

/**
 * Checks an assignment against the graph: every pair used is feasible, no commissioner over capacity.
 * Returns the problems found (empty when valid) and the recomputed total.
 */
export function checkAssignment(g: PairGraph, commissionerOf: Int32Array): { problems: string[]; total: number } {
  const problems: string[] = [];
  const load = new Int32Array(g.commissioners);
  let total = 0;
  if (commissionerOf.length !== g.requests) {
    problems.push(`assignment has ${commissionerOf.length} requests, expected ${g.requests}`);
    return { problems, total };
  }
  for (let i = 0; i < g.requests; i++) {
    const j = commissionerOf[i]!;
    if (j === -1) {
      continue;
    }
    const s = j >= 0 && j < g.commissioners ? pairScore(g, i, j) : NaN;
    if (Number.isNaN(s)) {
      problems.push(`request ${i} is paired with commissioner ${j}, a forbidden pair`);
      continue;
    }
    total += s;
    load[j]!++;
  }
  for (let j = 0; j < g.commissioners; j++) {
    if (load[j]! > g.capacity[j]!) {
      problems.push(`commissioner ${j} has ${load[j]} requests, capacity ${g.capacity[j]}`);
    }
  }
  return { problems, total };
}
