import { describe, expect, it } from 'vitest';
import { dualityCheck } from './certificate';
import { solveOptimalAssignment } from './optimal';
import { buildPairGraph, checkAssignment, pairGraphFromDense } from './pair-graph';
import { bruteForceBest, randomSmallGraph, tableGraph } from './testing';

describe('optimal assignment', () => {
  it('equals brute force on 3,000 random small instances, never breaking a constraint', () => {
    for (let seed = 1; seed <= 3000; seed++) {
      const g = randomSmallGraph(seed);
      const r = solveOptimalAssignment(g);
      const check = checkAssignment(g, r.commissionerOf);
      expect(check.problems, `seed ${seed}`).toEqual([]);
      expect(check.total).toBeCloseTo(r.total, 9);
      expect(r.total, `seed ${seed}`).toBeCloseTo(bruteForceBest(g), 9);
      const dual = dualityCheck(g, r);
      expect(dual.worstViolation, `seed ${seed}`).toBeLessThan(1e-9);
      expect(Math.abs(dual.gap), `seed ${seed}`).toBeLessThan(1e-9);
    }
  });

  it('reassigns instead of taking the greedy pair', () => {
    // Greedy takes (0, 0) = 10 and leaves request 1 with nothing; the optimum is 9 + 8 = 17.
    const g = tableGraph([[10, 9], [8, NaN]], [1, 1]);
    const r = solveOptimalAssignment(g);
    expect(Array.from(r.commissionerOf)).toEqual([1, 0]);
    expect(r.total).toBe(17);
  });

  it('leaves a request unassigned when that is better, and never uses a forbidden or under-minimum pair', () => {
    const g = buildPairGraph(3, [1, 2], (i, j) => [[-3, NaN], [40, 20], [NaN, 12]][i]![j]!, 15);
    const r = solveOptimalAssignment(g);
    expect(Array.from(r.commissionerOf)).toEqual([-1, 0, -1]);
    expect(r.total).toBe(40);
    const neg = tableGraph([[-1, -2]], [1, 1]);
    expect(Array.from(solveOptimalAssignment(neg).commissionerOf)).toEqual([-1]);
  });

  it('respects capacities: a commissioner of capacity 2 takes his two best of three', () => {
    const g = tableGraph([[5], [7], [6]], [2]);
    const r = solveOptimalAssignment(g);
    expect(Array.from(r.commissionerOf)).toEqual([-1, 0, 0]);
    expect(r.assigned).toBe(2);
  });

  it('is deterministic: the same input gives the same pairs, ties broken by index', () => {
    const g = tableGraph([[5, 5], [5, 5], [5, 5]], [1, 1]);
    expect(Array.from(solveOptimalAssignment(g).commissionerOf)).toEqual([0, 1, -1]);
    for (let seed = 1; seed <= 50; seed++) {
      const a = solveOptimalAssignment(randomSmallGraph(seed, 40, 20));
      const b = solveOptimalAssignment(randomSmallGraph(seed, 40, 20));
      expect(a.commissionerOf).toEqual(b.commissionerOf);
    }
  });

  it('is certified optimal by its duals on larger instances', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const g = randomSmallGraph(seed * 7919, 300, 150);
      const r = solveOptimalAssignment(g);
      expect(checkAssignment(g, r.commissionerOf).problems).toEqual([]);
      const dual = dualityCheck(g, r);
      expect(dual.worstViolation).toBeLessThan(1e-7);
      expect(Math.abs(dual.gap)).toBeLessThan(1e-7);
    }
  });

  it('builds the same graph from a dense matrix, dropping forbidden, under-minimum and capacity-0 pairs', () => {
    const g = pairGraphFromDense(new Float64Array([1, NaN, 3, 4, 5, 6]), 2, [1, 0, 2], 2);
    expect(Array.from(g.rowStart)).toEqual([0, 1, 3]);
    expect(Array.from(g.col)).toEqual([2, 0, 2]);
    expect(Array.from(g.score)).toEqual([3, 4, 6]);
    expect(() => pairGraphFromDense(new Float64Array(2), 1, [6, 1])).toThrow(RangeError);
  });
});
