/**
 * Who may apply to serve as a commissioner, who endorses an application, who reads it.
 *
 * The account's single role stays as it is: `commissioner` remains a role a person may pick at
 * registration (older accounts hold it), but standing for a term comes from an approved
 * application, whatever the role. Applicants are people of a research unit: researchers and
 * commissioner-role accounts of a university or institute, and enterprise staff (an enterprise's
 * R&D unit is not modelled apart from the enterprise), each an approved member of a verified
 * organisation, since the organisation's endorsement is what the application rests on.
 */
import type { OrgType, Role } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import { membershipRole } from '../orgs/membership.rules';
import type { UserDoc } from '../users/user.model';
import type { CommissionerRecord } from './commissioner.model';

export const APPLICANT_ROLES: readonly Role[] = ['researcher', 'commissioner', 'enterprise'];
export const APPLICANT_ORG_TYPES: readonly OrgType[] = ['university', 'institute', 'enterprise'];

interface OrgFacts {
  _id: Types.ObjectId;
  type: OrgType;
  verified: boolean;
  createdBy?: Types.ObjectId | null;
}

/** Throws FORBIDDEN, saying why, unless the account may apply for itself. */
export function assertMayApply(user: UserDoc, org: OrgFacts | null): asserts org is OrgFacts {
  if (!APPLICANT_ROLES.includes(user.role)) {
    throw createError('FORBIDDEN', { message: '仅科研人员和企业研发人员可以申请担任科技特派员', messageEn: 'Only researchers and enterprise R&D staff may apply to serve as commissioners' });
  }
  if (!org || user.orgStatus === 'pending' || !APPLICANT_ORG_TYPES.includes(org.type) || !org.verified) {
    throw createError('FORBIDDEN', {
      message: '申请人须为已认证的高校、科研院所或企业的已批准成员（由所在单位确认推荐）',
      messageEn: 'Applicants must be approved members of a verified university, institute or enterprise (which endorses them)',
    });
  }
}

/** An approved manager of the application's organisation, other than the applicant himself. */
export function mayEndorse(user: UserDoc, app: Pick<CommissionerRecord, 'org' | 'user'>, orgCreatedBy: Types.ObjectId | null | undefined): boolean {
  return Boolean(user.org?.equals(app.org)) && !user._id.equals(app.user) && membershipRole(user, orgCreatedBy) === 'manager';
}

/** The applicant, his organisation's managers and administrators read the whole application. */
export function mayReadApplication(user: UserDoc, app: Pick<CommissionerRecord, 'org' | 'user'>, orgCreatedBy: Types.ObjectId | null | undefined): boolean {
  return user.role === 'admin' || user._id.equals(app.user) || (Boolean(user.org?.equals(app.org)) && membershipRole(user, orgCreatedBy) === 'manager');
}
