import { describe, expect, it } from 'vitest';
import { barChartOption, targetPercent } from './summary';

const row = (key: string, commissioners: number, enterprises: number) => ({ key, commissioners, enterprises, activePairings: 1, confirmedHours: 2 });
const labels = { commissioners: '特派员', enterprises: '企业', activePairings: '配对' };

describe('programme dashboard logic', () => {
  it('measures against the 1,000 / 1,000 plan, full once met', () => {
    expect(targetPercent(0, 1000)).toBe(0);
    expect(targetPercent(123, 1000)).toBe(12.3);
    expect(targetPercent(1500, 1000)).toBe(100);
    expect(targetPercent(5, 0)).toBe(0);
  });

  it('charts the largest groups, named in the locale, largest at the top', () => {
    const opt = barChartOption([row('220200', 1, 1), row('220100', 5, 4), row('-', 0, 1)], 'city', 'zh', labels, 2);
    expect(opt.yAxis.data).toEqual(['吉林市', '长春市']); // category axes draw bottom-up
    expect(opt.series.map((s) => s.name)).toEqual(['特派员', '企业', '配对']);
    expect(opt.series[0]!.data).toEqual([1, 5]);
    expect(barChartOption([row('220102', 1, 1)], 'county', 'en', labels).yAxis.data).toEqual(['Nanguan District']);
  });
});
