import { MinHeap } from './min-heap';
import type { Assignment, PairGraph } from './pair-graph';

/** The optimal assignment, with the LP duals that certify it (see `dualityCheck`). */
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
 * Deterministic: requests are added in index order and every tie is broken by index.
 */
export function solveOptimalAssignment(g: PairGraph): OptimalAssignment {
  const solver = new SuccessiveShortestPaths(g);
  for (let i = 0; i < g.requests; i++) {
    solver.addRequest(i);
  }
  return solver.result();
}

/** The solver's state; a class so that V8 optimises `addRequest` as a hot method from the first solve. */
class SuccessiveShortestPaths {
  private readonly g: PairGraph;
  private readonly maxCap: number;
  /** Duals: u per request, v per commissioner (the price of his last place). */
  private readonly u: Float64Array;
  private readonly v: Float64Array;
  private readonly match: Int32Array;
  private readonly matchEdge: Int32Array;
  private readonly load: Int32Array;
  /** The requests commissioner j holds: holders[j·maxCap …], load[j] of them. */
  private readonly holders: Int32Array;
  // Per-search state, reset by bumping `epoch` instead of clearing.
  private epoch = 0;
  private readonly dist: Float64Array;
  private readonly touched: Int32Array;
  private readonly settled: Int32Array;
  private readonly predRow: Int32Array;
  private readonly predEdge: Int32Array;
  private readonly settledCols: Int32Array;
  private readonly settledRows: Int32Array;
  private readonly settledRowDist: Float64Array;
  private readonly heap: MinHeap;
  /** Cheapest way found so far to end the current path by leaving a request unassigned, and that request. */
  private dropDist = 0;
  private dropRow = -1;

  constructor(g: PairGraph) {
    const n = g.requests;
    const m = g.commissioners;
    this.g = g;
    let maxCap = 1;
    for (let j = 0; j < m; j++) {
      maxCap = Math.max(maxCap, g.capacity[j]!);
    }
    this.maxCap = maxCap;
    this.u = new Float64Array(n);
    this.v = new Float64Array(m);
    this.match = new Int32Array(n).fill(-1);
    this.matchEdge = new Int32Array(n).fill(-1);
    this.load = new Int32Array(m);
    this.holders = new Int32Array(m * maxCap).fill(-1);
    this.dist = new Float64Array(m);
    this.touched = new Int32Array(m);
    this.settled = new Int32Array(m);
    this.predRow = new Int32Array(m);
    this.predEdge = new Int32Array(m);
    this.settledCols = new Int32Array(m);
    this.settledRows = new Int32Array(n);
    this.settledRowDist = new Float64Array(n);
    this.heap = new MinHeap(g.col.length + 1);
  }

  /** Adds request i to the optimal assignment of the requests before it, keeping it optimal. */
  addRequest(i: number): void {
    const { rowStart, col, score, capacity } = this.g;
    const { u, v, load } = this;
    // Smallest dual that keeps every arc out of i reduced-cost ≥ 0 (and ≥ 0 itself: "unassigned" is worth 0).
    let ui = 0;
    let bestEdge = -1;
    for (let e = rowStart[i]!, end = rowStart[i + 1]!; e < end; e++) {
      const gain = score[e]! - v[col[e]!]!;
      if (gain > ui) {
        ui = gain;
        bestEdge = e;
      }
    }
    u[i] = ui;
    // Fast path: the best commissioner at current prices has a free place (the search would settle him
    // first, at distance 0, the lowest index among ties, and stop there).
    const jBest = bestEdge >= 0 ? col[bestEdge]! : -1;
    if (jBest >= 0 && load[jBest]! < capacity[jBest]!) {
      this.holders[jBest * this.maxCap + load[jBest]!] = i;
      load[jBest]!++;
      this.match[i] = jBest;
      this.matchEdge[i] = bestEdge;
      return;
    }
    const end = this.shortestPath(i, ui);
    this.augment(i, end);
  }

  /**
   * Dijkstra from request i over reduced costs, stopped when the sink is settled; then moves the duals of
   * the settled nodes. Returns the commissioner with a free place the path ends at, or -1 when it ends by
   * leaving `dropRow` unassigned.
   */
  private shortestPath(i: number, ui: number): number {
    const { capacity } = this.g;
    const { dist, settled, load, holders, heap, u, v } = this;
    const epoch = ++this.epoch;
    heap.clear();
    let nRows = 0;
    let nCols = 0;
    this.settledRows[nRows] = i;
    this.settledRowDist[nRows++] = 0;
    this.dropDist = ui;
    this.dropRow = i;
    let endCol = -1;
    let D = 0;
    this.relaxRow(i, 0, epoch);
    while (heap.size > 0) {
      const d = heap.topKey();
      const j = heap.topId();
      heap.pop();
      if (settled[j] === epoch || d > dist[j]!) {
        continue; // stale entry
      }
      if (this.dropDist < d) {
        break;
      }
      settled[j] = epoch;
      this.settledCols[nCols++] = j;
      if (load[j]! < capacity[j]!) {
        endCol = j;
        D = d;
        break;
      }
      for (let s = j * this.maxCap, end = s + load[j]!; s < end; s++) {
        const k = holders[s]!;
        this.settledRows[nRows] = k;
        this.settledRowDist[nRows++] = d;
        const viaDrop = d + u[k]!;
        if (viaDrop < this.dropDist) {
          this.dropDist = viaDrop;
          this.dropRow = k;
        }
        this.relaxRow(k, d, epoch);
      }
    }
    if (endCol < 0) {
      D = this.dropDist;
    }
    // Move the duals of the settled nodes; this keeps every residual arc's reduced cost ≥ 0.
    for (let t = 0; t < nCols; t++) {
      const j = this.settledCols[t]!;
      const dj = dist[j]!;
      if (dj < D) {
        v[j] = v[j]! + (D - dj);
      }
    }
    for (let t = 0; t < nRows; t++) {
      const dk = this.settledRowDist[t]!;
      if (dk < D) {
        const k = this.settledRows[t]!;
        u[k] = u[k]! - (D - dk);
      }
    }
    return endCol;
  }

  /**
   * Relaxes the arcs out of request r, reached at distance `base`. Arcs reaching a commissioner farther
   * than leaving a request unassigned already costs can never be on the shortest path: not even pushed.
   */
  private relaxRow(r: number, base: number, epoch: number): void {
    const { rowStart, col, score } = this.g;
    const { dist, touched, settled, v, heap } = this;
    const ur = this.u[r]!;
    const own = this.match[r]!;
    const limit = this.dropDist;
    for (let e = rowStart[r]!, end = rowStart[r + 1]!; e < end; e++) {
      const j = col[e]!;
      if (settled[j] === epoch || j === own) {
        continue;
      }
      const d = base + ur + v[j]! - score[e]!;
      if (d > limit) {
        continue;
      }
      if (touched[j] !== epoch || d < dist[j]!) {
        touched[j] = epoch;
        dist[j] = d;
        this.predRow[j] = r;
        this.predEdge[j] = e;
        heap.push(d, j);
      }
    }
  }

  /** Flips the pairs along the path found, walking back from its end. */
  private augment(i: number, endCol: number): void {
    const { match, load, holders, maxCap } = this;
    let j: number;
    let leaving: number;
    if (endCol >= 0) {
      j = endCol;
      leaving = -1;
    } else if (this.dropRow === i) {
      this.u[i] = 0;
      return;
    } else {
      const k = this.dropRow;
      j = match[k]!;
      leaving = k;
      match[k] = -1;
      this.matchEdge[k] = -1;
      this.u[k] = 0;
    }
    for (;;) {
      const r = this.predRow[j]!;
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
      this.matchEdge[r] = this.predEdge[j]!;
      if (r === i) {
        return;
      }
      leaving = r;
      j = prev;
    }
  }

  result(): OptimalAssignment {
    const { score } = this.g;
    let total = 0;
    let assigned = 0;
    for (let i = 0; i < this.g.requests; i++) {
      if (this.match[i]! >= 0) {
        total += score[this.matchEdge[i]!]!;
        assigned++;
      }
    }
    return { commissionerOf: this.match, total, assigned, requestDual: this.u, commissionerDual: this.v };
  }
}
