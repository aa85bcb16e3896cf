/**
 * Leaving an organisation: an applicant withdraws his pending request, an approved member leaves.
 * Either way the account ends without an organisation and may ask to join another.
 */
import type { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import { audit } from '../audit/audit.service';
import { publishDealAccessEnded } from '../deals/deal.events';
import { notify } from '../notifications/notification.service';
import { UserModel, type UserDoc } from '../users/user.model';
import { managersOf } from './membership.service';
import { isApprovedMember, membershipRole } from './membership.rules';
import { OrgModel } from './org.model';

const NO_ORG = { org: null, orgStatus: 'active', orgRole: 'member', orgRequestedAt: null } as const;

function notInOrg(): Error {
  return createError('NOT_FOUND', { message: '您不属于这个机构，或申请已被处理', messageEn: 'You do not belong to this organisation, or the request was already decided' });
}

/** The applicant withdraws his own pending request to join `orgId` (audited); it leaves the managers' list. */
export async function withdrawJoinRequest(user: UserDoc, orgId: string, ip: string): Promise<UserDoc> {
  const updated = await UserModel.findOneAndUpdate({ _id: user._id, org: orgId, orgStatus: 'pending' }, { $set: NO_ORG }, { returnDocument: 'after' });
  if (!updated) {
    throw notInOrg();
  }
  await audit({ action: 'org.join_withdraw', actor: user._id, target: { kind: 'org', id: orgId }, detail: { user: String(user._id) }, ip });
  return updated;
}

/**
 * An approved member leaves `orgId` (audited; the managers are told, so they can hand his listings
 * to a colleague). The last manager cannot leave: he names another manager first.
 */
export async function leaveOrg(user: UserDoc, orgId: string, ip: string, now = new Date()): Promise<UserDoc> {
  const org = await OrgModel.findById(orgId).lean();
  if (!org || !isApprovedMember(user, orgId)) {
    throw notInOrg();
  }
  const managers = await managersOf(org);
  if (membershipRole(user, org.createdBy) === 'manager' && managers.every((id) => id.equals(user._id))) {
    throw createError('INVALID_STATE', {
      message: '您是本机构唯一的管理员，请先把另一名成员设为管理员再退出',
      messageEn: 'You are the only manager of this organisation: make another member a manager before leaving',
    });
  }
  if (org.createdBy?.equals(user._id)) {
    // The creator counts as a manager by default; leaving ends that.
    await OrgModel.updateOne({ _id: org._id }, { $set: { createdBy: null } });
  }
  const updated = await UserModel.findOneAndUpdate({ _id: user._id, org: orgId }, { $set: NO_ORG }, { returnDocument: 'after' });
  if (!updated) {
    throw notInOrg();
  }
  await audit({ action: 'org.member_leave', actor: user._id, target: { kind: 'org', id: orgId }, detail: { user: String(user._id) }, ip });
  await tellManagers(managers.filter((id) => !id.equals(user._id)), user, org.name, now);
  await publishDealAccessEnded(String(user._id));
  return updated;
}

async function tellManagers(managers: Types.ObjectId[], user: UserDoc, orgName: string, now: Date): Promise<void> {
  for (const manager of managers) {
    await notify(manager, {
      kind: 'org.membership',
      title: `${user.displayName}已退出${orgName}`,
      titleEn: `${user.displayName} left ${orgName}`,
      body: '如有需要，可在"我的机构"中把其成果和需求转交给其他成员。',
      bodyEn: 'If needed, hand the listings over to another member under "My organisation".',
      link: '/org',
      key: `leave:${String(user._id)}:${now.getTime()}`,
    });
  }
}
