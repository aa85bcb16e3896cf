import type { PlanEntryView, PlanSummaryView } from '@kezhuan/shared';
import type { PlanEntryRecord, PlanRecord } from './plan.model';

export function presentPlanSummary(p: PlanRecord): PlanSummaryView {
  return { code: p.code, titleZh: p.titleZh, titleEn: p.titleEn, startYear: p.startYear, endYear: p.endYear, source: p.source };
}

/** An entry for administrators: figures, evidence, who changed it last (by name) and its history. */
export function presentEntry(e: PlanEntryRecord, names: ReadonlyMap<string, string>): PlanEntryView {
  const name = (id: unknown) => (id ? names.get(String(id)) ?? null : null);
  return {
    id: String(e._id),
    target: e.target,
    city: e.city,
    year: e.year,
    count: e.count,
    evidence: e.evidence,
    evidenceUrl: e.evidenceUrl ?? null,
    updatedAt: e.updatedAt.toISOString(),
    updatedBy: name(e.updatedBy),
    history: (e.history ?? []).map((h) => ({
      at: h.at.toISOString(), by: name(h.by), count: h.count, evidence: h.evidence, evidenceUrl: h.evidenceUrl ?? null, reason: h.reason ?? null,
    })),
  };
}
