import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../i18n';
import { buildHit } from '../testing/fixtures';
import { hitAmount } from './hitAmount';

afterEach(() => {
  void setLocale('zh-CN', false);
});

describe('hitAmount', () => {
  it('shows a result’s price, or 面议', () => {
    expect(hitAmount(buildHit())).toBe('350 万元');
    expect(hitAmount(buildHit({ amount: null, band: 'negotiable' }))).toBe('面议');
  });

  it('shows a need’s budget range, or its band when the amounts are hidden', async () => {
    expect(hitAmount(buildHit({ kind: 'needs', amountMin: 500_000, amount: 2_000_000 }))).toBe('50 万元 – 200 万元');
    expect(hitAmount(buildHit({ kind: 'needs', amountMin: null, amount: null, band: '100w_500w' }))).toBe('100万–500万元');
    await setLocale('en', false);
    expect(hitAmount(buildHit({ kind: 'needs', amountMin: null, amount: null, band: 'negotiable' }))).toBe('Negotiable');
  });
});
