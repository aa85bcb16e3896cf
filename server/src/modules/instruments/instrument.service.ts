/**
 * The instrument catalogue: approved members of a verified university or institute list, edit and
 * withdraw their institution's instruments; anyone reads the active ones. Every write goes through
 * the search outbox (searchDirty + searchV in the same update) and is audited.
 */
import type { InstrumentInput, InstrumentListView, InstrumentView } from '@kezhuan/shared';
import { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import type { QuerySpec } from '../../lib/query-spec';
import { audit } from '../audit/audit.service';
import { noteSearchWrite } from '../indexing/write-hint';
import type { ListingActor } from '../listings/listing.policy';
import { InstrumentModel, type InstrumentRecord } from './instrument.model';
import { InstrumentPhotoModel } from './instrument.photo.model';
import { instrumentOwnerOrg, isOwnInstrument } from './instrument.policy';
import { orgInfos, presentInstrument } from './instrument.presenter';

/** The photo ids, each an upload of the same institution (another's photo is a field error). */
async function checkedPhotos(org: Types.ObjectId, ids: readonly string[]): Promise<Types.ObjectId[]> {
  const unique = [...new Set(ids)];
  const found = unique.length ? await InstrumentPhotoModel.countDocuments({ org, _id: { $in: unique } }) : 0;
  if (found !== unique.length) {
    throw createError('VALIDATION_FAILED', {
      message: '照片不存在或不属于本机构',
      messageEn: 'A photo does not exist or belongs to another organisation',
      fields: [{ path: 'body.photos', code: 'custom', message: '照片不存在或不属于本机构', messageEn: 'A photo does not exist or belongs to another organisation' }],
    });
  }
  return unique.map((id) => new Types.ObjectId(id));
}

const fieldsOf = (input: InstrumentInput, photos: Types.ObjectId[]) => ({
  name: input.name,
  model: input.model || null,
  manufacturer: input.manufacturer || null,
  category: input.category,
  city: input.city,
  address: input.address,
  description: input.description,
  params: input.params,
  sampleRequirements: input.sampleRequirements || null,
  price: input.price,
  operatorRequired: input.operatorRequired,
  openingHours: input.openingHours,
  photos,
});

async function view(actor: ListingActor | null, r: InstrumentRecord): Promise<InstrumentView> {
  return presentInstrument(r, await orgInfos([r.org]), isOwnInstrument(actor, r));
}

export async function createInstrument(actor: ListingActor, input: InstrumentInput, ip: string): Promise<InstrumentView> {
  const org = instrumentOwnerOrg(actor);
  const photos = await checkedPhotos(org, input.photos);
  const doc = (await InstrumentModel.create({ org, ...fieldsOf(input, photos), createdBy: actor.id, updatedBy: actor.id, searchV: 1, searchDirty: true })).toObject() as InstrumentRecord;
  noteSearchWrite();
  await audit({ action: 'instrument.create', actor: actor.id, target: { kind: 'org', id: String(org) }, detail: { instrument: String(doc._id), name: doc.name }, ip });
  return view(actor, doc);
}

/** An instrument of the caller's own institution; another's is 403, a missing one 404. */
async function ownInstrument(actor: ListingActor, id: string): Promise<InstrumentRecord> {
  const r = await InstrumentModel.findById(id).lean<InstrumentRecord>();
  if (!r) {
    throw createError('NOT_FOUND');
  }
  if (!isOwnInstrument(actor, r)) {
    // A withdrawn instrument of another institution does not exist for the caller.
    throw createError(r.status === 'active' ? 'FORBIDDEN' : 'NOT_FOUND', { message: '只能修改本机构的仪器', messageEn: 'You can change only your own organisation’s instruments' });
  }
  return r;
}

/** Edits an instrument; a withdrawn one is listed again. */
export async function updateInstrument(actor: ListingActor, id: string, input: InstrumentInput, ip: string): Promise<InstrumentView> {
  instrumentOwnerOrg(actor);
  const r = await ownInstrument(actor, id);
  const photos = await checkedPhotos(r.org, input.photos);
  const updated = await InstrumentModel.findOneAndUpdate(
    { _id: r._id, org: r.org },
    { $set: { ...fieldsOf(input, photos), status: 'active', updatedBy: actor.id, searchDirty: true }, $inc: { searchV: 1 } },
    { returnDocument: 'after' },
  ).lean<InstrumentRecord>();
  if (!updated) {
    throw createError('NOT_FOUND');
  }
  noteSearchWrite();
  await audit({ action: 'instrument.update', actor: actor.id, target: { kind: 'org', id: String(r.org) }, detail: { instrument: id }, ip });
  return view(actor, updated);
}

/** Withdraws an instrument from the catalogue and from search (bookings keep their record of it). */
export async function withdrawInstrument(actor: ListingActor, id: string, ip: string): Promise<InstrumentView> {
  const r = await ownInstrument(actor, id);
  const updated = await InstrumentModel.findOneAndUpdate(
    { _id: r._id },
    { $set: { status: 'withdrawn', updatedBy: actor.id, searchDirty: true }, $inc: { searchV: 1 } },
    { returnDocument: 'after' },
  ).lean<InstrumentRecord>();
  noteSearchWrite();
  await audit({ action: 'instrument.withdraw', actor: actor.id, target: { kind: 'org', id: String(r.org) }, detail: { instrument: id }, ip });
  return view(actor, updated ?? r);
}

/** An active instrument, or one of the caller's own institution (withdrawn included); else 404. */
export async function readableInstrument(actor: ListingActor | null, id: string): Promise<InstrumentRecord> {
  const r = await InstrumentModel.findById(id).lean<InstrumentRecord>();
  if (!r || (r.status !== 'active' && !isOwnInstrument(actor, r))) {
    throw createError('NOT_FOUND');
  }
  return r;
}

export async function getInstrument(actor: ListingActor | null, id: string): Promise<InstrumentView> {
  return view(actor, await readableInstrument(actor, id));
}

/** An institution's instruments, withdrawn too, newest first → index {org, updatedAt}. */
export function myInstrumentsQuery(org: Types.ObjectId): QuerySpec {
  return { filter: { org }, sort: { updatedAt: -1, _id: -1 } };
}

/** The caller's institution's instruments, withdrawn too, newest first. */
export async function myInstruments(actor: ListingActor, q: { page: number; pageSize: number }): Promise<InstrumentListView> {
  if (!actor.orgId || !actor.orgRole || actor.role === 'admin') {
    return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  }
  const { filter, sort } = myInstrumentsQuery(new Types.ObjectId(actor.orgId));
  const [rows, total] = await Promise.all([
    InstrumentModel.find(filter).sort(sort).skip((q.page - 1) * q.pageSize).limit(q.pageSize).lean<InstrumentRecord[]>(),
    InstrumentModel.countDocuments(filter),
  ]);
  const orgs = await orgInfos(rows.map((r) => r.org));
  return { items: rows.map((r) => presentInstrument(r, orgs, true)), total, page: q.page, pageSize: q.pageSize };
}
