import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { PasswordResetConfirmInput } from '@kezhuan/shared';
import { createError } from '../../lib/errors';
import { audit } from '../audit/audit.service';
import type { Messaging } from '../messaging/messaging';
import type { UserDoc } from '../users/user.model';
import { findByIdentifier } from './auth.service';
import { hashPassword } from './password';
import { assertPasswordAllowed } from './password-policy';
import { PasswordResetModel } from './password-reset.model';
import { clearAccountAttempts } from './throttle';

export const RESET_CODE_MINUTES = 15;
/** Wrong codes a reset allows before it is spent. */
const MAX_FAILURES = 5;
/** Codes an account can be sent an hour (each allows MAX_FAILURES guesses of 10^6). */
const MAX_CODES_PER_HOUR = 5;
const RESEND_AFTER_MS = 60_000;

const hashCode = (userId: string, code: string) => createHash('sha256').update(`${userId}:${code}`).digest('hex');

/**
 * Sends a 6-digit reset code to the account's email (when the identifier is an email) or mobile
 * number. Answers nothing about whether the account exists: the caller always says "sent".
 */
export async function requestPasswordReset(identifier: string, messaging: Messaging, ip: string): Promise<void> {
  const user = await findByIdentifier(identifier);
  if (!user || user.disabledAt) {
    return;
  }
  const now = Date.now();
  const recent = await PasswordResetModel.find({ userId: user._id, createdAt: { $gt: new Date(now - 3600_000) } })
    .sort({ createdAt: -1 })
    .lean();
  const last = recent[0];
  if (recent.length >= MAX_CODES_PER_HOUR || (last && now - last.createdAt.getTime() < RESEND_AFTER_MS)) {
    return;
  }
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const channel = identifier.includes('@') ? 'email' : 'sms';
  // Earlier codes stop working once a new one is sent.
  await PasswordResetModel.updateMany({ userId: user._id, usedAt: null }, { $set: { usedAt: new Date(now) } });
  await PasswordResetModel.create({
    userId: user._id,
    codeHash: hashCode(String(user._id), code),
    channel,
    createdAt: new Date(now),
    expiresAt: new Date(now + RESET_CODE_MINUTES * 60_000),
  });
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
  const reset = await PasswordResetModel.findOne({ userId: user._id, usedAt: null }).sort({ createdAt: -1 });
  if (!reset || reset.expiresAt.getTime() <= Date.now()) {
    throw badCode();
  }
  // Each guess takes one of the code's tries before it is compared, so concurrent guesses cannot exceed them.
  const tried = await PasswordResetModel.updateOne({ _id: reset._id, usedAt: null, failures: { $lt: MAX_FAILURES } }, { $inc: { failures: 1 } });
  if (tried.modifiedCount !== 1 || !timingSafeEqual(Buffer.from(reset.codeHash, 'hex'), Buffer.from(hashCode(String(user._id), input.code), 'hex'))) {
    throw badCode();
  }
  assertPasswordAllowed(input.newPassword, user, 'body.newPassword');
  // Claim the code once, even when two confirmations race.
  const claimed = await PasswordResetModel.updateOne({ _id: reset._id, usedAt: null }, { $set: { usedAt: new Date() } });
  if (claimed.modifiedCount !== 1) {
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
  const r = await PasswordResetModel.deleteMany({ createdAt: { $lte: new Date(now.getTime() - 24 * 3600_000) } });
  return r.deletedCount;
}
