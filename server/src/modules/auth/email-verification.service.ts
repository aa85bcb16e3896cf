import type { EmailVerifyInput } from '@kezhuan/shared';
import { createError } from '../../lib/errors';
import { audit } from '../audit/audit.service';
import type { Messaging } from '../messaging/messaging';
import { approveByEmailDomain } from '../orgs/membership.service';
import { UserModel, type UserDoc } from '../users/user.model';
import { EmailVerificationModel } from './email-verification.model';
import { oneTimeCodes } from './one-time-code';

export const VERIFY_CODE_MINUTES = 15;
const codes = oneTimeCodes<{ email: string }>(EmailVerificationModel, { minutes: VERIFY_CODE_MINUTES, maxFailures: 5, maxPerHour: 5, resendAfterMs: 60_000 });

/** Sends a 6-digit code to the account's email; refuses when it is verified already or was sent a code too recently. */
export async function requestEmailVerification(user: UserDoc, messaging: Messaging, ip: string): Promise<void> {
  if (user.emailVerifiedAt) {
    throw createError('INVALID_STATE', { message: '邮箱已验证', messageEn: 'The email is verified already' });
  }
  const code = await codes.issue(user._id, { email: user.email });
  if (!code) {
    throw createError('RATE_LIMITED', { message: '验证码发送过于频繁，请稍后再试', messageEn: 'Codes were sent too often; try again later' });
  }
  await messaging.mail.send({
    to: user.email,
    subject: '科转 · 邮箱验证码 / Email verification code',
    text: `【科转】您的邮箱验证码是 ${code}，${VERIFY_CODE_MINUTES} 分钟内有效。如非本人操作，请忽略。Your Kezhuan email verification code is ${code} (valid ${VERIFY_CODE_MINUTES} minutes).`,
  });
  await audit({ action: 'user.email_verify', actor: user._id, target: { kind: 'user', id: String(user._id) }, detail: { step: 'code_sent' }, ip });
}

const badCode = () =>
  createError('VALIDATION_FAILED', {
    fields: [{ path: 'body.code', code: 'reset_code', message: '验证码不正确或已过期', messageEn: 'The code is wrong or has expired' }],
  });

/**
 * Marks the account's email verified with a valid code; a pending request to join a verified
 * organisation that declares the email's domain is then approved.
 */
export async function verifyEmail(user: UserDoc, input: EmailVerifyInput, ip: string): Promise<UserDoc> {
  const rec = await codes.check(user._id, input.code);
  // A code proves only the address it went to.
  if (!rec || rec.email !== user.email || !(await codes.claim(rec))) {
    throw badCode();
  }
  const updated = await UserModel.findOneAndUpdate({ _id: user._id, email: rec.email }, { $set: { emailVerifiedAt: new Date() } }, { returnDocument: 'after' });
  if (!updated) {
    throw badCode();
  }
  await audit({ action: 'user.email_verify', actor: user._id, target: { kind: 'user', id: String(user._id) }, detail: { step: 'verified' }, ip });
  return (await approveByEmailDomain(updated, ip)) ?? updated;
}

/** Deletes verification codes older than a day; run by the hourly sweep. */
export const sweepEmailVerifications = (now = new Date()) => codes.sweep(now);
