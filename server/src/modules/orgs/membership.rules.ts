/** Small rules about memberships shared by the policy, presenters and services. */
import type { OrgRole } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import type { QuerySpec } from '../../lib/query-spec';

interface MemberFields {
  _id: Types.ObjectId;
  orgRole?: string | null;
  orgStatus?: string | null;
}

/**
 * The account's role in its organisation, or null while its request to join is pending.
 * Accounts stored before memberships existed count as members, and an organisation's creator
 * as its manager.
 */
export function membershipRole(user: MemberFields, orgCreatedBy?: Types.ObjectId | null): OrgRole | null {
  if (user.orgStatus === 'pending') {
    return null;
  }
  if (user.orgRole === 'manager' || (orgCreatedBy && orgCreatedBy.equals(user._id))) {
    return 'manager';
  }
  return 'member';
}

/**
 * The one definition of an approved member of `org` as a filter on accounts: in the organisation
 * and not an applicant whose request is pending. Add conditions with a spread.
 */
export function approvedMemberFilter(org: Types.ObjectId | string) {
  return { org, orgStatus: { $ne: 'pending' as const } };
}

/** The same rule on an account already loaded. */
export function isApprovedMember(user: { org?: Types.ObjectId | null; orgStatus?: string | null }, org: Types.ObjectId | string): boolean {
  return Boolean(user.org && String(user.org) === String(org) && user.orgStatus !== 'pending');
}

/** The approved people of an organisation, oldest account first (administrators never belong to one). Runs on the `org` index. */
export function approvedMembersQuery(org: Types.ObjectId | string): QuerySpec {
  return { filter: { ...approvedMemberFilter(org), role: { $ne: 'admin' } }, sort: { _id: 1 } };
}
