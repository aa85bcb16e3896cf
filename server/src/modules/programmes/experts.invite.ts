/**
 * Inviting an outside expert (评审专家) who has no account: the administrator gives name, email, mobile number and
 * fields; the platform creates a researcher account without a usable password (a random secret nobody learns), the
 * pool entry, and mails a link to set the password. The link carries a one-time code of the password-reset flow
 * (same store, same confirmation: POST /auth/password-reset/confirm), valid for days rather than minutes; once the
 * password is set the expert signs in and finds his assignments under /reviews. Audited.
 */
import { randomBytes } from 'node:crypto';
import type { ExpertInviteInput } from '@kezhuan/shared';
import { env } from '../../config/env';
import { createError } from '../../lib/errors';
import { audit } from '../audit/audit.service';
import { oneTimeCodes } from '../auth/one-time-code';
import { hashPassword } from '../auth/password';
import { PasswordResetModel } from '../auth/password-reset.model';
import type { Messaging } from '../messaging/messaging';
import { UserModel, type UserDoc } from '../users/user.model';
import { checkStakes } from './experts.service';
import { ExpertModel, type ExpertRecord } from './experts.model';

export const INVITE_DAYS = 7;
const inviteCodes = oneTimeCodes<{ channel: 'email' }>(PasswordResetModel, { minutes: INVITE_DAYS * 24 * 60, maxFailures: 5, maxPerHour: 5, resendAfterMs: 60_000 });

const taken = (path: 'email' | 'phone') =>
  createError('CONFLICT', {
    message: path === 'email' ? '该邮箱已有账户，请从专家库按账户添加' : '该手机号已有账户，请从专家库按账户添加',
    messageEn: path === 'email' ? 'This email already has an account: add that account to the pool instead' : 'This mobile number already has an account: add that account to the pool instead',
    fields: [{ path: `body.${path}`, code: 'custom', message: '已被其他账户使用', messageEn: 'Already used by another account' }],
  });

export async function inviteExpert(admin: UserDoc, input: ExpertInviteInput, messaging: Messaging, ip: string): Promise<ExpertRecord> {
  const { displayName, email, phone, ...entry } = input;
  await checkStakes(entry.stakes);
  const clash = await UserModel.findOne({ $or: [{ email }, { phone }] }, { email: 1 }).lean();
  if (clash) {
    throw taken(clash.email === email ? 'email' : 'phone');
  }
  let user: UserDoc;
  try {
    // A plain insert on the unique email and phone: two invitations racing get one account and one 409.
    user = await UserModel.create({ email, phone, displayName, role: 'researcher', org: null, passwordHash: await hashPassword(randomBytes(32).toString('hex')) });
  } catch (e) {
    if ((e as { code?: number }).code === 11000) {
      throw taken('phone' in ((e as { keyPattern?: object }).keyPattern ?? {}) ? 'phone' : 'email');
    }
    throw e;
  }
  const doc = (await ExpertModel.create({ ...entry, user: user._id, org: null, createdBy: admin._id })).toObject() as ExpertRecord;
  const code = await inviteCodes.issue(user._id, { channel: 'email' });
  const link = `${env().publicUrl}/forgot-password?${new URLSearchParams({ identifier: email, code: code ?? '' }).toString()}`;
  await messaging.mail.send({
    to: email,
    subject: '科转 · 评审专家邀请 / Invitation to review',
    text: [
      `${displayName}，您好：科转平台（吉林省科技成果转化对接平台）邀请您担任项目评审专家，已为您创建账户（${email}）。`,
      `请在 ${INVITE_DAYS} 天内打开以下链接设置密码：${link}`,
      `（设置密码验证码：${code ?? ''}）设置后用邮箱或手机号登录，在"我的评审"中查看分配给您的评审任务。`,
      `Dear ${displayName}, the Kezhuan platform invites you to review programme applications and has created your account (${email}).`,
      `Set your password within ${INVITE_DAYS} days at the link above (code ${code ?? ''}), then sign in and open "My reviews".`,
    ].join('\n'),
  });
  await audit({ action: 'programme.expert_invite', actor: admin._id, target: { kind: 'user', id: String(user._id) }, detail: { expert: String(doc._id) }, ip });
  return doc;
}
