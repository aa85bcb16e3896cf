import { describe, expect, it } from 'vitest';
import { CITIES } from '../constants';
import { CITY_SEATS, COUNTIES, COUNTY_KINDS } from './jilin-divisions';
import {
  cityOfRegion,
  countiesOfCity,
  countyByCode,
  haversineKm,
  isJilinRegionCode,
  regionDistanceKm,
  regionSeat,
} from './distance';

const inJilinBox = (p: { lat: number; lon: number }) => p.lon >= 121.6 && p.lon <= 131.3 && p.lat >= 40.8 && p.lat <= 46.3;

describe('Jilin divisions', () => {
  it('lists the 60 county-level divisions, each under one of the 9 prefectures by its code prefix', () => {
    expect(COUNTIES).toHaveLength(60);
    const cityCodes = new Set<string>(CITIES.map((c) => c.code));
    for (const c of COUNTIES) {
      expect(c.code).toMatch(/^22\d{4}$/);
      expect(cityCodes.has(c.city)).toBe(true);
      expect(c.code.slice(0, 4)).toBe(c.city.slice(0, 4));
      expect(c.code).not.toBe(c.city);
      expect(COUNTY_KINDS).toContain(c.kind);
    }
    for (const city of CITIES) {
      expect(countiesOfCity(city.code).length).toBeGreaterThanOrEqual(4);
    }
    expect(countiesOfCity('222400').map((c) => c.zh)).toContain('延吉市');
    // 公主岭 moved from 四平 to 长春 in 2020 and took a 长春 code.
    expect(countyByCode('220184')?.zh).toBe('公主岭市');
    expect(countyByCode('220381')).toBeUndefined();
  });

  it('names and codes are unique, names match their kind', () => {
    for (const key of ['code', 'zh', 'en'] as const) {
      expect(new Set(COUNTIES.map((c) => c[key])).size).toBe(COUNTIES.length);
    }
    const suffix = { district: '区', county_city: '市', county: '县', autonomous_county: '自治县' } as const;
    for (const c of COUNTIES) {
      expect(c.zh.endsWith(suffix[c.kind])).toBe(true);
      expect(c.en).toMatch(/^[A-Z][A-Za-zü' ]+$/);
    }
    const counts = Object.fromEntries(COUNTY_KINDS.map((k) => [k, COUNTIES.filter((c) => c.kind === k).length]));
    expect(counts).toEqual({ district: 21, county_city: 20, county: 16, autonomous_county: 3 });
  });

  it('every seat lies inside Jilin and near its prefecture seat', () => {
    for (const city of CITIES) {
      expect(inJilinBox(CITY_SEATS[city.code])).toBe(true);
    }
    for (const c of COUNTIES) {
      expect(inJilinBox(c)).toBe(true);
      expect(Number.isInteger(Math.round(c.lat * 100)) && Math.abs(c.lat * 100 - Math.round(c.lat * 100)) < 1e-9).toBe(true);
      // No county seat is farther than ~250 km from its prefecture's seat (长白 from 白山 is the far one).
      expect(regionDistanceKm(c.code, c.city)).toBeLessThan(250);
    }
  });

  it('spot-checked seats agree with public reference coordinates within 5 km', () => {
    // 珲春 and 长白: their Wikipedia infoboxes (42.863, 130.366; 41.42, 128.2). The rest: a public
    // county-level table of Jilin (3 decimals) that agrees with ours everywhere but 抚松 (see below).
    const reference: Record<string, [number, number]> = {
      '222404': [42.863, 130.366], '220623': [41.42, 128.2], '222426': [43.112, 128.899], '220422': [42.926, 124.991],
      '220822': [44.812, 123.088], '220781': [44.986, 126.049], '220183': [44.521, 125.728], '220582': [41.126, 126.194],
      '220382': [43.518, 123.502], '220323': [43.344, 125.305], '220722': [44.276, 123.967], '222403': [43.373, 128.232],
    };
    for (const [code, [lat, lon]] of Object.entries(reference)) {
      expect(haversineKm(countyByCode(code)!, { lat, lon }), code).toBeLessThan(5);
    }
    // 抚松: ours is the old seat 抚松镇 (42.33, 127.28); that table has 42.22, 127.45 (~18 km off), near where
    // the county's new administrative centre (抚松新城) is said to be. Either way it stays inside 白山's reach.
    expect(regionDistanceKm('220621', '220600')).toBeLessThan(100);
  });

  it('existing city codes still resolve, and regions resolve to their prefecture', () => {
    for (const city of CITIES) {
      expect(isJilinRegionCode(city.code)).toBe(true);
      expect(cityOfRegion(city.code)).toBe(city.code);
      expect(regionSeat(city.code)).toBe(CITY_SEATS[city.code]);
    }
    expect(cityOfRegion('222404')).toBe('222400');
    expect(cityOfRegion('110101')).toBeUndefined();
    expect(isJilinRegionCode('220381')).toBe(false);
    expect(() => regionDistanceKm('220100', '999999')).toThrow(RangeError);
  });
});

describe('distances', () => {
  it('haversine matches known distances', () => {
    expect(haversineKm({ lat: 0, lon: 0 }, { lat: 0, lon: 1 })).toBeCloseTo(111.19, 1);
    expect(haversineKm({ lat: 43.82, lon: 125.32 }, { lat: 43.82, lon: 125.32 })).toBe(0);
  });

  it('regionDistanceKm works for city and county codes, symmetric, plausible', () => {
    // 长春 – 吉林 about 95–105 km as the crow flies; 长春 – 延吉 about 340 km; 珲春 – 白城 the width of the province.
    expect(regionDistanceKm('220100', '220200')).toBeGreaterThan(90);
    expect(regionDistanceKm('220100', '220200')).toBeLessThan(110);
    expect(regionDistanceKm('220100', '222401')).toBeGreaterThan(320);
    expect(regionDistanceKm('220100', '222401')).toBeLessThan(360);
    expect(regionDistanceKm('222404', '220802')).toBeGreaterThan(600);
    expect(regionDistanceKm('220102', '220100')).toBeLessThan(10);
    expect(regionDistanceKm('220102', '220102')).toBe(0);
    expect(regionDistanceKm('220284', '220102')).toBeCloseTo(regionDistanceKm('220102', '220284'), 9);
  });
});
