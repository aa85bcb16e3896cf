/**
 * After recognition: the organisation's yearly report (the type's key figures), the
 * administrator's acceptance or return of it, and re-evaluation (pass / warning / revoke 撤销).
 */
import { CARRIER_FIGURES, CARRIER_PUBLIC_STATUSES, CARRIER_TYPE_INFO, type CarrierEvaluationInput, type CarrierReportInput, type CarrierReportReviewInput } from '@kezhuan/shared';
import { createError } from '../../lib/errors';
import { audit } from '../audit/audit.service';
import type { UserDoc } from '../users/user.model';
import { CarrierModel, type CarrierRecord } from './carrier.model';
import { mayActFor } from './carrier.policy';
import { beijingYear } from './carrier.rules';
import { loadCarrier, notNow, step, tellApplicant } from './carrier.service';

/** A member of the carrier's organisation submits (or, after a return, resubmits) the report of a year. */
export async function submitReport(user: UserDoc, id: string, input: CarrierReportInput, ip: string, now = new Date()): Promise<CarrierRecord> {
  const c = await loadCarrier(id);
  if (!mayActFor(user, c)) {
    throw createError('NOT_FOUND');
  }
  const allowed = new Set<string>(CARRIER_TYPE_INFO[c.type].figures);
  const fields = Object.keys(input.figures)
    .filter((k) => !allowed.has(k))
    .map((k) => ({ path: `body.figures.${k}`, code: 'custom', message: `${CARRIER_TYPE_INFO[c.type].zh}的年度报告不含“${CARRIER_FIGURES[k as keyof typeof CARRIER_FIGURES].zh}”`, messageEn: 'This figure is not part of this carrier type’s yearly report' }));
  const missing = [...allowed].filter((k) => input.figures[k as keyof typeof input.figures] === undefined);
  for (const k of missing) {
    fields.push({ path: `body.figures.${k}`, code: 'custom', message: '此项必填', messageEn: 'Required' });
  }
  if (input.year > beijingYear(now) || (c.recognisedYear !== null && input.year < c.recognisedYear)) {
    fields.push({ path: 'body.year', code: 'custom', message: '报告年度须在认定年度与今年之间', messageEn: 'The year must be between the year of recognition and this year' });
  }
  if (fields.length > 0) {
    throw createError('VALIDATION_FAILED', { fields });
  }
  const existing = c.reports.find((r) => r.year === input.year);
  if (existing && existing.status !== 'returned') {
    throw createError('CONFLICT', { message: `${input.year}年度报告已提交`, messageEn: `The ${input.year} report was already submitted` });
  }
  const report = { year: input.year, figures: input.figures, narrative: input.narrative, status: 'submitted', submittedAt: now, submittedBy: user._id, reviewNote: '' };
  const reports = [...c.reports.filter((r) => r.year !== input.year), report].sort((a, b) => b.year - a.year);
  // Guarded on the reports read: two members submitting at once cannot both pass.
  const updated = await CarrierModel.findOneAndUpdate(
    { _id: c._id, status: { $in: CARRIER_PUBLIC_STATUSES }, updatedAt: c.updatedAt },
    { $set: { reports, reportPending: true, lastReportYear: Math.max(c.lastReportYear, input.year) }, $push: { steps: step('report', user, now, String(input.year)) } },
    { returnDocument: 'after' },
  ).lean<CarrierRecord>();
  if (!updated) {
    throw notNow();
  }
  await audit({ action: 'carrier.report', actor: user._id, target: { kind: 'carrier', id }, detail: { year: input.year }, ip });
  return updated;
}

/** The administrator accepts a submitted report, or returns it with a reason (it no longer counts as in). */
export async function reviewReport(admin: UserDoc, id: string, year: number, input: CarrierReportReviewInput, ip: string, now = new Date()): Promise<CarrierRecord> {
  const c = await loadCarrier(id);
  const target = c.reports.find((r) => r.year === year && r.status === 'submitted');
  if (!target) {
    throw notNow();
  }
  const accept = input.decision === 'accept';
  const note = accept ? (input.note ?? '') : input.reason;
  const reports = c.reports.map((r) => (r.year === year ? { ...r, status: accept ? 'accepted' : 'returned', reviewNote: note } : r));
  const counted = reports.filter((r) => r.status !== 'returned').map((r) => r.year);
  const updated = await CarrierModel.findOneAndUpdate(
    { _id: c._id, updatedAt: c.updatedAt },
    {
      $set: { reports, reportPending: reports.some((r) => r.status === 'submitted'), lastReportYear: counted.length ? Math.max(...counted) : 0 },
      $push: { steps: step(accept ? 'report_accept' : 'report_return', admin, now, `${year} ${note}`.trim()) },
    },
    { returnDocument: 'after' },
  ).lean<CarrierRecord>();
  if (!updated) {
    throw notNow();
  }
  await audit({ action: accept ? 'carrier.report_accept' : 'carrier.report_return', actor: admin._id, target: { kind: 'carrier', id }, detail: { year, note }, ip });
  await tellApplicant(
    updated,
    accept ? `“${c.name}”${year}年度报告已通过` : `“${c.name}”${year}年度报告被退回修改`,
    accept ? `The ${year} report of “${c.name}” was accepted` : `The ${year} report of “${c.name}” was returned`,
    note,
    `carrier:${id}:report:${year}:${now.getTime()}`,
  );
  return updated;
}

/** Re-evaluation of a recognised (or warned) carrier: pass keeps or restores it, warning flags it, revoke ends it. */
export async function evaluateCarrier(admin: UserDoc, id: string, input: CarrierEvaluationInput, ip: string, now = new Date()): Promise<CarrierRecord> {
  const c = await loadCarrier(id);
  const status = ({ pass: 'recognised', warning: 'warning', revoke: 'revoked' } as const)[input.outcome];
  const note = input.outcome === 'pass' ? (input.note ?? '') : input.reason;
  const updated = await CarrierModel.findOneAndUpdate(
    { _id: c._id, status: { $in: CARRIER_PUBLIC_STATUSES } },
    { $set: { status, reviewReason: input.outcome === 'pass' ? null : note }, $push: { steps: step(`evaluate_${input.outcome}`, admin, now, note) } },
    { returnDocument: 'after' },
  ).lean<CarrierRecord>();
  if (!updated) {
    throw notNow();
  }
  await audit({ action: input.outcome === 'revoke' ? 'carrier.revoke' : 'carrier.evaluate', actor: admin._id, target: { kind: 'carrier', id }, detail: { outcome: input.outcome, note }, ip });
  const wording: Record<CarrierEvaluationInput['outcome'], [string, string]> = {
    pass: [`“${c.name}”复评通过`, `“${c.name}” passed re-evaluation`],
    warning: [`“${c.name}”复评结果：警告`, `“${c.name}” was warned at re-evaluation`],
    revoke: [`“${c.name}”的认定已撤销`, `The recognition of “${c.name}” was revoked`],
  };
  const words = wording[input.outcome];
  await tellApplicant(updated, words[0], words[1], note, `carrier:${id}:evaluate:${now.getTime()}`);
  return updated;
}
