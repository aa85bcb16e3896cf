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
