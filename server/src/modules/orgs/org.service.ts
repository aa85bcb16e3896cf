import { ORG_CREATION_LIMITS, type OrgCreateInput, type OrgFlag, type OrgListQuery } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import type { QuerySpec } from '../../lib/query-spec';
import { audit } from '../audit/audit.service';
import { OrgModel, orgCollisionKey, orgNameKey, type OrgDoc } from './org.model';

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const DAY_MS = 24 * 3600_000;

/** Where a new organisation comes from: who (null while registering), from which address, and the request field of the credit code. */
export interface OrgOrigin {
  createdBy: Types.ObjectId | null;
  ip: string;
  /** Path of the form fields in the request, for conflict messages ('body' or 'body.newOrg'). */
  fieldPrefix?: string;
}

/**
 * Creates an unverified organisation, against squatting: a limited number per address and day;
 * a name or a credit code that a verified organisation holds is refused (the user should ask to
 * join it); a name or code that only unverified organisations claim is allowed but flagged on all
 * of them for the administrators, and verification with evidence decides a disputed code.
 */
export async function createOrg(input: OrgCreateInput, origin: OrgOrigin, now = new Date()): Promise<OrgDoc> {
  const prefix = origin.fieldPrefix ?? 'body';
  const since = new Date(now.getTime() - DAY_MS);
  if (origin.ip && (await OrgModel.countDocuments({ createdIp: origin.ip, createdAt: { $gte: since } })) >= ORG_CREATION_LIMITS.perIpPerDay) {
    throw createError('RATE_LIMITED', { message: '今天从该网络注册的机构过多，请明天再试或联系平台管理员', messageEn: 'Too many organisations registered from this network today; try tomorrow or contact the administrators' });
  }
  const collisionKey = orgCollisionKey(input.name);
  const [sameCode, sameName] = await Promise.all([
    OrgModel.find({ uscc: input.uscc }, { verified: 1 }).lean(),
    OrgModel.find({ $or: [{ collisionKey }, { nameKey: orgNameKey(input.name) }] }, { verified: 1 }).lean(),
  ]);
  if (sameCode.some((o) => o.verified)) {
    throw conflict(`${prefix}.uscc`, '该统一社会信用代码已由已认证机构注册，请选择该机构并申请加入', 'A verified organisation holds this credit code; choose it and ask to join');
  }
  if (sameName.some((o) => o.verified)) {
    throw conflict(`${prefix}.name`, '已有同名的已认证机构，请选择该机构并申请加入', 'A verified organisation has this name; choose it and ask to join');
  }
  const flags: OrgFlag[] = [...(sameCode.length ? (['uscc_disputed'] as const) : []), ...(sameName.length ? (['name_collision'] as const) : [])];
  const org = await OrgModel.create({ ...input, nameKey: orgNameKey(input.name), collisionKey, createdBy: origin.createdBy, createdIp: origin.ip, verified: false, flags });
  if (sameCode.length) {
    await OrgModel.updateMany({ _id: { $in: sameCode.map((o) => o._id) } }, { $addToSet: { flags: 'uscc_disputed' } });
  }
  if (sameName.length) {
    await OrgModel.updateMany({ _id: { $in: sameName.map((o) => o._id) } }, { $addToSet: { flags: 'name_collision' } });
  }
  await audit({ action: 'org.create', actor: origin.createdBy, target: { kind: 'org', id: String(org._id) }, detail: { name: org.name, uscc: org.uscc, flags }, ip: origin.ip });
  return org;
}

function conflict(path: string, zh: string, en: string) {
  return createError('CONFLICT', { fields: [{ path, code: 'duplicate', message: zh, messageEn: en }] });
}

/**
 * The organisation list, verified first then by name: index {verified, name}; a city or type
 * narrows it through {city, verified, name} / {type, verified, name}. Without a verified filter the
 * query still names both values so the server walks the {verified, name} index (FerretDB 2 plans an
 * unfiltered find as a table scan).
 */
export function orgPageQuery(q: Omit<OrgListQuery, 'page' | 'pageSize'>): QuerySpec {
  const filter: Record<string, unknown> = {};
  if (q.type) {
    filter.type = { $in: q.type };
  }
  if (q.city) {
    filter.city = q.city;
  }
  if (q.verified !== undefined) {
    filter.verified = q.verified;
  }
  if (q.q) {
    // Escaped user text in a regex we build ourselves; never the user's object.
    filter.nameKey = { $regex: escapeRegex(orgNameKey(q.q)) };
  }
  if (q.verified === undefined) {
    filter.verified = { $in: [true, false] };
  }
  return { filter, sort: { verified: -1, name: 1 } };
}

export async function listOrgs(q: OrgListQuery) {
  const { filter, sort } = orgPageQuery(q);
  const [items, total] = await Promise.all([
    OrgModel.find(filter).sort(sort).skip((q.page - 1) * q.pageSize).limit(q.pageSize).lean(),
    OrgModel.countDocuments(filter),
  ]);
  return { items, total };
}

export async function getOrg(id: string) {
  const org = await OrgModel.findById(id).lean();
  if (!org) {
    throw createError('NOT_FOUND');
  }
  return org;
}
