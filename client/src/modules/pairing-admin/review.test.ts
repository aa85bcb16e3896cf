import type { PairingRunPairView, PairingRunView } from '@kezhuan/shared';
import { describe, expect, it } from 'vitest';
import { applyEdit, filterPairs, isNewerRun, pageOf, runPercent, signed, stabilityOf } from './review';

const run = (over: Partial<PairingRunView> = {}): PairingRunView => ({
  id: 'r1', term: 2026, status: 'running',
  options: { weights: {}, regionRule: 'nearby', minScore: 20, algorithm: 'optimal' },
  progress: { stage: 'read', done: 0, total: 1 },
  inputs: { requests: 3, commissioners: 2, feasiblePairs: 4 },
  totals: { score: 0, pairs: 0, optimalScore: null, blockingPairs: null },
  timings: { readMs: 0, matrixMs: 0, solveMs: 0, storeMs: 0 },
  error: null, startedAt: '2026-12-06T00:00:00Z', finishedAt: null, ...over,
});
const pair = (id: string, request: string, score: number, city = '220100'): PairingRunPairView => ({
  id, request: { id: request, name: request, city, county: null }, commissioner: { id: `c${id}`, name: `C${id}` }, score, parts: [], manual: false,
});

describe('pairing review logic', () => {
  it('maps stages onto one bar that only reaches 100 when the run has finished', () => {
    expect(runPercent(run())).toBe(0);
    expect(runPercent(run({ progress: { stage: 'matrix', done: 50, total: 100 } }))).toBe(37);
    expect(runPercent(run({ progress: { stage: 'store', done: 10, total: 10 } }))).toBe(99);
    expect(runPercent(run({ progress: { stage: 'unknown', done: 0, total: 0 } }))).toBe(0);
    expect(runPercent(run({ status: 'proposed', progress: { stage: 'done', done: 1, total: 1 } }))).toBe(100);
  });

  it('never lets a late push take a finished run back to running, nor the bar backwards', () => {
    const solve = run({ progress: { stage: 'solve', done: 0, total: 1 } });
    expect(isNewerRun(solve, run({ progress: { stage: 'matrix', done: 1, total: 2 } }))).toBe(false);
    expect(isNewerRun(solve, run({ progress: { stage: 'store', done: 0, total: 5 } }))).toBe(true);
    expect(isNewerRun(run({ status: 'proposed' }), solve)).toBe(false);
    expect(isNewerRun(run({ status: 'proposed' }), run({ status: 'confirmed' }))).toBe(true);
    expect(isNewerRun(solve, run({ id: 'other', status: 'proposed' }))).toBe(false);
  });

  it('filters by city and score, pages, and applies swaps and removals', () => {
    const pairs = [pair('1', 'a', 90), pair('2', 'b', 60, '220200'), pair('3', 'c', 30)];
    expect(filterPairs(pairs, { city: '220100', minScore: 50 }).map((p) => p.id)).toEqual(['1']);
    expect(filterPairs(pairs, { city: '', minScore: 0 })).toHaveLength(3);
    // By part of the request's title or the commissioner's name, case and spaces aside.
    expect(filterPairs(pairs, { city: '', minScore: 0, q: ' B ' }).map((p) => p.id)).toEqual(['2']);
    expect(filterPairs(pairs, { city: '', minScore: 0, q: 'c3' }).map((p) => p.id)).toEqual(['3']);
    expect(filterPairs(pairs, { city: '', minScore: 0, q: 'nobody' })).toEqual([]);
    expect(pageOf([1, 2, 3, 4, 5], 2, 2)).toEqual([3, 4]);
    expect(applyEdit(pairs, { removed: '2', pair: null }).map((p) => p.id)).toEqual(['1', '3']);
    expect(applyEdit(pairs, { pair: pair('9', 'c', 95) }).map((p) => p.id)).toEqual(['9', '1', '2']);
  });

  it('gives the price of stability for stable runs only', () => {
    expect(stabilityOf(run())).toBeNull();
    const stable = run({ status: 'proposed', options: { weights: {}, regionRule: 'nearby', minScore: 20, algorithm: 'stable' }, totals: { score: 140.5, pairs: 2, optimalScore: 150, blockingPairs: 0 } });
    expect(stabilityOf(stable)).toEqual({ blocking: 0, optimal: 150, price: 9.5 });
    expect([signed(3.456), signed(-2), signed(0)]).toEqual(['+3.46', '−2', '0']);
  });
});
