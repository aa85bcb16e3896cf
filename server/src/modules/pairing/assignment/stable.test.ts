import { describe, expect, it } from 'vitest';
import { solveOptimalAssignment } from './optimal';
import { checkAssignment } from './pair-graph';
import { countBlockingPairs, solveStableMatching } from './stable';
import { bruteForceBest, randomSmallGraph, tableGraph } from './testing';

describe('stable matching', () => {
  it('has no blocking pair, breaks no constraint and never beats the optimum (2,000 random instances)', () => {
    for (let seed = 1; seed <= 2000; seed++) {
      const g = randomSmallGraph(seed, seed % 10 === 0 ? 60 : 6, seed % 10 === 0 ? 25 : 4);
      const s = solveStableMatching(g);
      const check = checkAssignment(g, s.commissionerOf);
      expect(check.problems, `seed ${seed}`).toEqual([]);
      expect(check.total).toBeCloseTo(s.total, 9);
      expect(countBlockingPairs(g, s.commissionerOf), `seed ${seed}`).toBe(0);
      const best = seed % 10 === 0 ? solveOptimalAssignment(g).total : bruteForceBest(g);
      expect(s.total).toBeLessThanOrEqual(best + 1e-9);
    }
  });

  it('detects the blocking pairs of a hand-made unstable matching', () => {
    // Request 0 likes commissioner 0 best (9), request 1 likes commissioner 1 best (8), and each
    // commissioner likes that request best too: pairing them crosswise leaves two blocking pairs.
    const g = tableGraph([[9, 5], [4, 8]], [1, 1]);
    expect(countBlockingPairs(g, new Int32Array([1, 0]))).toBe(2);
    expect(countBlockingPairs(g, new Int32Array([0, 1]))).toBe(0);
    // An unassigned request and a commissioner with a free place block too.
    expect(countBlockingPairs(g, new Int32Array([0, -1]))).toBe(1);
    expect(Array.from(solveStableMatching(g).commissionerOf)).toEqual([0, 1]);
  });

  it('shows the price of stability where the optimum is unstable', () => {
    // Stable: request 0 takes commissioner 0 (10), request 1 is left out → 10. Optimal: 9 + 8 = 17.
    const g = tableGraph([[10, 9], [8, NaN]], [1, 1]);
    const s = solveStableMatching(g);
    expect(Array.from(s.commissionerOf)).toEqual([0, -1]);
    expect(s.total).toBe(10);
    const o = solveOptimalAssignment(g);
    expect(o.total).toBe(17);
    expect(countBlockingPairs(g, o.commissionerOf)).toBe(1);
  });

  it('lets a commissioner of capacity 2 hold his two best proposals, ties by lower request index', () => {
    const g = tableGraph([[5], [7], [5]], [2]);
    expect(Array.from(solveStableMatching(g).commissionerOf)).toEqual([0, 0, -1]);
  });
});

/** Textbook deferred acceptance with fully sorted preference lists, to check the lazy one against. */
function referenceStable(g: ReturnType<typeof randomSmallGraph>): number[] {
  const prefs = Array.from({ length: g.requests }, (_, i) => {
    const es = [];
    for (let e = g.rowStart[i]!; e < g.rowStart[i + 1]!; e++) {
      es.push(e);
    }
    return es.sort((a, b) => g.score[b]! - g.score[a]! || g.col[a]! - g.col[b]!);
  });
  const next = new Array<number>(g.requests).fill(0);
  const match = new Array<number>(g.requests).fill(-1);
  const scoreOf = new Array<number>(g.requests).fill(0);
  const held: number[][] = Array.from({ length: g.commissioners }, () => []);
  const free = Array.from({ length: g.requests }, (_, i) => i);
  while (free.length > 0) {
    const i = free.pop()!;
    if (next[i]! >= prefs[i]!.length) {
      continue;
    }
    const e = prefs[i]![next[i]!++]!;
    const j = g.col[e]!;
    match[i] = j;
    scoreOf[i] = g.score[e]!;
    held[j]!.push(i);
    held[j]!.sort((a, b) => scoreOf[b]! - scoreOf[a]! || a - b);
    if (held[j]!.length > g.capacity[j]!) {
      const out = held[j]!.pop()!;
      match[out] = -1;
      free.push(out);
    }
  }
  return match;
}

describe('stable matching against a textbook implementation', () => {
  it('gives the same (request-optimal, hence unique) matching, including for requests rejected many times', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const g = randomSmallGraph(seed * 31, 120, 30);
      expect(Array.from(solveStableMatching(g).commissionerOf), `seed ${seed}`).toEqual(referenceStable(g));
    }
  });
});
