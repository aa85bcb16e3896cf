import { describe, expect, it } from 'vitest';
import { currentTerm, termFromQuery } from './term';

describe('termFromQuery', () => {
  const now = new Date('2026-12-31T17:00:00Z'); // 2027-01-01 01:00 in China
  it('takes a linked term in range', () => {
    expect(termFromQuery('2028', now)).toBe(2028);
  });
  it('falls back to the current term in China', () => {
    expect(currentTerm(now)).toBe(2027);
    for (const v of [undefined, '', 'abc', '1999', '2101', ['2028'], '2028.5']) {
      expect(termFromQuery(v, now)).toBe(2027);
    }
  });
});
