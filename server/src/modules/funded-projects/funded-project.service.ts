/**
 * Funded projects followed to industrialisation: the lead organisation reports milestones and
 * yearly figures, the administrator accepts or returns each report (with a reason), and the lead
 * links the project to its own results, deals and pairings (funded-project.links).
 */
import type { MilestoneReportInput, ReportReviewInput, YearlyReportInput } from '@kezhuan/shared';
import { createError } from '../../lib/errors';
import { audit } from '../audit/audit.service';
import { chinaToday } from '../programmes/programme.dates';
import type { UserDoc } from '../users/user.model';
import { FundedProjectModel, type FundedProjectRecord } from './funded-project.model';
import { notifyOrgMembers } from './funded-project.notify';
import { assertLead, projectStanding } from './funded-project.policy';
import { isOverdue } from './funded-project.presenter';

const target = (id: unknown) => ({ kind: 'funded_project', id: String(id) });

export async function loadProject(id: string): Promise<FundedProjectRecord> {
  const doc = await FundedProjectModel.findById(id).lean<FundedProjectRecord>();
  if (!doc) {
    throw createError('NOT_FOUND');
  }
  return doc;
}

/** A project the caller may read (lead, partner, administrator — audited). */
export async function readProject(user: UserDoc, id: string, ip: string): Promise<FundedProjectRecord> {
  const doc = await loadProject(id);
  const s = projectStanding(user, doc);
  if (!s) {
    throw createError('NOT_FOUND');
  }
  if (s === 'admin') {
    await audit({ action: 'programme.project_view', actor: user._id, target: target(doc._id), ip });
  }
  return doc;
}

/** Keeps the derived fields (overdue count, completed) in step after a change. */
export async function refreshProject(id: unknown, now = new Date()): Promise<FundedProjectRecord> {
  const doc = (await FundedProjectModel.findById(id).lean<FundedProjectRecord>())!;
  const today = chinaToday(now);
  const overdueCount = doc.milestones.filter((m) => isOverdue(m, today)).length;
  const state = doc.milestones.length && doc.milestones.every((m) => m.state === 'accepted') ? 'completed' : 'active';
  if (overdueCount === doc.overdueCount && state === doc.state) {
    return doc;
  }
  return (await FundedProjectModel.findByIdAndUpdate(id, { $set: { overdueCount, state } }, { returnDocument: 'after' }).lean<FundedProjectRecord>())!;
}

const stateError = (message: string, messageEn: string) => createError('INVALID_STATE', { message, messageEn });

/** The lead reports a pending (or returned) milestone: actual value, date, evidence. */
export async function reportMilestone(user: UserDoc, id: string, mid: string, input: MilestoneReportInput, ip: string, now = new Date()): Promise<FundedProjectRecord> {
  const doc = await loadProject(id);
  assertLead(user, doc);
  if (!doc.milestones.some((m) => String(m._id) === mid)) {
    throw createError('NOT_FOUND');
  }
  const report = { ...input, state: 'submitted', reason: null, at: now, by: user._id };
  const res = await FundedProjectModel.updateOne(
    { _id: doc._id, milestones: { $elemMatch: { _id: mid, state: 'pending' } } },
    { $set: { 'milestones.$.state': 'reported', 'milestones.$.report': report } },
  );
  if (res.modifiedCount !== 1) {
    throw stateError('该里程碑已报告或已验收', 'The milestone is already reported or accepted');
  }
  await audit({ action: 'programme.milestone_report', actor: user._id, target: target(id), detail: { milestone: mid, actual: input.actual }, ip });
  return refreshProject(doc._id, now);
}

/** The administrator accepts a reported milestone, or returns it with a reason (back to pending). */
export async function reviewMilestone(admin: UserDoc, id: string, mid: string, input: ReportReviewInput, ip: string, now = new Date()): Promise<FundedProjectRecord> {
  const doc = await loadProject(id);
  const m = doc.milestones.find((x) => String(x._id) === mid);
  if (!m) {
    throw createError('NOT_FOUND');
  }
  const accept = input.decision === 'accept';
  const reason = input.decision === 'return' ? input.reason : null;
  const res = await FundedProjectModel.updateOne(
    { _id: doc._id, milestones: { $elemMatch: { _id: mid, state: 'reported' } } },
    { $set: { 'milestones.$.state': accept ? 'accepted' : 'pending', 'milestones.$.report.state': accept ? 'accepted' : 'returned', 'milestones.$.report.reason': reason } },
  );
  if (res.modifiedCount !== 1) {
    throw stateError('只有已报告的里程碑可以验收', 'Only reported milestones can be reviewed');
  }
  await audit({ action: accept ? 'programme.milestone_accept' : 'programme.milestone_return', actor: admin._id, target: target(id), detail: { milestone: mid, ...(reason ? { reason } : {}) }, ip });
  await notifyOrgMembers(doc.org, {
    kind: 'programme.project',
    key: `programme.milestone:${mid}:${now.getTime()}`,
    title: accept ? `项目 ${doc.number} 的里程碑“${m.name}”已通过验收` : `项目 ${doc.number} 的里程碑“${m.name}”报告被退回`,
    titleEn: accept ? `Milestone "${m.name}" of project ${doc.number} was accepted` : `The report on milestone "${m.name}" of project ${doc.number} was returned`,
    body: reason ?? '',
    bodyEn: reason ?? '',
    link: `/projects/${id}`,
  });
  return refreshProject(doc._id, now);
}

/** The lead's yearly report (one per year, from the project's year to this year; a returned one may be replaced). */
export async function submitYearlyReport(user: UserDoc, id: string, input: YearlyReportInput, ip: string, now = new Date()): Promise<FundedProjectRecord> {
  const doc = await loadProject(id);
  assertLead(user, doc);
  const thisYear = Number(chinaToday(now).slice(0, 4));
  if (input.year < doc.year || input.year > thisYear) {
    throw createError('VALIDATION_FAILED', { fields: [{ path: 'body.year', code: 'range', message: `年度须在 ${doc.year} 至 ${thisYear} 之间`, messageEn: `The year must be between ${doc.year} and ${thisYear}` }] });
  }
  const report = { ...input, state: 'submitted', reason: null, at: now, by: user._id };
  const existing = doc.yearlyReports.find((r) => r.year === input.year);
  const res = existing
    ? await FundedProjectModel.updateOne({ _id: doc._id, yearlyReports: { $elemMatch: { year: input.year, state: 'returned' } } }, { $set: { 'yearlyReports.$': report } })
    : await FundedProjectModel.updateOne({ _id: doc._id, 'yearlyReports.year': { $ne: input.year } }, { $push: { yearlyReports: report } });
  if (res.modifiedCount !== 1) {
    throw stateError('该年度报告已提交', 'The report for that year is already filed');
  }
  await audit({ action: 'programme.yearly_report', actor: user._id, target: target(id), detail: { year: input.year }, ip });
  return loadProject(id);
}

/** The administrator accepts or returns a submitted yearly report. */
export async function reviewYearlyReport(admin: UserDoc, id: string, year: number, input: ReportReviewInput, ip: string, now = new Date()): Promise<FundedProjectRecord> {
  const doc = await loadProject(id);
  const accept = input.decision === 'accept';
  const reason = input.decision === 'return' ? input.reason : null;
  const res = await FundedProjectModel.updateOne(
    { _id: doc._id, yearlyReports: { $elemMatch: { year, state: 'submitted' } } },
    { $set: { 'yearlyReports.$.state': accept ? 'accepted' : 'returned', 'yearlyReports.$.reason': reason } },
  );
  if (res.modifiedCount !== 1) {
    throw stateError('没有待审的该年度报告', 'No submitted report for that year');
  }
  await audit({ action: accept ? 'programme.yearly_accept' : 'programme.yearly_return', actor: admin._id, target: target(id), detail: { year, ...(reason ? { reason } : {}) }, ip });
  await notifyOrgMembers(doc.org, {
    kind: 'programme.project',
    key: `programme.yearly:${id}:${year}:${now.getTime()}`,
    title: accept ? `项目 ${doc.number} 的 ${year} 年度报告已通过` : `项目 ${doc.number} 的 ${year} 年度报告被退回`,
    titleEn: accept ? `The ${year} report of project ${doc.number} was accepted` : `The ${year} report of project ${doc.number} was returned`,
    body: reason ?? '',
    bodyEn: reason ?? '',
    link: `/projects/${id}`,
  });
  return loadProject(id);
}
