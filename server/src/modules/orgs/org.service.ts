import type { OrgCreateInput, OrgListQuery } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import type { QuerySpec } from '../../lib/query-spec';
import { audit } from '../audit/audit.service';
import { OrgModel, orgNameKey, type OrgDoc } from './org.model';

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Creates an unverified organisation; a duplicate credit code is a conflict on the field. */
/** `field` names the credit code in the request, for the conflict message. */
export async function createOrg(input: OrgCreateInput, createdBy: Types.ObjectId | null, field = 'body.uscc'): Promise<OrgDoc> {
  const existing = await OrgModel.exists({ uscc: input.uscc });
  if (existing) {
    throw duplicateUscc(field);
  }
  try {
    return await OrgModel.create({ ...input, nameKey: orgNameKey(input.name), createdBy, verified: false });
  } catch (err) {
    if ((err as { code?: number }).code === 11000) {
      throw duplicateUscc(field);
    }
    throw err;
  }
}

function duplicateUscc(path: string) {
  return createError('CONFLICT', {
    fields: [{ path, code: 'duplicate', message: '该统一社会信用代码已注册，请直接选择该机构', messageEn: 'This credit code is already registered; choose that organisation' }],
  });
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

/** Sets or clears the verified flag (administrators only), with an audit entry. */
export async function setOrgVerification(id: string, verified: boolean, actor: Types.ObjectId, note: string | undefined, ip: string) {
  const org = await OrgModel.findByIdAndUpdate(
    id,
    { $set: { verified, verifiedAt: verified ? new Date() : null, verifiedBy: verified ? actor : null } },
    { new: true },
  ).lean();
  if (!org) {
    throw createError('NOT_FOUND');
  }
  await audit({
    action: verified ? 'org.verify' : 'org.unverify',
    actor,
    target: { kind: 'org', id },
    detail: { name: org.name, uscc: org.uscc, ...(note ? { note } : {}) },
    ip,
  });
  return org;
}
