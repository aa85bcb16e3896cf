/**
 * Who files, reads and manages enterprise service requests: approved members of an enterprise
 * file them for their enterprise; its members and administrators read them (requests are not
 * public); the owner and the enterprise's managers edit, open, withdraw and close them.
 */
import type { OrgType } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import { membershipRole } from '../orgs/membership.rules';
import type { UserDoc } from '../users/user.model';

export type RequestAction = 'create' | 'read' | 'manage';

interface OrgFacts {
  _id: Types.ObjectId;
  type: OrgType;
  createdBy?: Types.ObjectId | null;
}

/** The caller's standing in the enterprise, or null when he is not an approved member of it. */
function memberRole(user: UserDoc, org: OrgFacts | null) {
  if (!org || !user.org?.equals(org._id) || org.type !== 'enterprise') {
    return null;
  }
  return membershipRole(user, org.createdBy);
}

/** True when `user` may do `action` on a request of `org` owned by `owner` (none for create). */
export function canRequest(user: UserDoc, action: RequestAction, org: OrgFacts | null, owner?: Types.ObjectId): boolean {
  if (action === 'read' && user.role === 'admin') {
    return true;
  }
  const role = memberRole(user, org);
  switch (action) {
    case 'create':
    case 'read':
      return role !== null;
    case 'manage':
      return role === 'manager' || (role !== null && Boolean(owner?.equals(user._id)));
  }
}

export function assertCanRequest(user: UserDoc, action: RequestAction, org: OrgFacts | null, owner?: Types.ObjectId): void {
  if (canRequest(user, action, org, owner)) {
    return;
  }
  // Requests are not public: to whoever may not read it, a request does not exist, for a write as for
  // a read (a 403 would tell an outsider probing ids that the request is there).
  if (action !== 'create' && !canRequest(user, 'read', org)) {
    throw createError('NOT_FOUND');
  }
  throw createError('FORBIDDEN', {
    message: action === 'create' ? '仅企业的已批准成员可以提出服务需求' : '仅需求的提出人和企业管理员可以执行此操作',
    messageEn: action === 'create' ? 'Only approved members of an enterprise may file service requests' : "Only the request's owner and the enterprise's managers may do this",
  });
}
