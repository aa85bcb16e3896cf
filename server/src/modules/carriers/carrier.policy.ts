/**
 * Who may apply for a carrier, act for it and read it. A carrier belongs to its organisation: any
 * approved member of it applies, resubmits and reports for it (the organisation, not one person,
 * holds the recognition); administrators review; anybody else gets 404 for a carrier not public.
 */
import { CARRIER_PUBLIC_STATUSES, CARRIER_TYPE_INFO, type CarrierType, type OrgType } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import { isApprovedMember } from '../orgs/membership.rules';
import type { UserDoc } from '../users/user.model';
import type { CarrierRecord } from './carrier.model';

interface OrgFacts {
  _id: Types.ObjectId;
  type: OrgType;
  verified: boolean;
}

/** Throws FORBIDDEN, saying why, unless the account may apply for a carrier of this type. */
export function assertMayApply(user: UserDoc, org: OrgFacts | null, type: CarrierType): asserts org is OrgFacts {
  const info = CARRIER_TYPE_INFO[type];
  if (user.role === 'admin' && type !== 'industry_base') {
    throw createError('FORBIDDEN', { message: '管理员不能申请认定创新载体', messageEn: 'Administrators review carriers; they do not apply' });
  }
  if (!org || !org.verified || !isApprovedMember(user, org._id)) {
    throw createError('FORBIDDEN', { message: '申请人须为已认证机构的已批准成员', messageEn: 'Applicants must be approved members of a verified organisation' });
  }
  if (!info.orgTypes.includes(org.type)) {
    throw createError('FORBIDDEN', { message: `${info.zh}不能由此类机构申请`, messageEn: `Organisations of this type cannot apply for: ${info.en}` });
  }
}

/** An approved member of the carrier's organisation (acts for the carrier). */
export function mayActFor(user: UserDoc, c: Pick<CarrierRecord, 'org'>): boolean {
  return isApprovedMember(user, c.org);
}

/** Administrators and the organisation's members read the whole record. */
export function mayReadPrivate(user: UserDoc | undefined, c: Pick<CarrierRecord, 'org'>): boolean {
  return Boolean(user && (user.role === 'admin' || mayActFor(user, c)));
}

export const isPublic = (c: Pick<CarrierRecord, 'status'>): boolean => CARRIER_PUBLIC_STATUSES.includes(c.status);
