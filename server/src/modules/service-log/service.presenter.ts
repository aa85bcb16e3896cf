import type { PairingServiceView, ServiceEntryView, ServiceTotalsView } from '@kezhuan/shared';
import type { ServiceAgreementRecord, ServiceEntryRecord } from './service.model';

export function presentEntry(e: ServiceEntryRecord): ServiceEntryView {
  return {
    id: String(e._id), date: e.date, hours: e.hours, visit: e.visit, problems: e.problems, outcomes: e.outcomes,
    result: e.result ? String(e.result) : null, need: e.need ? String(e.need) : null,
    status: e.status, reason: e.reason ?? null, createdAt: e.createdAt.toISOString(),
    attachments: (e.attachments ?? []).map((a) => ({ key: a.key, name: a.name, size: a.size, mime: a.mime, uploadedAt: a.uploadedAt.toISOString() })),
  };
}

/** Only confirmed entries count toward hours and visits. */
export function serviceTotals(entries: readonly ServiceEntryRecord[], agreement: ServiceAgreementRecord | null): ServiceTotalsView {
  const confirmed = entries.filter((e) => e.status === 'confirmed');
  const r = agreement?.rating ?? null;
  return {
    confirmedHours: confirmed.reduce((s, e) => s + e.hours, 0),
    confirmedVisits: confirmed.filter((e) => e.visit).length,
    entries: entries.length,
    disputed: entries.filter((e) => e.status === 'disputed').length,
    rating: r ? { score: r.score, comment: r.comment ?? null, at: r.at.toISOString() } : null,
  };
}

/** Who the page is about and which sides the caller stands for. */
export type ServiceHeading = Pick<PairingServiceView, 'term' | 'title' | 'enterprise' | 'commissioner' | 'sides'>;

export function presentService(pairing: string, heading: ServiceHeading, agreement: ServiceAgreementRecord | null, entries: ServiceEntryRecord[]): PairingServiceView {
  return {
    pairing,
    ...heading,
    agreement: agreement
      ? {
          status: agreement.status, goals: agreement.goals, plannedVisits: agreement.plannedVisits, plannedHours: agreement.plannedHours,
          startsOn: agreement.startsOn, endsOn: agreement.endsOn, confirmedAt: agreement.confirmedAt?.toISOString() ?? null,
        }
      : null,
    entries: entries.map(presentEntry),
    totals: serviceTotals(entries, agreement),
  };
}
