import type { PublicServiceSummaryView, PublicSummaryRow, ServiceSummaryRow, ServiceSummaryView } from '@kezhuan/shared';

/** Only the counts leave: no ratings (a city with one pairing would show one enterprise's rating), no ids, no names. */
const row = (r: ServiceSummaryRow): PublicSummaryRow => ({
  key: r.key,
  commissioners: r.commissioners,
  enterprises: r.enterprises,
  activePairings: r.activePairings,
  confirmedHours: r.confirmedHours,
});

/**
 * The public face of the programme summary (双千 page): aggregate counts by city and industry. The
 * county rows stay with the administrators (a county often holds a single enterprise).
 */
export function presentPublicSummary(s: ServiceSummaryView): PublicServiceSummaryView {
  return { term: s.term, target: { ...s.target }, total: row(s.total), byCity: s.byCity.map(row), byIndustry: s.byIndustry.map(row) };
}
