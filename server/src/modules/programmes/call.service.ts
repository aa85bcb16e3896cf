/**
 * Calls (申报指南): the administrator drafts, edits and publishes them; the public reads published
 * ones. A published call is closed once its close date is over (derived on every read, so it does
 * not depend on a sweep).
 */
import type { CallInput, CallStatus, CallView, ProgrammeType } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import { audit } from '../audit/audit.service';
import { ApplicationModel } from './application.model';
import { CallModel, type CallRecord } from './call.model';
import { isPastClose } from './programme.dates';
import { adminCallsQuery, publicCallsQuery } from './programme.queries';

/** The status as users see it: a published call past its close date is closed. */
export function callStatus(call: Pick<CallRecord, 'status' | 'closesAt'>, now: Date): CallStatus {
  return call.status === 'published' && isPastClose(call, now) ? 'closed' : call.status;
}

export function presentCall(c: CallRecord, now = new Date(), applicationCount?: number): CallView {
  return {
    id: String(c._id),
    programmeType: c.programmeType,
    year: c.year,
    title: c.title,
    description: c.description,
    eligibility: {
      orgTypes: c.eligibility.orgTypes,
      cities: c.eligibility.cities,
      verifiedRequired: c.eligibility.verifiedRequired,
      resultRequired: c.eligibility.resultRequired,
      minMaturity: c.eligibility.minMaturity ?? null,
      joint: c.eligibility.joint,
    },
    fundingMin: c.fundingMin,
    fundingMax: c.fundingMax,
    totalBudget: c.totalBudget,
    opensAt: c.opensAt,
    closesAt: c.closesAt,
    requiredDocuments: c.requiredDocuments,
    criteria: c.criteria.map((k) => ({ name: k.name, weight: k.weight })),
    status: callStatus(c, now),
    publishedAt: c.publishedAt?.toISOString() ?? null,
    ...(applicationCount === undefined ? {} : { applicationCount }),
  };
}

/** A call anyone may read: published (or later); drafts are the administrator's only (404 to others). */
export async function readCall(id: string, admin: boolean): Promise<CallRecord> {
  const c = await CallModel.findById(id).lean<CallRecord>();
  if (!c || (c.status === 'draft' && !admin)) {
    throw createError('NOT_FOUND');
  }
  return c;
}

export async function createCall(actor: Types.ObjectId, input: CallInput, ip: string): Promise<CallRecord> {
  const doc = await CallModel.create({ ...input, createdBy: actor, status: 'draft' });
  await audit({ action: 'programme.call_create', actor, target: { kind: 'programme_call', id: String(doc._id) }, ip });
  return doc.toObject() as CallRecord;
}

/** Edits a draft, or a published call that has not closed (its applicants read the new text). */
export async function updateCall(actor: Types.ObjectId, id: string, input: CallInput, ip: string, now = new Date()): Promise<CallRecord> {
  const c = await readCall(id, true);
  const status = callStatus(c, now);
  if (status !== 'draft' && status !== 'published') {
    throw createError('INVALID_STATE', { message: '已截止的指南不能修改', messageEn: 'A closed call cannot be edited' });
  }
  const updated = await CallModel.findOneAndUpdate({ _id: c._id, status: c.status }, { $set: input }, { returnDocument: 'after' }).lean<CallRecord>();
  if (!updated) {
    throw createError('INVALID_STATE');
  }
  await audit({ action: 'programme.call_update', actor, target: { kind: 'programme_call', id }, detail: { status }, ip });
  return updated;
}

/** Publishes a draft whose close date is still ahead. */
export async function publishCall(actor: Types.ObjectId, id: string, ip: string, now = new Date()): Promise<CallRecord> {
  const c = await readCall(id, true);
  if (isPastClose(c, now)) {
    throw createError('INVALID_STATE', { message: '截止日期已过，不能发布', messageEn: 'The close date is over; the call cannot be published' });
  }
  const updated = await CallModel.findOneAndUpdate({ _id: c._id, status: 'draft' }, { $set: { status: 'published', publishedAt: now } }, { returnDocument: 'after' }).lean<CallRecord>();
  if (!updated) {
    throw createError('INVALID_STATE');
  }
  await audit({ action: 'programme.call_publish', actor, target: { kind: 'programme_call', id }, ip });
  return updated;
}

/** Published (and later) calls, newest year first, optionally of one programme type or year. */
export async function listPublicCalls(q: { programmeType?: ProgrammeType; year?: number; page: number; pageSize: number }) {
  const { filter, sort } = publicCallsQuery(q);
  const [docs, total] = await Promise.all([
    CallModel.find(filter).sort(sort).skip((q.page - 1) * q.pageSize).limit(q.pageSize).lean<CallRecord[]>(),
    CallModel.countDocuments(filter),
  ]);
  const now = new Date();
  return { items: docs.map((d) => presentCall(d, now)), total, page: q.page, pageSize: q.pageSize };
}

/** Every call for the administrator, newest edit first, with its count of filed applications. */
export async function listAdminCalls(q: { status?: CallStatus; page: number; pageSize: number }) {
  const { filter, sort } = adminCallsQuery(q.status);
  const [docs, total] = await Promise.all([
    CallModel.find(filter).sort(sort).skip((q.page - 1) * q.pageSize).limit(q.pageSize).lean<CallRecord[]>(),
    CallModel.countDocuments(filter),
  ]);
  const counts = await ApplicationModel.aggregate<{ _id: Types.ObjectId; n: number }>([
    { $match: { call: { $in: docs.map((d) => d._id) }, status: { $ne: 'draft' } } },
    { $group: { _id: '$call', n: { $sum: 1 } } },
  ]);
  const byCall = new Map(counts.map((c) => [String(c._id), c.n]));
  const now = new Date();
  return { items: docs.map((d) => presentCall(d, now, byCall.get(String(d._id)) ?? 0)), total, page: q.page, pageSize: q.pageSize };
}
