import type { PasswordResetConfirmInput } from '@kezhuan/shared';
import { createError } from '../../lib/errors';
import { audit } from '../audit/audit.service';
import type { Messaging } from '../messaging/messaging';
import type { UserDoc } from '../users/user.model';
import { findByIdentifier } from './auth.service';
import { oneTimeCodes } from './one-time-code';
import { hashPassword } from './password';
import { assertPasswordAllowed } from './password-policy';
import { PasswordResetModel } from './password-reset.model';
import { clearAccountAttempts } from './throttle';

export const RESET_CODE_MINUTES = 15;
const codes = oneTimeCodes<{ channel: 'email' | 'sms' }>(PasswordResetModel, { minutes: RESET_CODE_MINUTES, maxFailures: 5, maxPerHour: 5, resendAfterMs: 60_000 });

/**
 * Sends a 6-digit reset code to the account's email (when the identifier is an email) or mobile
 * number. Answers nothing about whether the account exists: the caller always says "sent".
 */
export async function requestPasswordReset(identifier: string, messaging: Messaging, ip: string): Promise<void> {
  const user = await findByIdentifier(identifier);
  if (!user || user.disabledAt) {
    return;
  }
  const channel = identifier.includes('@') ? 'email' : 'sms';
  const code = await codes.issue(user._id, { channel });
  if (!code) {
    return;
  }
  const text = `【科转】您的密码重置验证码是 ${code}，${RESET_CODE_MINUTES} 分钟内有效。如非本人操作，请忽略。Your Kezhuan password reset code is ${code} (valid ${RESET_CODE_MINUTES} minutes).`;
  if (channel === 'email') {
    await messaging.mail.send({ to: user.email, subject: '科转 · 重置密码验证码 / Password reset code', text });
  } else {
    await messaging.sms.send({ to: user.phone, text });
  }
  await audit({ action: 'user.password_reset', actor: null, target: { kind: 'user', id: String(user._id) }, detail: { step: 'code_sent', channel }, ip });
}

const badCode = () =>
  createError('VALIDATION_FAILED', {
    fields: [{ path: 'body.code', code: 'reset_code', message: '验证码不正确或已过期', messageEn: 'The code is wrong or has expired' }],
  });

/**
 * Sets a new password with a valid code; ends the account's lock. The caller ends its sessions.
 * Unknown accounts, wrong, used and expired codes give the same answer.
 */
export async function confirmPasswordReset(input: PasswordResetConfirmInput, ip: string): Promise<UserDoc> {
  const user = await findByIdentifier(input.identifier);
  if (!user || user.disabledAt) {
    throw badCode();
  }
  const reset = await codes.check(user._id, input.code);
  if (!reset) {
    throw badCode();
  }
  assertPasswordAllowed(input.newPassword, user, 'body.newPassword');
  // Claim the code once, even when two confirmations race.
  if (!(await codes.claim(reset))) {
    throw badCode();
  }
  user.passwordHash = await hashPassword(input.newPassword);
  user.passwordChangedAt = new Date();
  await user.save();
  await clearAccountAttempts(String(user._id));
  await audit({ action: 'user.password_reset', actor: user._id, target: { kind: 'user', id: String(user._id) }, detail: { step: 'password_set', channel: reset.channel }, ip });
  return user;
}

/** Deletes reset codes older than a day (the hourly limit looks back one hour); run by the hourly sweep. */
export async function sweepPasswordResets(now = new Date()): Promise<number> {
  return codes.sweep(now);
}
