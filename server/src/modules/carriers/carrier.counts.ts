/**
 * The registry's counts for the plan-target dashboard (#15): carriers recognised and not revoked
 * (recognised or warned), by city and year of recognition. One projected scan of the public
 * carriers of a type on {type, status, recognisedOn}.
 */
import { CARRIER_PUBLIC_STATUSES, CARRIER_TYPES, type CarrierCountRow, type CarrierType, type CityCode } from '@kezhuan/shared';
import { CarrierModel } from './carrier.model';

/** The public carriers of some types, recognised (what the counts read; its plan is checked in query-plans). */
export function countsQuery(type?: CarrierType) {
  return { filter: { type: { $in: type ? [type] : [...CARRIER_TYPES] }, status: { $in: CARRIER_PUBLIC_STATUSES }, recognisedOn: { $ne: null } } };
}

/** Recognised, not revoked carriers (of one type, or all) as `{ city, year, count }`, by city then year. */
export async function countCarriers(q: { type?: CarrierType } = {}): Promise<CarrierCountRow[]> {
  const counts = new Map<string, CarrierCountRow>();
  const docs = await CarrierModel.find(countsQuery(q.type).filter, { city: 1, recognisedYear: 1, _id: 0 }).lean<{ city: CityCode; recognisedYear: number }[]>();
  for (const d of docs) {
    const key = `${d.city}|${d.recognisedYear}`;
    const row = counts.get(key) ?? { city: d.city, year: d.recognisedYear, count: 0 };
    row.count += 1;
    counts.set(key, row);
  }
  return [...counts.values()].sort((a, b) => a.city.localeCompare(b.city) || a.year - b.year);
}
