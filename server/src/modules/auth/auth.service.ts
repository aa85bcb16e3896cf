import { MOBILE_RE, type ChangePasswordInput, type LoginInput } from '@kezhuan/shared';
import { createError } from '../../lib/errors';
import { audit } from '../audit/audit.service';
import { UserModel, type UserDoc } from '../users/user.model';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password';
import { assertPasswordAllowed } from './password-policy';
import { releaseAttempt, reserveAttempt } from './throttle';

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
