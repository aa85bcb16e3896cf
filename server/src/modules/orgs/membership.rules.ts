/** Small rules about memberships shared by the policy, presenters and services. */
import type { OrgRole } from '@kezhuan/shared';
import type { Types } from 'mongoose';

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
