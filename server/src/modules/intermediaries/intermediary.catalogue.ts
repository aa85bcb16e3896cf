/**
 * The service catalogue: members of a verified intermediary organisation publish, edit and
 * withdraw their own organisation's services; anyone lists and reads the active ones.
 */
import type { IntermediaryServiceInput, IntermediaryServiceListView, IntermediaryServiceQuery, IntermediaryServiceView } from '@kezhuan/shared';
import { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import { audit } from '../audit/audit.service';
import type { ListingActor } from '../listings/listing.policy';
import { IntermediaryServiceModel, type IntermediaryServiceRecord } from './intermediary.model';
import { orgNames, presentService } from './intermediary.presenter';

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The caller's organisation when he may publish for it: an approved member of a verified intermediary organisation. */
function publisherOrg(actor: ListingActor): Types.ObjectId {
  if (actor.role === 'admin' || !actor.orgId || !actor.orgRole || actor.org?.type !== 'intermediary') {
    throw createError('FORBIDDEN', { message: '只有中介机构的成员可以发布服务', messageEn: 'Only members of an intermediary organisation can publish services' });
  }
  if (!actor.orgVerified) {
    throw createError('FORBIDDEN', { message: '机构通过认证后才能发布服务', messageEn: 'Your organisation must be verified before it publishes services' });
  }
  return new Types.ObjectId(actor.orgId);
}

const isMine = (actor: ListingActor | null, s: Pick<IntermediaryServiceRecord, 'org'>) =>
  Boolean(actor && actor.role !== 'admin' && actor.orgRole && actor.orgId === String(s.org));

function priceOf(input: IntermediaryServiceInput['price']): IntermediaryServiceRecord['price'] {
  switch (input.mode) {
    case 'fixed':
      return { mode: 'fixed', amount: input.amount };
    case 'range':
      return { mode: 'range', min: input.min, max: input.max };
    case 'negotiable':
      return { mode: 'negotiable' };
  }
}

const fieldsOf = (input: IntermediaryServiceInput) => ({
  kind: input.kind, title: input.title, description: input.description, price: priceOf(input.price), terms: input.terms || null,
  turnaroundDays: input.turnaroundDays, disciplines: input.disciplines, industries: input.industries,
});

async function view(actor: ListingActor | null, s: IntermediaryServiceRecord): Promise<IntermediaryServiceView> {
  return presentService(s, await orgNames([s.org]), isMine(actor, s));
}

export async function createService(actor: ListingActor, input: IntermediaryServiceInput, ip: string): Promise<IntermediaryServiceView> {
  const org = publisherOrg(actor);
  const doc = (await IntermediaryServiceModel.create({ org, ...fieldsOf(input), createdBy: actor.id, updatedBy: actor.id })).toObject() as IntermediaryServiceRecord;
  await audit({ action: 'intermediary.service_create', actor: actor.id, target: { kind: 'org', id: String(org) }, detail: { service: String(doc._id), kind: input.kind }, ip });
  return view(actor, doc);
}

/** A service of the caller's own organisation; another organisation's is not found (no hint it exists as editable). */
async function ownService(actor: ListingActor, id: string): Promise<IntermediaryServiceRecord> {
  const s = await IntermediaryServiceModel.findById(id).lean<IntermediaryServiceRecord>();
  if (!s) {
    throw createError('NOT_FOUND');
  }
  if (!isMine(actor, s)) {
    throw createError('FORBIDDEN', { message: '只能修改本机构的服务', messageEn: 'You can change only your own organisation’s services' });
  }
  return s;
}

export async function updateService(actor: ListingActor, id: string, input: IntermediaryServiceInput, ip: string): Promise<IntermediaryServiceView> {
  publisherOrg(actor);
  const s = await ownService(actor, id);
  const updated = await IntermediaryServiceModel.findOneAndUpdate({ _id: s._id, org: s.org }, { $set: { ...fieldsOf(input), status: 'active', updatedBy: actor.id } }, { returnDocument: 'after' }).lean<IntermediaryServiceRecord>();
  if (!updated) {
    throw createError('NOT_FOUND');
  }
  await audit({ action: 'intermediary.service_update', actor: actor.id, target: { kind: 'org', id: String(s.org) }, detail: { service: id }, ip });
  return view(actor, updated);
}

export async function withdrawService(actor: ListingActor, id: string, ip: string): Promise<IntermediaryServiceView> {
  const s = await ownService(actor, id);
  const updated = await IntermediaryServiceModel.findOneAndUpdate({ _id: s._id }, { $set: { status: 'withdrawn', updatedBy: actor.id } }, { returnDocument: 'after' }).lean<IntermediaryServiceRecord>();
  await audit({ action: 'intermediary.service_withdraw', actor: actor.id, target: { kind: 'org', id: String(s.org) }, detail: { service: id }, ip });
  return view(actor, updated ?? s);
}

/** An active service, or one of the caller's own organisation (withdrawn included). */
export async function getService(actor: ListingActor | null, id: string): Promise<IntermediaryServiceView> {
  const s = await IntermediaryServiceModel.findById(id).lean<IntermediaryServiceRecord>();
  if (!s || (s.status !== 'active' && !isMine(actor, s))) {
    throw createError('NOT_FOUND');
  }
  return view(actor, s);
}

/** The catalogue: active services, by kind, organisation and words of the title; `mine` lists the caller's organisation's, withdrawn too. */
export async function listServices(actor: ListingActor | null, q: IntermediaryServiceQuery): Promise<IntermediaryServiceListView> {
  const filter: Record<string, unknown> = {};
  if (q.mine) {
    if (!actor?.orgId || !actor.orgRole) {
      return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
    }
    filter.org = new Types.ObjectId(actor.orgId);
  } else {
    filter.status = 'active';
    if (q.org) {
      filter.org = new Types.ObjectId(q.org);
    }
  }
  if (q.kind) {
    filter.kind = q.kind;
  }
  if (q.q) {
    filter.title = { $regex: escapeRegex(q.q), $options: 'i' };
  }
  const [rows, total] = await Promise.all([
    IntermediaryServiceModel.find(filter).sort({ updatedAt: -1, _id: -1 }).skip((q.page - 1) * q.pageSize).limit(q.pageSize).lean<IntermediaryServiceRecord[]>(),
    IntermediaryServiceModel.countDocuments(filter),
  ]);
  const names = await orgNames(rows.map((r) => r.org));
  return { items: rows.map((r) => presentService(r, names, isMine(actor, r))), total, page: q.page, pageSize: q.pageSize };
}
