/**
 * Applications: drafted by approved members of an organisation (the lead), edited while draft or
 * returned, submitted before the call closes when eligible and complete, then formally checked by
 * the administrator (accepted, or returned with reasons per field).
 */
import { budgetTotals, type ApplicationInput, type EligibilityView, type FieldError, type FormalCheckInput } from '@kezhuan/shared';
import { createError } from '../../lib/errors';
import { audit } from '../audit/audit.service';
import { notify } from '../notifications/notification.service';
import type { UserDoc } from '../users/user.model';
import { ApplicationModel, type ApplicationRecord } from './application.model';
import { checkLinks } from './application.links';
import { assertCanEdit, standing } from './application.policy';
import type { CallRecord } from './call.model';
import { callStatus, readCall } from './call.service';
import { isWithin } from './programme.dates';
import { loadEligibility } from './programme.eligibility';

const target = (id: unknown) => ({ kind: 'programme_application', id: String(id) });

function assertOpen(call: CallRecord, now: Date): void {
  if (callStatus(call, now) !== 'published' || !isWithin(call, now)) {
    throw createError('INVALID_STATE', { message: '该指南当前不在申报期内', messageEn: 'The call is not taking applications now' });
  }
}

export async function loadApplication(id: string): Promise<ApplicationRecord> {
  const doc = await ApplicationModel.findById(id).lean<ApplicationRecord>();
  if (!doc) {
    throw createError('NOT_FOUND');
  }
  return doc;
}

/** An application the caller may read; an administrator's read is audited. */
export async function readApplication(user: UserDoc, id: string, ip: string): Promise<ApplicationRecord> {
  const doc = await loadApplication(id);
  const s = standing(user, doc);
  if (!s) {
    throw createError('NOT_FOUND');
  }
  if (s === 'admin') {
    await audit({ action: 'programme.application_view', actor: user._id, target: target(doc._id), ip });
  }
  return doc;
}

/** Starts the caller's organisation's application to an open call (one per organisation per call). */
export async function createApplication(user: UserDoc, callId: string, input: ApplicationInput, ip: string, now = new Date()): Promise<ApplicationRecord> {
  if (user.role === 'admin' || !user.org || user.orgStatus === 'pending') {
    throw createError('FORBIDDEN', { message: '仅机构的已批准成员可以申报', messageEn: 'Only approved members of an organisation may apply' });
  }
  const call = await readCall(callId, false);
  assertOpen(call, now);
  await checkLinks(user.org, input);
  if (await ApplicationModel.exists({ call: call._id, org: user.org })) {
    throw createError('CONFLICT', { message: '本单位已有该指南的申报书', messageEn: 'Your organisation already has an application to this call' });
  }
  let doc;
  try {
    doc = await ApplicationModel.create({ ...input, call: call._id, org: user.org, owner: user._id, status: 'draft' });
  } catch (err) {
    if ((err as { code?: number }).code === 11000) {
      throw createError('CONFLICT', { message: '本单位已有该指南的申报书', messageEn: 'Your organisation already has an application to this call' });
    }
    throw err;
  }
  await audit({ action: 'programme.application_create', actor: user._id, target: target(doc._id), detail: { call: callId }, ip });
  return doc.toObject() as ApplicationRecord;
}

/** Replaces the content of a draft or returned application (before the call closes). */
export async function updateApplication(user: UserDoc, id: string, input: ApplicationInput, now = new Date()): Promise<ApplicationRecord> {
  const doc = await loadApplication(id);
  assertCanEdit(user, doc);
  assertOpen(await readCall(String(doc.call), true), now);
  await checkLinks(doc.org, input);
  const updated = await ApplicationModel.findOneAndUpdate({ _id: doc._id, status: doc.status }, { $set: { ...input, orgs: [doc.org, ...input.partners] } }, { returnDocument: 'after' }).lean<ApplicationRecord>();
  if (!updated) {
    throw createError('INVALID_STATE');
  }
  return updated;
}

/** What is missing before an application can be submitted (budget within the call's range, documents, milestones). */
export function completeness(call: CallRecord, app: Pick<ApplicationRecord, 'budget' | 'milestones' | 'attachments'>): FieldError[] {
  const fields: FieldError[] = [];
  const { requested } = budgetTotals(app.budget);
  if (!app.budget.length) {
    fields.push({ path: 'budget', code: 'required', message: '请填写经费预算', messageEn: 'Fill in the budget' });
  } else if (requested < call.fundingMin || requested > call.fundingMax) {
    fields.push({
      path: 'budget', code: 'range',
      message: `申请资助合计须在 ${call.fundingMin} 至 ${call.fundingMax} 元之间`,
      messageEn: `Requested funds must total between ${call.fundingMin} and ${call.fundingMax} yuan`,
    });
  }
  if (!app.milestones.length) {
    fields.push({ path: 'milestones', code: 'required', message: '请至少填写一个考核节点', messageEn: 'Add at least one milestone' });
  }
  for (const d of call.requiredDocuments) {
    if (!app.attachments.some((a) => a.document === d)) {
      fields.push({ path: `attachments.${d}`, code: 'required', message: `缺少必需材料：${d}`, messageEn: `Missing required document: ${d}` });
    }
  }
  return fields;
}

/** Eligibility of the application's lead with its links. */
export async function applicationEligibility(call: CallRecord, app: Pick<ApplicationRecord, 'org' | 'results' | 'partners'>): Promise<EligibilityView> {
  return loadEligibility(call.eligibility, app.org, { results: app.results, partners: app.partners });
}

/** Submits a draft or returned application: before the close date, only if eligible and complete. */
export async function submitApplication(user: UserDoc, id: string, ip: string, now = new Date()): Promise<ApplicationRecord> {
  const doc = await loadApplication(id);
  assertCanEdit(user, doc);
  const call = await readCall(String(doc.call), true);
  assertOpen(call, now);
  const eligibility = await applicationEligibility(call, doc);
  const fields: FieldError[] = eligibility.rules
    .filter((r) => !r.pass)
    .map((r) => ({ path: `eligibility.${r.rule}`, code: 'ineligible', message: r.reason, messageEn: r.reasonEn }));
  fields.push(...completeness(call, doc));
  if (fields.length) {
    throw createError('VALIDATION_FAILED', { message: '申报条件不满足或材料不完整', messageEn: 'Not eligible or incomplete', fields });
  }
  const updated = await ApplicationModel.findOneAndUpdate(
    { _id: doc._id, status: doc.status },
    { $set: { status: 'submitted', submittedAt: now } },
    { returnDocument: 'after' },
  ).lean<ApplicationRecord>();
  if (!updated) {
    throw createError('INVALID_STATE');
  }
  await audit({ action: 'programme.application_submit', actor: user._id, target: target(id), detail: { from: doc.status }, ip });
  return updated;
}

/** The administrator's formal check of a submitted application; the applicant is told. */
export async function formalCheck(admin: UserDoc, id: string, input: FormalCheckInput, ip: string, now = new Date()): Promise<ApplicationRecord> {
  const doc = await loadApplication(id);
  const accept = input.decision === 'accept';
  const reasons = input.decision === 'return' ? input.reasons : [];
  const updated = await ApplicationModel.findOneAndUpdate(
    { _id: doc._id, status: 'submitted' },
    { $set: { status: accept ? 'accepted' : 'returned', returnReasons: reasons, checkedAt: now, checkedBy: admin._id } },
    { returnDocument: 'after' },
  ).lean<ApplicationRecord>();
  if (!updated) {
    throw createError('INVALID_STATE', { message: '只有已提交的申报书可以形式审查', messageEn: 'Only submitted applications can be checked' });
  }
  await audit({ action: accept ? 'programme.application_accept' : 'programme.application_return', actor: admin._id, target: target(id), detail: accept ? {} : { reasons }, ip });
  await notify(doc.owner, {
    kind: 'programme.application',
    key: `programme.check:${id}:${now.getTime()}`,
    title: accept ? `申报书“${doc.title}”已通过形式审查` : `申报书“${doc.title}”被退回修改`,
    titleEn: accept ? `Application "${doc.title}" passed the formal check` : `Application "${doc.title}" was returned`,
    body: accept ? '' : reasons.map((r) => `${r.field}：${r.reason}`).join('\n'),
    bodyEn: accept ? '' : reasons.map((r) => `${r.field}: ${r.reason}`).join('\n'),
    link: `/applications/${id}`,
  });
  return updated;
}
