import { describe, expect, it } from 'vitest';
import { reviewStats, scoreInput, weightedTotal } from './programme-review';

describe('review maths', () => {
  it('weights scores by the criteria', () => {
    expect(weightedTotal([{ name: 'a', weight: 40 }, { name: 'b', weight: 60 }], [{ criterion: 'a', score: 80 }, { criterion: 'b', score: 70 }])).toBe(74);
  });
  it('computes mean, spread, std dev and flags a score > 15 points from the median', () => {
    const s = reviewStats([80, 82, 78, 50]);
    expect(s).toMatchObject({ mean: 72.5, spread: 32 });
    expect(s.stdDev).toBe(13.1);
    expect(s.outliers).toEqual([false, false, false, true]);
    expect(reviewStats([84, 85, 50]).outliers).toEqual([false, false, true]);
    // 74.9 is 15.5 from the mean (59.4) the low score drags down, but close to the median 68.3.
    expect(reviewStats([74.9, 34.9, 68.3]).outliers).toEqual([false, true, false]);
    // Two scores: no outlier can be told apart.
    expect(reviewStats([90, 40]).outliers).toEqual([false, false]);
    expect(reviewStats([])).toMatchObject({ mean: null, spread: null });
  });
  it('refuses scores out of range and unknown fields', () => {
    expect(scoreInput.safeParse({ scores: [{ criterion: 'a', score: 101 }] }).success).toBe(false);
    expect(scoreInput.safeParse({ scores: [{ criterion: 'a', score: 2.5 }] }).success).toBe(false);
    expect(scoreInput.safeParse({ scores: [], $where: 1 }).success).toBe(false);
  });
});
