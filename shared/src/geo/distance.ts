import { CITIES, type CityCode } from '../constants';
import { CITY_SEATS, COUNTIES, type CountyDivision, type GeoPoint } from './jilin-divisions';

const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;

/** Great-circle distance between two WGS84 points, in km (haversine, mean Earth radius). */
export function haversineKm(a: GeoPoint, b: GeoPoint): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLon = (b.lon - a.lon) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

const COUNTY_BY_CODE: ReadonlyMap<string, CountyDivision> = new Map(COUNTIES.map((c) => [c.code, c]));
const CITY_CODE_SET: ReadonlySet<string> = new Set(CITIES.map((c) => c.code));

/** The county-level division with this GB/T 2260 code, if it is one of Jilin's. */
export function countyByCode(code: string): CountyDivision | undefined {
  return COUNTY_BY_CODE.get(code);
}

/** The county-level divisions of one prefecture, in code order. */
export function countiesOfCity(city: CityCode): CountyDivision[] {
  return COUNTIES.filter((c) => c.city === city);
}

/** True for a prefecture code (`CITIES`) or a county code (`COUNTIES`). */
export function isJilinRegionCode(code: string): boolean {
  return CITY_CODE_SET.has(code) || COUNTY_BY_CODE.has(code);
}

/** The prefecture a city or county code belongs to, or undefined when the code is not Jilin's. */
export function cityOfRegion(code: string): CityCode | undefined {
  if (CITY_CODE_SET.has(code)) {
    return code as CityCode;
  }
  return COUNTY_BY_CODE.get(code)?.city;
}

/** The seat of a city (its government) or county. Throws a RangeError for a code that is neither. */
export function regionSeat(code: string): GeoPoint {
  const county = COUNTY_BY_CODE.get(code);
  if (county) {
    return county;
  }
  if (CITY_CODE_SET.has(code)) {
    return CITY_SEATS[code as CityCode];
  }
  throw new RangeError(`Not a Jilin city or county code: ${code}`);
}

/**
 * Distance in km between the seats of two regions, each a city or a county code (a city stands for its
 * seat, so 长春市 to 南关区 is a few km, not 0). Throws a RangeError for an unknown code.
 */
export function regionDistanceKm(a: string, b: string): number {
  return a === b ? 0 : haversineKm(regionSeat(a), regionSeat(b));
}
