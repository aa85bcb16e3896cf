/** Pure rules of the carrier registry: derived fields, the year of a date, the yearly report due. */
import { CARRIER_PUBLIC_STATUSES, type CarrierDetails, type CarrierStatus, type CityCode } from '@kezhuan/shared';

/** The calendar year of a date in Beijing time (UTC+8): a recognition on 1 January counts in that year. */
export function beijingYear(d: Date): number {
  return new Date(d.getTime() + 8 * 3600_000).getUTCFullYear();
}

/** Yearly reports for year Y are due by 31 March of Y+1. */
export const REPORT_DUE = { month: 3, day: 31 } as const;

/** The latest year whose report is already due at `now`. */
export function dueReportYear(now: Date): number {
  const year = beijingYear(now);
  const shifted = new Date(now.getTime() + 8 * 3600_000);
  const pastDue = shifted.getUTCMonth() + 1 > REPORT_DUE.month;
  return pastDue ? year - 1 : year - 2;
}

/** The year whose report is due and missing, or null (only public carriers recognised by then report). */
export function overdueYear(c: { status: CarrierStatus; recognisedYear: number | null; lastReportYear: number }, now: Date): number | null {
  const due = dueReportYear(now);
  if (!CARRIER_PUBLIC_STATUSES.includes(c.status) || c.recognisedYear === null || c.recognisedYear > due) {
    return null;
  }
  return c.lastReportYear >= due ? null : due;
}

/** Organisations the details name, with their role on the carrier page. */
export function namedOrgs(details: CarrierDetails): { id: string; role: 'member' | 'enterprise' | 'tenant' }[] {
  switch (details.type) {
    case 'alliance':
      return details.members.map((id) => ({ id, role: 'member' as const }));
    case 'industry_base':
      return details.enterprises.map((id) => ({ id, role: 'enterprise' as const }));
    case 'incubator':
      return details.tenants.map((id) => ({ id, role: 'tenant' as const }));
    case 'innovative_enterprise':
    case 'innovation_centre':
    case 'key_lab':
    case 'academician_workstation':
    case 'talent':
      return [];
  }
}

/** The directory's city (a base's own, else the organisation's) and industry. */
export function placeOf(details: CarrierDetails, orgCity: CityCode): { city: CityCode; industry: string | null } {
  const city = details.type === 'industry_base' ? details.city : orgCity;
  const industry = 'industry' in details ? details.industry : null;
  return { city, industry };
}
