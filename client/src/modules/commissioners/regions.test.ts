import { describe, expect, it } from 'vitest';
import { chosenIn, regionGroups, regionSummary, setCityCounties, setWholeCity } from './regions';

const CHANGCHUN = '220100';
const YANBIAN = '222400';

describe('commissioner region picker logic', () => {
  it('lists the nine divisions with their counties (60 in all)', () => {
    const groups = regionGroups('zh-CN');
    expect(groups).toHaveLength(9);
    expect(groups.reduce((n, g) => n + g.counties.length, 0)).toBe(60);
    expect(groups[0]?.label).toBe('长春市');
    expect(regionGroups('en')[0]?.label).toMatch(/Changchun/);
  });

  it('checking a whole city drops the counties of that city only', () => {
    const sel = { cities: [], counties: ['220122', '222401'] }; // 农安县, 延吉市
    const next = setWholeCity(sel, CHANGCHUN, true);
    expect(next).toEqual({ cities: [CHANGCHUN], counties: ['222401'] });
    expect(chosenIn(next, CHANGCHUN)).toBe('all');
    expect(chosenIn(next, YANBIAN)).toBe(1);
    expect(setWholeCity(next, CHANGCHUN, false)).toEqual({ cities: [], counties: ['222401'] });
  });

  it('sets the counties of one city without touching another', () => {
    const sel = { cities: [], counties: ['222401'] };
    const next = setCityCounties(sel, CHANGCHUN, ['220122', '220112']);
    expect(next.counties.sort()).toEqual(['220112', '220122', '222401']);
    expect(setCityCounties(next, CHANGCHUN, []).counties).toEqual(['222401']);
  });

  it('summarises in vocabulary order with the whole-city suffix', () => {
    const sel = { cities: [YANBIAN], counties: ['220122'] };
    expect(regionSummary(sel, 'zh-CN', '（全市）')).toEqual(['农安县', '延边朝鲜族自治州（全市）']);
  });
});
