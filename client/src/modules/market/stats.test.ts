import { describe, expect, it } from 'vitest';
import { groupBarOption, groupLabel, monthOption, stageOption } from './stats';

describe('market page charts', () => {
  it('names groups in the locale, "not given" for -', () => {
    expect(groupLabel('type', 'transfer', 'zh', '未填写')).toBe('技术转让');
    expect(groupLabel('city', '220100', 'en', 'Not given')).toBe('Changchun');
    expect(groupLabel('industry', '-', 'zh', '未填写')).toBe('未填写');
    expect(groupLabel('month', '2026-10', 'en', '')).toBe('2026-10');
  });

  it('bars the largest groups top down and plots months with hidden amounts as gaps', () => {
    const rows = [{ key: 'transfer', count: 5, amount: 1999 }, { key: 'consulting', count: 2, amount: null }];
    const bar = groupBarOption(rows, 'type', 'zh', { count: '合同数', notGiven: '未填写' });
    expect(bar.yAxis.data).toEqual(['技术咨询', '技术转让']);
    expect(bar.series[0]!.data).toEqual([2, 5]);
    const month = monthOption([{ key: '2026-09', count: 2, amount: null }, { key: '2026-11', count: 3, amount: 120999 }], { count: 'n', amount: 'a' });
    expect(month.series[1]!.data).toEqual([null, 120999]);
    expect(stageOption([{ stage: 'signing', count: 1 }], 'en').xAxis.data).toEqual(['Signing']);
  });
});
