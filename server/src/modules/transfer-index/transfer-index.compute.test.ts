import { DEFAULT_TRANSFER_WEIGHTS, TRANSFER_INDICATOR_KEYS, transferIndexWeightsInput } from '@kezhuan/shared';
import { describe, expect, it } from 'vitest';
import { normalise, scoreInstitutions } from './transfer-index.compute';

const only = (key: string) => Object.fromEntries(TRANSFER_INDICATOR_KEYS.map((k) => [k, k === key ? 100 : 0])) as typeof DEFAULT_TRANSFER_WEIGHTS;

describe('transfer index formula', () => {
  it('normalises on a log share of the maximum, or a linear share; nothing when the max is 0', () => {
    expect(normalise(0, 10, 'log_share')).toBe(0);
    expect(normalise(10, 10, 'log_share')).toBe(1);
    expect(normalise(1, 3, 'log_share')).toBeCloseTo(0.5, 10);
    expect(normalise(25, 100, 'share')).toBe(0.25);
    expect(normalise(5, 0, 'share')).toBe(0);
  });

  it('sums weighted parts, shares ranks on equal scores and orders ties by name then id', () => {
    const rows = scoreInstitutions(
      [
        { org: 'b', name: '乙', raw: { results_listed: 1 } },
        { org: 'c', name: '丙', raw: { results_listed: 3 } },
        { org: 'a2', name: '甲', raw: { results_listed: 1 } },
        { org: 'a1', name: '甲', raw: { results_listed: 1 } },
        { org: 'z', name: '无', raw: {} },
      ],
      only('results_listed'),
    );
    expect(rows.map((r) => [r.facts.org, r.rank, r.score])).toEqual([['c', 1, 100], ['b', 2, 50], ['a1', 2, 50], ['a2', 2, 50], ['z', 5, 0]]);
    expect(rows[1]!.indicators.find((i) => i.key === 'results_listed')).toMatchObject({ raw: 1, normalised: 0.5, weight: 100, contribution: 50, rank: 2 });
  });

  it('default weights add up to 100 and pass the input schema', () => {
    expect(Object.values(DEFAULT_TRANSFER_WEIGHTS).reduce((s, v) => s + v, 0)).toBe(100);
    expect(transferIndexWeightsInput.safeParse({ weights: DEFAULT_TRANSFER_WEIGHTS }).success).toBe(true);
  });
});
