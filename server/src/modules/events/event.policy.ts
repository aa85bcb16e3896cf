/**
 * Who may do what with events. Administrators and approved members of intermediary organisations
 * create them; the organiser organisation's approved members (and administrators) manage them,
 * anyone else gets 404 on management; approved members of enterprises register their organisation.
 */
import type { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import { isApprovedMember } from '../orgs/membership.rules';
import { OrgModel } from '../orgs/org.model';
import type { UserDoc } from '../users/user.model';
import type { EventRecord } from './event.model';

export type Viewer = UserDoc | null | undefined;

export function canManageEvent(user: Viewer, e: Pick<EventRecord, 'organiserOrg'>): boolean {
  if (!user) {
    return false;
  }
  return user.role === 'admin' || Boolean(e.organiserOrg && isApprovedMember(user, e.organiserOrg));
}

/** The event for its organiser, or 404 for anyone else. */
export function assertManager(user: Viewer, e: EventRecord): void {
  if (!canManageEvent(user, e)) {
    throw createError('NOT_FOUND');
  }
}

/** Drafts are seen only by their organisers. */
export function canSeeEvent(user: Viewer, e: EventRecord): boolean {
  return e.state !== 'draft' || canManageEvent(user, e);
}

/** The organisation an event is created for: null for an administrator, else the intermediary (403 for anyone else). */
export async function organiserFor(user: UserDoc): Promise<{ org: Types.ObjectId | null; name: string }> {
  if (user.role === 'admin') {
    return { org: null, name: '科转平台' };
  }
  const org = user.org && user.orgStatus !== 'pending' ? await OrgModel.findById(user.org, { name: 1, type: 1 }).lean() : null;
  if (!org || org.type !== 'intermediary') {
    throw createError('FORBIDDEN', { message: '只有管理员或中介机构的成员可以创建活动', messageEn: 'Only administrators and members of intermediary organisations can create events' });
  }
  return { org: org._id, name: org.name };
}

/** The enterprise organisation the caller registers (403 otherwise). */
export async function registrantOrg(user: UserDoc): Promise<{ _id: Types.ObjectId; name: string }> {
  const org = user.org && user.orgStatus !== 'pending' && user.role !== 'admin' ? await OrgModel.findById(user.org, { name: 1, type: 1 }).lean() : null;
  if (!org || org.type !== 'enterprise') {
    throw createError('FORBIDDEN', { message: '只有企业的成员可以报名对接', messageEn: 'Only members of an enterprise can register for meetings' });
  }
  return { _id: org._id, name: org.name };
}
