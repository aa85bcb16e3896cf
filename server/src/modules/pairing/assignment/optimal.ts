import type { Assignment, PairGraph } from './pair-graph';

/** The optimal assignment, with the LP duals that certify it (see `checkOptimality`). */
export interface OptimalAssignment extends Assignment {
  /** Dual of "each request at most one commissioner" (≥ 0; 0 for an unassigned request). */
  requestDual: Float64Array;
  /** Dual of "each commissioner at most his capacity" (≥ 0; 0 unless he is full). */
  commissionerDual: Float64Array;
}

/**
 * Maximum-total-score b-matching: each request gets at most one commissioner, each commissioner at most his
 * capacity, only pairs present in the graph, and a request may stay unassigned (worth 0).
 *
 * Successive shortest paths on the flow network source → request → commissioner (capacity c_j) → sink, with
 * a direct request → sink arc for "unassigned". This is the Hungarian method on capacity-expanded columns
 * without expanding them: the c_j copies of a commissioner share one dual, so Dijkstra runs over
 * commissioners, and a full commissioner leads on to the requests he holds. Requests are added one at a
 * time; each addition is one Dijkstra on reduced costs (u_i + v_j − w_ij ≥ 0, a binary heap keyed by
 * (distance, commissioner index)) that stops as soon as the sink is settled, then the duals of the settled
 * nodes move by (D − distance). O(requests · pairs · log) worst case, far less in practice.
 *
 * Deterministic: requests are added in index order and every tie is broken by index; when leaving a
 * request unassigned ties with assigning it, it is assigned.
 */
export function solveOptimalAssignment(g: PairGraph): OptimalAssignment {
  const n = g.requests;
  const m = g.commissioners;
  const { rowStart, col, score, capacity } = g;
  let maxCap = 1;
  for (let j = 0; j < m; j++) {
    if (capacity[j]! > maxCap) {
      maxCap = capacity[j]!;
    }
  }

  const u = new Float64Array(n);
  const v = new Float64Array(m);
  const match = new Int32Array(n).fill(-1);
  const matchEdge = new Int32Array(n).fill(-1);
  const load = new Int32Array(m);
  const holders = new Int32Array(m * maxCap).fill(-1);

  // Per-search state, reset by bumping `epoch` instead of clearing.
  const dist = new Float64Array(m);
  const touched = new Int32Array(m);
  const settled = new Int32Array(m);
  const predRow = new Int32Array(m);
  const predEdge = new Int32Array(m);
  const settledCols = new Int32Array(m);
  const settledRows = new Int32Array(n);
  const settledRowDist = new Float64Array(n);
  const heapCap = col.length + 1;
  const heapKey = new Float64Array(heapCap);
  const heapId = new Int32Array(heapCap);
  let heapSize = 0;
  let epoch = 0;

  const less = (a: number, b: number): boolean =>
    heapKey[a]! < heapKey[b]! || (heapKey[a] === heapKey[b] && heapId[a]! < heapId[b]!);
  const swap = (a: number, b: number): void => {
    const k = heapKey[a]!;
    heapKey[a] = heapKey[b]!;
    heapKey[b] = k;
    const id = heapId[a]!;
    heapId[a] = heapId[b]!;
    heapId[b] = id;
  };
  const push = (key: number, id: number): void => {
    let x = heapSize++;
    heapKey[x] = key;
    heapId[x] = id;
    while (x > 0) {
      const p = (x - 1) >> 1;
      if (!less(x, p)) {
        break;
      }
      swap(x, p);
      x = p;
    }
  };
  const popTop = (): void => {
    heapSize--;
    if (heapSize === 0) {
      return;
    }
    heapKey[0] = heapKey[heapSize]!;
    heapId[0] = heapId[heapSize]!;
    let x = 0;
    for (;;) {
      const l = 2 * x + 1;
      if (l >= heapSize) {
        break;
      }
      const r = l + 1;
      const c = r < heapSize && less(r, l) ? r : l;
      if (!less(c, x)) {
        break;
      }
      swap(c, x);
      x = c;
    }
  };

  // Relax the arcs out of request `r`, reached at distance `base`.
  const relaxRow = (r: number, base: number): void => {
    const ur = u[r]!;
    const own = match[r]!;
    for (let e = rowStart[r]!, end = rowStart[r + 1]!; e < end; e++) {
      const j = col[e]!;
      if (settled[j] === epoch || j === own) {
        continue;
      }
      const d = base + ur + v[j]! - score[e]!;
      if (touched[j] !== epoch || d < dist[j]!) {
        touched[j] = epoch;
        dist[j] = d;
        predRow[j] = r;
        predEdge[j] = e;
        push(d, j);
      }
    }
  };

  for (let i = 0; i < n; i++) {
    epoch++;
    heapSize = 0;
    // Smallest dual that keeps every arc out of i reduced-cost ≥ 0 (and ≥ 0 itself: "unassigned" is worth 0).
    let ui = 0;
    for (let e = rowStart[i]!, end = rowStart[i + 1]!; e < end; e++) {
      const gain = score[e]! - v[col[e]!]!;
      if (gain > ui) {
        ui = gain;
      }
    }
    u[i] = ui;
    if (rowStart[i] === rowStart[i + 1]) {
      continue;
    }

    let nRows = 0;
    let nCols = 0;
    settledRows[nRows] = i;
    settledRowDist[nRows++] = 0;
    // Best way found so far to end the path by leaving a request unassigned: its distance and the request.
    let dropDist = ui;
    let dropRow = i;
    let endCol = -1;
    let D = 0;
    relaxRow(i, 0);

    while (heapSize > 0) {
      const d = heapKey[0]!;
      const j = heapId[0]!;
      popTop();
      if (settled[j] === epoch || d > dist[j]!) {
        continue; // stale entry
      }
      if (dropDist < d) {
        break;
      }
      settled[j] = epoch;
      settledCols[nCols++] = j;
      if (load[j]! < capacity[j]!) {
        endCol = j;
        D = d;
        break;
      }
      for (let s = j * maxCap, end = s + load[j]!; s < end; s++) {
        const k = holders[s]!;
        settledRows[nRows] = k;
        settledRowDist[nRows++] = d;
        const viaDrop = d + u[k]!;
        if (viaDrop < dropDist) {
          dropDist = viaDrop;
          dropRow = k;
        }
        relaxRow(k, d);
      }
    }
    if (endCol < 0) {
      D = dropDist;
    }

    // Move the duals of the settled nodes; this keeps every residual arc's reduced cost ≥ 0.
    for (let t = 0; t < nCols; t++) {
      const j = settledCols[t]!;
      const dj = dist[j]!;
      if (dj < D) {
        v[j] = v[j]! + (D - dj);
      }
    }
    for (let t = 0; t < nRows; t++) {
      const dk = settledRowDist[t]!;
      if (dk < D) {
        const k = settledRows[t]!;
        u[k] = u[k]! - (D - dk);
      }
    }

    // Augment along the path, walking back from its end.
    let j: number;
    let leaving: number;
    if (endCol >= 0) {
      j = endCol;
      leaving = -1;
    } else if (dropRow === i) {
      u[i] = 0;
      continue;
    } else {
      j = match[dropRow]!;
      leaving = dropRow;
      match[dropRow] = -1;
      matchEdge[dropRow] = -1;
      u[dropRow] = 0;
    }
    for (;;) {
      const r = predRow[j]!;
      const prev = match[r]!;
      const base = j * maxCap;
      if (leaving < 0) {
        holders[base + load[j]!] = r;
        load[j]!++;
      } else {
        let s = base;
        while (holders[s] !== leaving) {
          s++;
        }
        holders[s] = r;
      }
      match[r] = j;
      matchEdge[r] = predEdge[j]!;
      if (r === i) {
        break;
      }
      leaving = r;
      j = prev;
    }
  }

  let total = 0;
  let assigned = 0;
  for (let i = 0; i < n; i++) {
    if (match[i]! >= 0) {
      total += score[matchEdge[i]!]!;
      assigned++;
    }
  }
  return { commissionerOf: match, total, assigned, requestDual: u, commissionerDual: v };
}
