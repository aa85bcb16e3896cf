/**
 * Memberships: a request to join an organisation, its approval or rejection by the organisation's
 * managers (or an administrator), roles, and handing listings from one member to another.
 */
import type { MemberDecisionInput, MemberView, OrgRole } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import { audit } from '../audit/audit.service';
import { TechNeedModel } from '../needs/need.model';
import { notify } from '../notifications/notification.service';
import { ResearchResultModel } from '../results/result.model';
import { UserModel, type UserDoc } from '../users/user.model';
import { approvedMemberFilter, isApprovedMember, membershipRole } from './membership.rules';
import { OrgModel } from './org.model';

type OrgLean = { _id: Types.ObjectId; name: string; verified: boolean; createdBy?: Types.ObjectId | null; emailDomains?: string[] };

/** True when the account is an approved manager of the organisation, or an administrator. */
export async function mayManageOrg(user: UserDoc, orgId: string): Promise<boolean> {
  if (user.role === 'admin') {
    return true;
  }
  if (!user.org || String(user.org) !== orgId) {
    return false;
  }
  const org = await OrgModel.findById(orgId, { createdBy: 1 }).lean();
  return membershipRole(user, org?.createdBy) === 'manager';
}

export async function requireOrgManager(user: UserDoc, orgId: string): Promise<void> {
  if (!(await mayManageOrg(user, orgId))) {
    throw createError('FORBIDDEN', { message: '仅机构管理员或平台管理员可执行此操作', messageEn: "Only the organisation's managers or an administrator may do this" });
  }
}

/** The approved managers of an organisation (its creator counts as one). */
export async function managersOf(org: OrgLean): Promise<Types.ObjectId[]> {
  const managers = await UserModel.find({ ...approvedMemberFilter(org._id), orgRole: 'manager' }, { _id: 1 }).lean();
  const ids = managers.map((m) => m._id);
  if (org.createdBy && !ids.some((id) => id.equals(org.createdBy as Types.ObjectId))) {
    ids.push(org.createdBy);
  }
  return ids;
}

/** A verified email in one of the organisation's declared domains joins without approval. */
function joinsByEmailDomain(user: UserDoc, org: OrgLean): boolean {
  const domain = user.email.split('@')[1]?.toLowerCase() ?? '';
  return Boolean(org.verified && user.emailVerifiedAt && (org.emailDomains ?? []).includes(domain));
}

/**
 * Makes the account a pending member of `org` (or an approved one by the email-domain rule),
 * tells the organisation's managers and records it.
 */
export async function requestMembership(user: UserDoc, org: OrgLean, ip: string, now = new Date()): Promise<UserDoc> {
  const auto = joinsByEmailDomain(user, org);
  const updated = await UserModel.findOneAndUpdate(
    { _id: user._id },
    { $set: { org: org._id, orgRole: 'member', orgStatus: auto ? 'active' : 'pending', orgRequestedAt: now } },
    { new: true },
  );
  await audit({ action: auto ? 'org.member_approve' : 'org.join_request', actor: user._id, target: { kind: 'org', id: String(org._id) }, detail: { user: String(user._id), ...(auto ? { by: 'email_domain' } : {}) }, ip });
  if (!auto) {
    for (const manager of await managersOf(org)) {
      await notify(manager, {
        kind: 'org.membership',
        title: `${user.displayName} 申请加入${org.name}`,
        titleEn: `${user.displayName} asks to join ${org.name}`,
        body: '请在"我的机构"中批准或拒绝。',
        bodyEn: 'Approve or reject the request under "My organisation".',
        link: '/org',
        key: `join:${String(user._id)}:${now.getTime()}`,
      });
    }
  }
  return updated ?? user;
}

/**
 * Approves the account's pending request to join when its (just verified) email is in one of the
 * organisation's declared domains and the organisation is verified; tells both sides and records it
 * as a manager's approval would. Null when there is nothing to approve.
 */
export async function approveByEmailDomain(user: UserDoc, ip: string): Promise<UserDoc | null> {
  if (!user.org || user.orgStatus !== 'pending') {
    return null;
  }
  const org = await OrgModel.findById(user.org).lean();
  if (!org || !joinsByEmailDomain(user, org)) {
    return null;
  }
  const applicant = await UserModel.findOneAndUpdate({ _id: user._id, org: org._id, orgStatus: 'pending' }, { $set: { orgStatus: 'active' } }, { returnDocument: 'after' });
  if (!applicant) {
    return null;
  }
  await audit({ action: 'org.member_approve', actor: user._id, target: { kind: 'org', id: String(org._id) }, detail: { user: String(user._id), by: 'email_domain' }, ip });
  const key = `decision:${String(user._id)}:${Date.now()}`;
  await notify(applicant._id, {
    kind: 'org.membership',
    title: `加入${org.name}的申请已批准（已验证的机构邮箱）`,
    titleEn: `Your request to join ${org.name} was approved (verified organisation email)`,
    link: '/org',
    key,
  });
  for (const manager of await managersOf(org)) {
    await notify(manager, {
      kind: 'org.membership',
      title: `${applicant.displayName}已通过机构邮箱验证加入${org.name}`,
      titleEn: `${applicant.displayName} joined ${org.name} by verifying an organisation email`,
      link: '/org',
      key,
    });
  }
  return applicant;
}

/** Approves or rejects a pending request (managers of the organisation, administrators); both sides are told. */
export async function decideMembership(actor: UserDoc, orgId: string, userId: string, decision: MemberDecisionInput, ip: string): Promise<UserDoc | null> {
  await requireOrgManager(actor, orgId);
  const org = await OrgModel.findById(orgId).lean();
  if (!org) {
    throw createError('NOT_FOUND');
  }
  const set = decision.approve ? { orgStatus: 'active' } : { org: null, orgStatus: 'active', orgRole: 'member', orgRequestedAt: null };
  const applicant = await UserModel.findOneAndUpdate({ _id: userId, org: org._id, orgStatus: 'pending' }, { $set: set }, { new: true });
  if (!applicant) {
    throw createError('NOT_FOUND', { message: '没有这条待处理的加入申请', messageEn: 'No such pending request' });
  }
  const verb = decision.approve ? { zh: '已批准', en: 'approved' } : { zh: '未通过', en: 'rejected' };
  await audit({ action: decision.approve ? 'org.member_approve' : 'org.member_reject', actor: actor._id, target: { kind: 'org', id: orgId }, detail: { user: userId, ...(decision.note ? { note: decision.note } : {}) }, ip });
  const key = `decision:${userId}:${Date.now()}`;
  await notify(applicant._id, {
    kind: 'org.membership',
    title: `加入${org.name}的申请${verb.zh}`,
    titleEn: `Your request to join ${org.name} was ${verb.en}`,
    body: decision.note ?? '',
    bodyEn: decision.note ?? '',
    link: '/org',
    key,
  });
  for (const manager of await managersOf(org)) {
    if (!manager.equals(actor._id)) {
      await notify(manager, {
        kind: 'org.membership',
        title: `${actor.displayName}${verb.zh}了${applicant.displayName}的加入申请`,
        titleEn: `${actor.displayName} ${verb.en} ${applicant.displayName}'s request to join`,
        link: '/org',
        key,
      });
    }
  }
  return applicant;
}

/** Makes an approved member a manager or a member; the last manager cannot step down. */
export async function setMemberRole(actor: UserDoc, orgId: string, userId: string, orgRole: OrgRole, ip: string): Promise<UserDoc> {
  await requireOrgManager(actor, orgId);
  const org = await OrgModel.findById(orgId).lean();
  const target = await UserModel.findOne({ ...approvedMemberFilter(orgId), _id: userId });
  if (!org || !target) {
    throw createError('NOT_FOUND');
  }
  if (orgRole === 'member') {
    const others = (await managersOf(org)).filter((id) => !id.equals(target._id));
    if (others.length === 0) {
      throw createError('INVALID_STATE', { message: '机构至少需要一名管理员', messageEn: 'An organisation needs at least one manager' });
    }
    if (org.createdBy?.equals(target._id)) {
      // The creator counts as a manager by default; stepping down clears that.
      await OrgModel.updateOne({ _id: org._id }, { $set: { createdBy: null } });
    }
  }
  target.orgRole = orgRole;
  await target.save();
  await audit({ action: 'org.member_role', actor: actor._id, target: { kind: 'org', id: orgId }, detail: { user: userId, orgRole }, ip });
  return target;
}

/** The organisation's accounts: managers and administrators see pending requests too. */
export async function listMembers(actor: UserDoc, orgId: string): Promise<MemberView[]> {
  const manager = await mayManageOrg(actor, orgId);
  if (!manager && !isApprovedMember(actor, orgId)) {
    throw createError('FORBIDDEN');
  }
  const org = await OrgModel.findById(orgId, { createdBy: 1 }).lean();
  const filter = manager ? { org: orgId } : approvedMemberFilter(orgId);
  const users = await UserModel.find(filter).sort({ orgStatus: -1, displayName: 1 }).limit(500);
  return users.map((u) => ({
    id: String(u._id),
    displayName: u.displayName,
    email: manager ? u.email : '',
    role: u.role,
    orgRole: membershipRole(u, org?.createdBy) ?? 'member',
    status: u.orgStatus === 'pending' ? 'pending' : 'active',
    requestedAt: u.orgRequestedAt?.toISOString() ?? null,
  }));
}

/** Hands every listing `from` owns in the organisation to `to` (an approved member), e.g. when someone leaves. */
export async function transferListings(actor: UserDoc, orgId: string, from: string, to: string, ip: string) {
  await requireOrgManager(actor, orgId);
  const receiver = await UserModel.exists({ ...approvedMemberFilter(orgId), _id: to });
  if (!receiver) {
    throw createError('VALIDATION_FAILED', { fields: [{ path: 'body.to', code: 'not_member', message: '接收人须为本机构已批准的成员', messageEn: 'The receiver must be an approved member of the organisation' }] });
  }
  const filter = { org: orgId, owner: from };
  const update = { $set: { owner: to } };
  const [results, needs] = await Promise.all([ResearchResultModel.updateMany(filter, update), TechNeedModel.updateMany(filter, update)]);
  await audit({ action: 'org.listings_transfer', actor: actor._id, target: { kind: 'org', id: orgId }, detail: { from, to, results: results.modifiedCount, needs: needs.modifiedCount }, ip });
  return { results: results.modifiedCount, needs: needs.modifiedCount };
}
