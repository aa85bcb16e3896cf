import type { PlanTargetView } from '@kezhuan/shared';
import { describe, expect, it } from 'vitest';
import { cityOption, expectedShare, progressPercent, progressStatus, yearOption } from './progress';

const plan = { startYear: 2011, endYear: 2015 };
const target = (o: Partial<PlanTargetView> = {}): PlanTargetView => ({
  key: 'incubators', zh: '省级科技企业孵化器', en: 'Incubators', target: 20, periodTarget: 20, unitZh: '个', unitEn: 'incubators', counting: 'records',
  counter: null, perYear: false, source: 'manual', value: 0, byCity: {}, byYear: {}, ...o,
});

describe('plan progress', () => {
  it('measures against the target, one decimal, full once met', () => {
    expect(progressPercent(0, 50)).toBe(0);
    expect(progressPercent(17, 50)).toBe(34);
    expect(progressPercent(1, 3)).toBe(33.3);
    expect(progressPercent(120, 100)).toBe(100);
    expect(progressPercent(5, 0)).toBe(0);
  });

  it('knows how much of the period is due by a year', () => {
    expect(expectedShare(2011, 2015, 2010)).toBe(0);
    expect(expectedShare(2011, 2015, 2013)).toBeCloseTo(0.6);
    expect(expectedShare(2011, 2015, 2026)).toBe(1);
  });

  it('calls a target reached, on track, behind, missed or not started', () => {
    expect(progressStatus(target({ value: 20 }), plan, 2013)).toBe('reached');
    expect(progressStatus(target({ value: 11 }), plan, 2013)).toBe('on_track'); // 12 due, 90 % is 10.8
    expect(progressStatus(target({ value: 10 }), plan, 2013)).toBe('behind');
    expect(progressStatus(target({ value: 19 }), plan, 2016)).toBe('missed');
    expect(progressStatus(target({ value: 0 }), plan, 2011)).toBe('not_started');
  });

  it('charts the nine cities (Changchun on top) and the years stacked', () => {
    const t = target({ value: 6, byCity: { '220100': 4, '222400': 1, '-': 1 }, byYear: { '2011': 2, '2013': 4 } });
    const c = cityOption(t, 'zh', { count: '数量', unknown: '未注明' });
    expect(c.yAxis.data.at(-1)).toBe('长春市');
    expect(c.yAxis.data[0]).toBe('未注明');
    expect(c.yAxis.data).toHaveLength(10);
    expect(c.series[0]!.data.at(-1)).toBe(4);
    expect(cityOption(target(), 'en', { count: 'n', unknown: '?' }).yAxis.data).toHaveLength(9);
    const y = yearOption([t, target({ key: 'labs', en: 'Labs', byYear: { '2012': 3 } })], [2011, 2012, 2013], 'en');
    expect(y.series.map((s) => s.name)).toEqual(['Incubators', 'Labs']);
    expect(y.series[0]!.data).toEqual([2, 0, 4]);
    expect(y.series[1]!.stack).toBe('all');
  });
});
