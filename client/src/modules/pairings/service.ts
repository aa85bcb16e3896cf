import type { PairingServiceView, ServiceAgreementInput, ServiceEntryView } from '@kezhuan/shared';

/** `day` moved into the agreement's period (ISO dates compare as strings). */
export function clampDay(day: string, period: Pick<ServiceAgreementInput, 'startsOn' | 'endsOn'>): string {
  if (day < period.startsOn) {
    return period.startsOn;
  }
  return day > period.endsOn ? period.endsOn : day;
}

export interface EntryFormModel {
  date: string;
  hours: number | undefined;
  visit: boolean;
  problems: string;
  outcomes: string;
  result: string;
  need: string;
}

/** The body the API takes: empty links left out (the schema wants an id or nothing). */
export function entryBody(m: EntryFormModel): Record<string, unknown> {
  return {
    date: m.date, hours: m.hours, visit: m.visit, problems: m.problems, outcomes: m.outcomes,
    ...(m.result ? { result: m.result } : {}), ...(m.need ? { need: m.need } : {}),
  };
}

/**
 * The service after one entry was logged or reviewed, without a reload: the entry put in (newest
 * first) or replaced, and the totals recounted the way the server counts them (only confirmed
 * entries give hours and visits).
 */
export function withEntry(s: PairingServiceView, entry: ServiceEntryView): PairingServiceView {
  const known = s.entries.some((e) => e.id === entry.id);
  const entries = known ? s.entries.map((e) => (e.id === entry.id ? entry : e)) : [entry, ...s.entries].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const confirmed = entries.filter((e) => e.status === 'confirmed');
  return {
    ...s,
    entries,
    totals: {
      ...s.totals,
      confirmedHours: confirmed.reduce((n, e) => n + e.hours, 0),
      confirmedVisits: confirmed.filter((e) => e.visit).length,
      entries: entries.length,
      disputed: entries.filter((e) => e.status === 'disputed').length,
    },
  };
}
