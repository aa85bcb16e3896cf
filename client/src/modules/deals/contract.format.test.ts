import { describe, expect, it } from 'vitest';
import { comparableHint, formatYuan, todayIso } from './contract.format';

describe('contract formatting', () => {
  it('writes yuan with separators and two decimals only when needed', () => {
    expect(formatYuan(1_250_000.5)).toBe('¥1,250,000.50');
    expect(formatYuan(800_000)).toBe('¥800,000');
  });

  it('hints figures from 3 contracts, only the count below', () => {
    expect(comparableHint({ type: 'transfer', basis: 'type', count: 2, amounts: null })).toEqual([{ key: 'dealContract.comparable.tooFew', params: { count: 2 } }]);
    expect(comparableHint({ type: 'transfer', basis: 'type', count: 0, amounts: null })).toEqual([{ key: 'dealContract.comparable.none', params: {} }]);
    const h = comparableHint({ type: 'transfer', basis: 'discipline_industry', count: 4, amounts: { min: 100, q1: 175, median: 250, q3: 325, max: 400 } });
    expect(h[0]).toEqual({ key: 'dealContract.comparable.figures', params: { count: 4, median: '¥250', q1: '¥175', q3: '¥325' } });
    expect(h[1]!.params).toEqual({ min: '¥100', max: '¥400' });
  });

  it('gives today as a calendar date', () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
