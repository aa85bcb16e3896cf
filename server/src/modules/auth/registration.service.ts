import { ROLE_ORG_TYPES, type RegisterConfirmInput, type RegisterInput } from '@kezhuan/shared';
import { createError } from '../../lib/errors';
import { audit } from '../audit/audit.service';
import type { Messaging } from '../messaging/messaging';
import { OrgModel } from '../orgs/org.model';
import { requestMembership } from '../orgs/membership.service';
import { createOrg } from '../orgs/org.service';
import { UserModel, type UserDoc } from '../users/user.model';
import { oneTimeCodes } from './one-time-code';
import { hashPassword } from './password';
import { assertPasswordAllowed } from './password-policy';
import { RegistrationCodeModel } from './registration-code.model';
import { reserveSlot } from './throttle';

export const REGISTER_CODE_MINUTES = 15;
export const REGISTER_RESEND_SECONDS = 60;
/**
 * Step-1 requests per email address and per network address in a sliding hour. The per-email limit
 * is the code machinery's own (5 codes an hour, one a minute), applied before anything depends on
 * whether the address is registered, so a refusal says nothing about it either.
 */
export const REGISTER_LIMITS = { perEmailPerHour: 5, perIpPerHour: 60 } as const;

const codes = oneTimeCodes<object>(
  RegistrationCodeModel,
  { minutes: REGISTER_CODE_MINUTES, maxFailures: 5, maxPerHour: REGISTER_LIMITS.perEmailPerHour, resendAfterMs: REGISTER_RESEND_SECONDS * 1000 },
  'email',
);

const tooOften = (retryAfterSeconds: number) =>
  createError('RATE_LIMITED', {
    message: '验证码发送过于频繁，请稍后再试',
    messageEn: 'Codes were asked for too often; try again later',
    headers: { 'Retry-After': String(retryAfterSeconds) },
  });

/** Checks what does not depend on who holds the email: the password rules and the organisation chosen. */
async function checkForm(input: RegisterInput) {
  assertPasswordAllowed(input.password, input, 'body.password');
  if (!input.orgId) {
    return null;
  }
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
  return org;
}

/**
 * Registration, step 1. Answers the same whether or not the email is registered: a free address
 * gets a 6-digit code; a registered one gets a notice to its owner (no code, nothing to create).
 * Limited per email and per network address before the branch, so limits reveal nothing either.
 */
export async function requestRegistration(input: RegisterInput, messaging: Messaging, ip: string): Promise<void> {
  await checkForm(input);
  const perIp = await reserveSlot(`register-ip:${ip}`, REGISTER_LIMITS.perIpPerHour);
  if (!perIp.allowed) {
    throw tooOften(perIp.retryAfterSeconds);
  }
  const perEmail = await reserveSlot(`register-email:${input.email}`, REGISTER_LIMITS.perEmailPerHour, REGISTER_RESEND_SECONDS * 1000);
  if (!perEmail.allowed) {
    throw tooOften(perEmail.retryAfterSeconds);
  }
  if (await UserModel.exists({ email: input.email })) {
    // The same database work as for a free address (a code no one receives, under a key no valid
    // email can name), so the answer's timing does not tell the two apart either.
    await codes.issue(`taken:${input.email}`, {});
    await messaging.mail.send({
      to: input.email,
      subject: '科转 · 有人尝试用您的邮箱注册 / Registration attempt',
      text: '【科转】有人尝试用您的邮箱注册新账号。如果是您本人，请直接登录；忘记密码可在登录页找回。如非本人操作，无需处理，您的账号不受影响。Someone tried to register a Kezhuan account with your email address. If it was you, sign in or reset your password; otherwise nothing needs to be done.',
    });
    return;
  }
  const code = await codes.issue(input.email, {});
  if (!code) {
    return; // the per-email slot above already keeps to the code limits; a race loses quietly
  }
  await messaging.mail.send({
    to: input.email,
    subject: '科转 · 注册验证码 / Registration code',
    text: `【科转】您的注册验证码是 ${code}，${REGISTER_CODE_MINUTES} 分钟内有效。如非本人操作，请忽略。Your Kezhuan registration code is ${code} (valid ${REGISTER_CODE_MINUTES} minutes).`,
  });
}

const badCode = () =>
  createError('VALIDATION_FAILED', {
    fields: [{ path: 'body.code', code: 'reset_code', message: '验证码不正确或已过期', messageEn: 'The code is wrong or has expired' }],
  });

const emailTaken = () =>
  createError('CONFLICT', {
    message: '该邮箱已注册，请直接登录或通过“忘记密码”找回。',
    messageEn: 'This email is registered already; sign in or reset your password.',
    fields: [{ path: 'body.email', code: 'taken', message: '该邮箱已注册', messageEn: 'This email is registered already' }],
  });

/**
 * Registration, step 2: the form again with the code. Creates the account with its email verified
 * (so joining an organisation that declares the email's domain is approved at once); a new
 * organisation makes the account its first manager. A wrong, used or expired code creates nothing.
 *
 * The mobile number is checked only here, after the email is proven: a number another account holds
 * is refused on the phone field, the code is spent (one probe per code: at most five an hour per
 * mailbox, sixty an hour per network address) and the number's owner is told by SMS.
 */
export async function completeRegistration(input: RegisterConfirmInput, messaging: Messaging, ip: string): Promise<UserDoc> {
  const joining = await checkForm(input);
  const rec = await codes.check(input.email, input.code);
  if (!rec) {
    throw badCode();
  }
  const phoneOwner = await UserModel.findOne({ phone: input.phone }, { phone: 1 }).lean();
  if (phoneOwner) {
    await codes.claim(rec);
    await messaging.sms.send({
      to: phoneOwner.phone,
      text: '【科转】有人尝试用您的手机号注册新账号。如果是您本人，请用该手机号直接登录或找回密码；如非本人操作，无需处理。Someone tried to register a Kezhuan account with your mobile number; if it was you, sign in or reset your password.',
    });
    throw createError('CONFLICT', {
      message: '该手机号已被其他账号使用。如果是您的号码，请用它登录或找回密码；否则请换一个号码并重新获取验证码。',
      messageEn: 'Another account uses this mobile number. If it is yours, sign in or reset your password; otherwise use another number and ask for a new code.',
      fields: [{ path: 'body.phone', code: 'taken', message: '该手机号已被其他账号使用', messageEn: 'Another account uses this mobile number' }],
    });
  }
  if (!(await codes.claim(rec))) {
    throw badCode();
  }
  const passwordHash = await hashPassword(input.password);
  let orgId = null;
  if (input.newOrg) {
    // A refused organisation (a taken credit code, too many from this network) leaves the code usable.
    orgId = (await createOrg(input.newOrg, { createdBy: null, ip, fieldPrefix: 'body.newOrg' }).catch(async (err: unknown) => {
      await codes.unclaim(rec);
      throw err;
    }))._id;
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
      emailVerifiedAt: new Date(),
    });
    if (orgId) {
      await OrgModel.updateOne({ _id: orgId }, { $set: { createdBy: user._id } });
    }
    await audit({ action: 'user.email_verify', actor: user._id, target: { kind: 'user', id: String(user._id) }, detail: { step: 'registered' }, ip });
    return joining ? await requestMembership(user, joining, ip) : user;
  } catch (err) {
    // Someone registered the email or number meanwhile (the unique indexes): undo the organisation.
    if (orgId) {
      await OrgModel.deleteOne({ _id: orgId, createdBy: null });
    }
    if ((err as { code?: number }).code === 11000) {
      throw emailTaken();
    }
    throw err;
  }
}

/** Deletes registration codes older than a day; run by the hourly sweep. */
export const sweepRegistrationCodes = (now = new Date()) => codes.sweep(now);
