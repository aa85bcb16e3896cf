import { describe, expect, it } from 'vitest';
import { categoryLabel, openingSummary, priceText, weeklyGrid } from './labels';

const workdays = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, from: '08:30', to: '11:30' },
  { weekday, from: '13:30', to: '17:00' },
]);

describe('instrument labels', () => {
  it('names categories and prices in both languages', () => {
    expect(categoryLabel('analytical', 'zh-CN')).toBe('分析仪器');
    expect(categoryLabel('laser', 'en')).toBe('Lasers');
    expect(priceText({ unit: 'hour', amount: 1200 }, 'zh-CN')).toBe('¥1,200 / 机时');
    expect(priceText({ unit: 'sample', amount: 80 }, 'en')).toBe('¥80 / sample');
  });

  it('sums up opening hours: equal consecutive days as one range, others apart, round the clock as all day', () => {
    expect(openingSummary([...workdays, { weekday: 6, from: '09:00', to: '16:00' }], 'zh-CN')).toBe('周一至周五 08:30–11:30、13:30–17:00；周六 09:00–16:00');
    expect(openingSummary([{ weekday: 4, from: '08:30', to: '12:00' }, { weekday: 2, from: '08:30', to: '12:00' }], 'en')).toBe('Tue 08:30–12:00; Thu 08:30–12:00');
    expect(openingSummary([1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, from: '00:00', to: '24:00' })), 'zh-CN')).toBe('周一至周日 全天');
    expect(openingSummary([], 'zh-CN')).toBe('');
  });

  it('lays the week out hour by hour, an hour open when a window covers part of it', () => {
    const grid = weeklyGrid(workdays);
    expect(grid.hours).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16]);
    expect(grid.open(1, 8)).toBe(true); // 08:30–09:00
    expect(grid.open(1, 12)).toBe(false); // lunch
    expect(grid.open(1, 13)).toBe(true);
    expect(grid.open(6, 10)).toBe(false);
    expect(weeklyGrid([]).hours).toEqual([]);
  });
});

describe('instrument search facets', () => {
  it('lists values most first and keeps a selected value the counts lost', async () => {
    const { facetOptions, listParam } = await import('./labels');
    expect(facetOptions({ '220100': 3, '220200': 5 }, ['222400'], (v) => `c${v}`)).toEqual([
      { value: '220200', label: 'c220200', count: 5 },
      { value: '220100', label: 'c220100', count: 3 },
      { value: '222400', label: 'c222400', count: 0 },
    ]);
    expect(listParam(['a', null, ''])).toEqual(['a']);
    expect(listParam('x')).toEqual(['x']);
    expect(listParam(undefined)).toEqual([]);
  });
});
