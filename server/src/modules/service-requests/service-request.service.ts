/**
 * Enterprise service requests: create (from the form or from a published technology need), edit,
 * open, withdraw, close. State changes are single conditional updates.
 */
import {
  COUNTIES,
  serviceRequestInput,
  toFieldErrors,
  type FieldError,
  type ServiceRequestInput,
  type ServiceRequestStatus,
  type ServiceRequestUpdateInput,
  type ServiceRequestUrgency,
} from '@kezhuan/shared';
import { createError } from '../../lib/errors';
import { audit } from '../audit/audit.service';
import { CommissionerModel } from '../commissioners/commissioner.model';
import { currentTerm } from '../commissioners/commissioner.queries';
import { TechNeedModel } from '../needs/need.model';
import { OrgModel } from '../orgs/org.model';
import type { UserDoc } from '../users/user.model';
import { ServiceRequestModel, type ServiceRequestRecord } from './service-request.model';
import { assertCanRequest } from './service-request.policy';
import { liveFromNeedQuery } from './service-request.queries';

export type RequestTransition = 'open' | 'withdraw' | 'close';

/** From which statuses each owner action runs, and where it leads. */
export const REQUEST_TRANSITIONS: Record<RequestTransition, { from: ServiceRequestStatus[]; to: ServiceRequestStatus }> = {
  open: { from: ['draft', 'withdrawn'], to: 'open' },
  withdraw: { from: ['open'], to: 'withdrawn' },
  close: { from: ['draft', 'open', 'withdrawn'], to: 'closed' },
};

const orgFacts = (id: unknown) => OrgModel.findById(id, { type: 1, createdBy: 1, name: 1 }).lean();

/** Preferred and excluded commissioners must be approved ones of a current or later term. */
async function checkCommissioners(input: Pick<ServiceRequestUpdateInput, 'preferred' | 'excluded'>, now: Date): Promise<void> {
  const fields: FieldError[] = [];
  for (const key of ['preferred', 'excluded'] as const) {
    const ids = input[key] ?? [];
    if (ids.length && (await CommissionerModel.countDocuments({ _id: { $in: ids }, status: 'approved', term: { $gte: currentTerm(now) } })) !== ids.length) {
      fields.push({ path: `body.${key}`, code: 'custom', message: '须为本服务期已批准的科技特派员', messageEn: 'Must be an approved commissioner of a current term' });
    }
  }
  if (fields.length) {
    throw createError('VALIDATION_FAILED', { fields });
  }
}

async function load(id: string): Promise<ServiceRequestRecord> {
  const doc = await ServiceRequestModel.findById(id).lean<ServiceRequestRecord>();
  if (!doc) {
    throw createError('NOT_FOUND');
  }
  return doc;
}

/** A request the caller may read (404 otherwise: requests are not public). */
export async function readRequest(user: UserDoc, id: string): Promise<ServiceRequestRecord> {
  const doc = await load(id);
  assertCanRequest(user, 'read', await orgFacts(doc.org));
  return doc;
}

/** Files a draft request for the caller's enterprise. */
export async function createRequest(user: UserDoc, input: ServiceRequestInput, ip: string, now = new Date(), need: ServiceRequestRecord['need'] = null): Promise<ServiceRequestRecord> {
  const org = user.org ? await orgFacts(user.org) : null;
  assertCanRequest(user, 'create', org);
  await checkCommissioners(input, now);
  const doc = await ServiceRequestModel.create({ ...input, county: input.county ?? null, org: org?._id, owner: user._id, status: 'draft', need });
  await audit({ action: 'service_request.create', actor: user._id, target: { kind: 'service_request', id: String(doc._id) }, detail: need ? { need: String(need) } : {}, ip });
  return doc.toObject() as ServiceRequestRecord;
}

/** Edits a request that is not paired or closed; the merged request is re-checked whole. */
export async function updateRequest(user: UserDoc, id: string, patch: ServiceRequestUpdateInput, now = new Date()): Promise<ServiceRequestRecord> {
  const doc = await load(id);
  assertCanRequest(user, 'manage', await orgFacts(doc.org), doc.owner);
  const merged = serviceRequestInput.safeParse({
    title: doc.title, problem: doc.problem, industry: doc.industry, city: doc.city, county: doc.county, keywords: doc.keywords, urgency: doc.urgency,
    preferred: doc.preferred.map(String), excluded: doc.excluded.map(String), ...patch,
  });
  if (!merged.success) {
    throw createError('VALIDATION_FAILED', { fields: toFieldErrors(merged.error.issues, 'body') });
  }
  await checkCommissioners(patch, now);
  const updated = await ServiceRequestModel.findOneAndUpdate(
    { _id: doc._id, status: { $in: ['draft', 'open', 'withdrawn'] } },
    { $set: { ...merged.data, county: merged.data.county ?? null } },
    { returnDocument: 'after' },
  ).lean<ServiceRequestRecord>();
  if (!updated) {
    throw createError('INVALID_STATE');
  }
  return updated;
}

/** Opens, withdraws or closes a request (its owner or the enterprise's managers). */
export async function transitionRequest(user: UserDoc, id: string, action: RequestTransition, ip: string, now = new Date()): Promise<ServiceRequestRecord> {
  const doc = await load(id);
  assertCanRequest(user, 'manage', await orgFacts(doc.org), doc.owner);
  const t = REQUEST_TRANSITIONS[action];
  const stamp = action === 'open' ? { openedAt: now } : action === 'close' ? { closedAt: now } : {};
  const updated = await ServiceRequestModel.findOneAndUpdate({ _id: doc._id, status: { $in: t.from } }, { $set: { status: t.to, ...stamp } }, { returnDocument: 'after' }).lean<ServiceRequestRecord>();
  if (!updated) {
    throw createError('INVALID_STATE');
  }
  await audit({ action: `service_request.${action}`, actor: user._id, target: { kind: 'service_request', id }, detail: { from: doc.status }, ip });
  return updated;
}

/** The county code of a need's free-text county (e.g. 绿园区 in 长春), when it names one. */
function countyCodeOf(city: string, county: string | null): string | null {
  const name = county?.trim();
  return name ? (COUNTIES.find((c) => c.city === city && (c.zh === name || c.code === name))?.code ?? null) : null;
}

/**
 * Turns a published technology need into a request in one step: the need's title, problem and
 * desired outcome, industry, region and keywords fill it (its owner or the enterprise's managers;
 * one live request per need).
 */
export async function requestFromNeed(user: UserDoc, needId: string, opts: { urgency: ServiceRequestUrgency; open: boolean }, ip: string, now = new Date()): Promise<ServiceRequestRecord> {
  const need = await TechNeedModel.findById(needId).lean();
  if (!need || need.status !== 'published') {
    throw createError('NOT_FOUND', { message: '找不到已发布的技术需求', messageEn: 'No such published need' });
  }
  assertCanRequest(user, 'manage', await orgFacts(need.org), need.owner);
  if (await ServiceRequestModel.exists(liveFromNeedQuery(need._id).filter)) {
    throw createError('CONFLICT', { message: '该需求已有服务需求', messageEn: 'This need already has a service request' });
  }
  const input = serviceRequestInput.parse({
    title: need.title,
    problem: `${need.problem}\n\n期望成效：${need.desiredOutcome}`.slice(0, 5000),
    industry: need.industry,
    city: need.city,
    county: countyCodeOf(need.city, need.county),
    keywords: need.keywords.length ? need.keywords : [need.title.slice(0, 30)],
    urgency: opts.urgency,
  });
  const doc = await createRequest(user, input, ip, now, need._id);
  return opts.open ? transitionRequest(user, String(doc._id), 'open', ip, now) : doc;
}
