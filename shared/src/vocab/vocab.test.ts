import { describe, expect, it } from 'vitest';
import {
  DISCIPLINES,
  INDUSTRIES,
  MANUFACTURING_DIVISIONS,
  budgetBand,
  industrySection,
  ipNumberProblem,
  isValidPatentNumber,
  maturityForTrl,
  patentCheckChar,
  priceBand,
  trlRange,
} from './index';

describe('vocabularies', () => {
  it('has the 62 first-level disciplines of GB/T 13745-2009, codes unique, from 110 数学 to 910 统计学', () => {
    expect(DISCIPLINES).toHaveLength(62);
    expect(new Set(DISCIPLINES.map((d) => d.code)).size).toBe(62);
    expect(DISCIPLINES[0]).toMatchObject({ code: '110', zh: '数学' });
    expect(DISCIPLINES.at(-1)).toMatchObject({ code: '910', zh: '统计学' });
    expect(DISCIPLINES.find((d) => d.code === '520')?.zh).toBe('计算机科学技术');
  });

  it('has the 20 sections of GB/T 4754-2017 and the 31 manufacturing divisions 13–43', () => {
    expect(INDUSTRIES.filter((i) => i.code.length === 1).map((i) => i.code).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
    expect(MANUFACTURING_DIVISIONS.map((d) => Number(d.code.slice(1)))).toEqual(Array.from({ length: 31 }, (_, i) => 13 + i));
    expect(INDUSTRIES.find((i) => i.code === 'C36')?.zh).toBe('汽车制造业');
    expect(industrySection('C27')).toBe('C');
    expect(industrySection('M')).toBe('M');
  });

  it('maps TRL 1–9 onto the four maturity levels and back', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map(maturityForTrl)).toEqual([
      'lab', 'lab', 'lab', 'pilot_small', 'pilot_small', 'pilot', 'pilot', 'industrial', 'industrial',
    ]);
    expect(trlRange('pilot')).toEqual([6, 7]);
    expect(() => maturityForTrl(10)).toThrow(RangeError);
  });
});

describe('price bands', () => {
  it('puts each bound in the band above it, and null in negotiable', () => {
    expect(priceBand(0)).toBe('lt10w');
    expect(priceBand(99_999)).toBe('lt10w');
    expect(priceBand(100_000)).toBe('10w_50w');
    expect(priceBand(499_999.5)).toBe('10w_50w');
    expect(priceBand(500_000)).toBe('50w_100w');
    expect(priceBand(1_000_000)).toBe('100w_500w');
    expect(priceBand(5_000_000)).toBe('gt500w');
    expect(priceBand(3e9)).toBe('gt500w');
    expect(priceBand(null)).toBe('negotiable');
    expect(() => priceBand(-1)).toThrow(RangeError);
    expect(() => priceBand(Number.NaN)).toThrow(RangeError);
  });

  it('bands a budget by its upper bound, else its lower bound', () => {
    expect(budgetBand(300_000, 800_000)).toBe('50w_100w');
    expect(budgetBand(2_000_000, null)).toBe('100w_500w');
    expect(budgetBand(null, null)).toBe('negotiable');
  });
});

describe('IP numbers', () => {
  it('checks the patent check character (weights 2–9,2–5 mod 11, 10 is X)', () => {
    // Published examples: 201710601862.3 and granted ZL201410345054.1, ZL201380059792.3.
    expect(patentCheckChar('201710601862')).toBe('3');
    expect(isValidPatentNumber('201710601862.3')).toBe(true);
    expect(isValidPatentNumber('ZL201410345054.1')).toBe(true);
    expect(isValidPatentNumber('zl 2013 8 0059792.3')).toBe(true);
    expect(isValidPatentNumber('ZL201410345054.2')).toBe(false);
    expect(isValidPatentNumber('ZL20141034505.1')).toBe(false);
    const x = Array.from({ length: 1000 }, (_, i) => `2019100${String(i).padStart(5, '0')}`).find((d) => patentCheckChar(d) === 'X');
    expect(x && isValidPatentNumber(`${x}.X`)).toBe(true);
  });

  it('matches the type digit to the patent type, and knows other titles', () => {
    expect(ipNumberProblem('invention', 'ZL201410345054.1')).toBeNull();
    expect(ipNumberProblem('utility', 'ZL201410345054.1')).toBe('type_mismatch');
    expect(ipNumberProblem('utility', 'ZL201620406833.2')).toBeNull();
    expect(ipNumberProblem('invention', undefined)).toBe('required');
    expect(ipNumberProblem('software', '2019SR0123456')).toBeNull();
    expect(ipNumberProblem('software', 'SR123')).toBe('format');
    expect(ipNumberProblem('plant_variety', 'CNA20151234.5')).toBeNull();
    expect(ipNumberProblem('know_how', undefined)).toBeNull();
    expect(ipNumberProblem('know_how', '123')).toBe('not_allowed');
  });
});
