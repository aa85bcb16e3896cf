import { MOBILE_RE, ROLE_ORG_TYPES, type ChangePasswordInput, type LoginInput, type RegisterInput } from '@kezhuan/shared';
import { createError } from '../../lib/errors';
import { audit } from '../audit/audit.service';
import type { Messaging } from '../messaging/messaging';
import { OrgModel } from '../orgs/org.model';
import { requestMembership } from '../orgs/membership.service';
import { createOrg } from '../orgs/org.service';
import { UserModel, type UserDoc } from '../users/user.model';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password';
import { assertPasswordAllowed } from './password-policy';
import { releaseAttempt, reserveAttempt } from './throttle';

/**
 * The one answer for an email or mobile number that is already registered: it does not say which,
 * and the owners hear of the attempt by email / SMS (see `tellOwners`).
 */
const taken = () =>
  createError('CONFLICT', {
    message: '无法使用该邮箱或手机号注册。如果您已有账号，请直接登录或通过“忘记密码”找回。',
    messageEn: 'This email or mobile number cannot be used to register. If you already have an account, sign in or reset your password.',
  });

async function tellOwners(messaging: Messaging, emailOwner: boolean, phoneOwner: { email: string; phone: string } | null, email: string): Promise<void> {
  const text = '【科转】有人尝试用您的账号信息注册新账号。如果是您本人，请直接登录；忘记密码可在登录页找回。如非本人操作，无需处理。Someone tried to register a Kezhuan account with your details; if it was you, sign in or reset your password.';
  if (emailOwner) {
    await messaging.mail.send({ to: email, subject: '科转 · 有人尝试用您的邮箱注册 / Registration attempt', text });
  }
  if (phoneOwner) {
    await messaging.sms.send({ to: phoneOwner.phone, text });
  }
}

/**
 * Creates an account. A new organisation makes the account its first manager; choosing an
 * existing one is a request to join that its managers (or an administrator) approve.
 */
export async function register(input: RegisterInput, messaging: Messaging, ip = ''): Promise<UserDoc> {
  assertPasswordAllowed(input.password, input, 'body.password');
  const [emailTaken, phoneOwner] = await Promise.all([
    UserModel.exists({ email: input.email }),
    UserModel.findOne({ phone: input.phone }, { email: 1, phone: 1 }).lean(),
  ]);
  if (emailTaken || phoneOwner) {
    await verifyAgainstDummy(input.password); // the same time as hashing a new account's password
    await tellOwners(messaging, Boolean(emailTaken), phoneOwner, input.email);
    throw taken();
  }
  let orgId = null;
  let joining = null;
  if (input.orgId) {
    const org = await OrgModel.findById(input.orgId).lean();
    if (!org) {
      throw createError('VALIDATION_FAILED', {
        fields: [{ path: 'body.orgId', code: 'not_found', message: '机构不存在', messageEn: 'No such organisation' }],
      });
    }
    if (!ROLE_ORG_TYPES[input.role].includes(org.type)) {
      throw createError('VALIDATION_FAILED', {
        fields: [{ path: 'body.orgId', code: 'custom', message: '该角色不能加入此类型的机构', messageEn: 'This role cannot belong to an organisation of that type' }],
      });
    }
    joining = org;
  }
  const passwordHash = await hashPassword(input.password);
  if (input.newOrg) {
    orgId = (await createOrg(input.newOrg, { createdBy: null, ip, fieldPrefix: 'body.newOrg' }))._id;
  }
  try {
    const user = await UserModel.create({
      email: input.email,
      phone: input.phone,
      passwordHash,
      displayName: input.displayName,
      role: input.role,
      org: orgId,
      orgRole: orgId ? 'manager' : 'member',
      orgStatus: 'active',
    });
    if (input.newOrg && orgId) {
      await OrgModel.updateOne({ _id: orgId }, { $set: { createdBy: user._id } });
    }
    return joining ? await requestMembership(user, joining, ip) : user;
  } catch (err) {
    // A concurrent registration won the unique index: undo the organisation we just made.
    if (input.newOrg && orgId) {
      await OrgModel.deleteOne({ _id: orgId, createdBy: null });
    }
    if ((err as { code?: number }).code === 11000) {
      throw taken();
    }
    throw err;
  }
}

/** Looks an account up by email or mainland mobile number. */
export function findByIdentifier(identifier: string) {
  const id = identifier.trim();
  if (id.includes('@')) {
    return UserModel.findOne({ email: id.toLowerCase() });
  }
  if (MOBILE_RE.test(id)) {
    return UserModel.findOne({ phone: id });
  }
  return null;
}

/**
 * Checks a login. Known and unknown accounts cost the same time and give the same answers; the
 * per-account and per-IP limits apply before any password is checked.
 */
export async function checkLogin(input: LoginInput, ip: string): Promise<UserDoc> {
  const user = await findByIdentifier(input.identifier);
  const accountKey = user ? `acct:${String(user._id)}` : `name:${input.identifier.trim().toLowerCase()}`;
  const reservation = await reserveAttempt([accountKey, `ip:${ip}`]);
  if (!reservation.allowed) {
    await releaseAttempt(reservation);
    if (user) {
      await audit({ action: 'user.login_locked', actor: null, target: { kind: 'user', id: String(user._id) }, ip });
    }
    throw createError('RATE_LIMITED', {
      message: '登录失败次数过多，请一小时后再试，或用“忘记密码”重置密码',
      messageEn: 'Too many failed logins; try again in an hour, or reset your password',
      headers: { 'Retry-After': '3600' },
    });
  }
  const ok = user ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstDummy(input.password);
  if (!ok || !user) {
    throw createError('INVALID_CREDENTIALS');
  }
  await releaseAttempt(reservation);
  if (user.disabledAt) {
    throw createError('ACCOUNT_DISABLED');
  }
  user.lastLoginAt = new Date();
  await user.save();
  return user;
}

/** Changes the password after checking the current one; audited. */
export async function changePassword(user: UserDoc, input: ChangePasswordInput, ip: string): Promise<void> {
  const fresh = await UserModel.findById(user._id);
  if (!fresh || !(await verifyPassword(fresh.passwordHash, input.currentPassword))) {
    throw createError('VALIDATION_FAILED', {
      fields: [{ path: 'body.currentPassword', code: 'mismatch', message: '当前密码不正确', messageEn: 'The current password is wrong' }],
    });
  }
  assertPasswordAllowed(input.newPassword, fresh, 'body.newPassword');
  fresh.passwordHash = await hashPassword(input.newPassword);
  fresh.passwordChangedAt = new Date();
  await fresh.save();
  await audit({ action: 'user.password_change', actor: fresh._id, target: { kind: 'user', id: String(fresh._id) }, ip });
}
