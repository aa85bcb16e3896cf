/**
 * The financing catalogue: members of a verified financial organisation publish, edit and withdraw
 * their organisation's products and say what kind of provider it is; anyone lists the active ones.
 */
import type {
  FinancingProductInput, FinancingProductListView, FinancingProductQuery, FinancingProductView, FinancingProfileInput, FinancingProfileView,
} from '@kezhuan/shared';
import { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import type { QuerySpec } from '../../lib/query-spec';
import { audit } from '../audit/audit.service';
import type { ListingActor } from '../listings/listing.policy';
import { FinancialProfileModel, FinancingProductModel, type FinancingProductRecord } from './financing.model';
import { presentProduct, providers } from './financing.presenter';

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The caller's organisation when he may act for a provider: an approved member of a financial organisation (verified to publish). */
export function providerOrg(actor: ListingActor, opts: { verified: boolean }): Types.ObjectId {
  if (actor.role === 'admin' || !actor.orgId || !actor.orgRole || actor.org?.type !== 'financial') {
    throw createError('FORBIDDEN', { message: '只有金融机构的成员可以发布融资产品', messageEn: 'Only members of a financial organisation can publish financing products' });
  }
  if (opts.verified && !actor.orgVerified) {
    throw createError('FORBIDDEN', { message: '机构通过认证后才能发布融资产品', messageEn: 'Your organisation must be verified before it publishes products' });
  }
  return new Types.ObjectId(actor.orgId);
}

export const isProviderMember = (actor: ListingActor | null, org: Types.ObjectId) =>
  Boolean(actor && actor.role !== 'admin' && actor.orgRole && actor.orgId === String(org));

const fieldsOf = (input: FinancingProductInput) => ({ kind: input.kind, title: input.title, description: input.description, conditions: input.conditions });

async function view(actor: ListingActor | null, p: FinancingProductRecord): Promise<FinancingProductView> {
  return presentProduct(p, await providers([p.org]), isProviderMember(actor, p.org));
}

export async function createProduct(actor: ListingActor, input: FinancingProductInput, ip: string): Promise<FinancingProductView> {
  const org = providerOrg(actor, { verified: true });
  const doc = (await FinancingProductModel.create({ org, ...fieldsOf(input), createdBy: actor.id, updatedBy: actor.id })).toObject() as FinancingProductRecord;
  await audit({ action: 'financing.product_create', actor: actor.id, target: { kind: 'org', id: String(org) }, detail: { product: String(doc._id), kind: input.kind }, ip });
  return view(actor, doc);
}

/** A product of the caller's own organisation; a missing one is 404, another organisation's 403. */
async function ownProduct(actor: ListingActor, id: string): Promise<FinancingProductRecord> {
  const p = await FinancingProductModel.findById(id).lean<FinancingProductRecord>();
  if (!p || (p.status !== 'active' && !isProviderMember(actor, p.org))) {
    throw createError('NOT_FOUND');
  }
  if (!isProviderMember(actor, p.org)) {
    throw createError('FORBIDDEN', { message: '只能修改本机构的产品', messageEn: 'You can change only your own organisation’s products' });
  }
  return p;
}

export async function updateProduct(actor: ListingActor, id: string, input: FinancingProductInput, ip: string): Promise<FinancingProductView> {
  providerOrg(actor, { verified: true });
  const p = await ownProduct(actor, id);
  const updated = await FinancingProductModel.findOneAndUpdate({ _id: p._id, org: p.org }, { $set: { ...fieldsOf(input), status: 'active', updatedBy: actor.id } }, { returnDocument: 'after' }).lean<FinancingProductRecord>();
  if (!updated) {
    throw createError('NOT_FOUND');
  }
  await audit({ action: 'financing.product_update', actor: actor.id, target: { kind: 'org', id: String(p.org) }, detail: { product: id }, ip });
  return view(actor, updated);
}

export async function withdrawProduct(actor: ListingActor, id: string, ip: string): Promise<FinancingProductView> {
  const p = await ownProduct(actor, id);
  const updated = await FinancingProductModel.findOneAndUpdate({ _id: p._id }, { $set: { status: 'withdrawn', updatedBy: actor.id } }, { returnDocument: 'after' }).lean<FinancingProductRecord>();
  await audit({ action: 'financing.product_withdraw', actor: actor.id, target: { kind: 'org', id: String(p.org) }, detail: { product: id }, ip });
  return view(actor, updated ?? p);
}

/** An active product, or one of the caller's own organisation (withdrawn included). */
export async function getProduct(actor: ListingActor | null, id: string): Promise<FinancingProductView> {
  const p = await FinancingProductModel.findById(id).lean<FinancingProductRecord>();
  if (!p || (p.status !== 'active' && !isProviderMember(actor, p.org))) {
    throw createError('NOT_FOUND');
  }
  return view(actor, p);
}

/**
 * The catalogue's page query: active products (or one organisation's, `mine`), by kind, provider,
 * condition (an empty condition list is "any") and words of the title, newest first. Index
 * {status, kind, updatedAt} or {org, status, updatedAt} (query-plans.int.test.ts).
 */
export function productPageQuery(q: Omit<FinancingProductQuery, 'page' | 'pageSize' | 'mine'>, mineOrg?: Types.ObjectId): QuerySpec {
  const filter: Record<string, unknown> = mineOrg ? { org: mineOrg } : { status: 'active', ...(q.org ? { org: new Types.ObjectId(q.org) } : {}) };
  if (q.kind) {
    filter.kind = q.kind;
  }
  const anyOr = (field: string, v: string) => ({ $or: [{ [field]: v }, { [field]: { $size: 0 } }] });
  const and = [q.city && anyOr('conditions.cities', q.city), q.industry && anyOr('conditions.industries', q.industry), q.maturity && anyOr('conditions.maturities', q.maturity)].filter(Boolean);
  if (and.length) {
    filter.$and = and;
  }
  if (q.q) {
    filter.title = { $regex: escapeRegex(q.q), $options: 'i' };
  }
  return { filter, sort: { updatedAt: -1, _id: -1 } };
}

/** The catalogue: active products by kind, city, industry, maturity, provider and words of the title; `mine` lists the caller's organisation's. */
export async function listProducts(actor: ListingActor | null, q: FinancingProductQuery): Promise<FinancingProductListView> {
  if (q.mine && (!actor?.orgId || !actor.orgRole)) {
    return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  }
  const { filter, sort } = productPageQuery(q, q.mine && actor?.orgId ? new Types.ObjectId(actor.orgId) : undefined);
  const [rows, total] = await Promise.all([
    FinancingProductModel.find(filter).sort(sort).skip((q.page - 1) * q.pageSize).limit(q.pageSize).lean<FinancingProductRecord[]>(),
    FinancingProductModel.countDocuments(filter),
  ]);
  const orgs = await providers(rows.map((r) => r.org));
  return { items: rows.map((r) => presentProduct(r, orgs, isProviderMember(actor, r.org))), total, page: q.page, pageSize: q.pageSize };
}

/** The caller's financial organisation and its kind (null until set). */
export async function getProfile(actor: ListingActor): Promise<FinancingProfileView> {
  const org = providerOrg(actor, { verified: false });
  const p = await FinancialProfileModel.findOne({ org }).lean();
  return { org: { id: String(org), name: actor.org?.name ?? '' }, kind: p?.kind ?? null };
}

export async function setProfile(actor: ListingActor, input: FinancingProfileInput, ip: string): Promise<FinancingProfileView> {
  const org = providerOrg(actor, { verified: false });
  await FinancialProfileModel.updateOne({ org }, { $set: { kind: input.kind, updatedBy: actor.id } }, { upsert: true });
  await audit({ action: 'financing.profile', actor: actor.id, target: { kind: 'org', id: String(org) }, detail: { kind: input.kind }, ip });
  return { org: { id: String(org), name: actor.org?.name ?? '' }, kind: input.kind };
}
