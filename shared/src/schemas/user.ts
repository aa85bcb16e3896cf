import { z } from 'zod';
import { LIMITS, ROLES, SELF_SERVICE_ROLES, ROLE_ORG_TYPES } from '../constants';
import { email, inputString, mobile, objectId, text } from './common';
import { membershipView } from './membership';
import { orgCreateInput, orgView } from './org';

export const role = z.enum(ROLES);
export const selfServiceRole = z.enum(SELF_SERVICE_ROLES);

export const password = z
  .string()
  .min(LIMITS.passwordMin)
  .max(LIMITS.passwordMax)
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), { message: 'kz.password_weak' });

const registerFields = {
  email,
  phone: mobile,
  password,
  displayName: text(LIMITS.nameMax),
  role: selfServiceRole,
  orgId: objectId.optional(),
  newOrg: orgCreateInput.optional(),
};

function registerChecks(v: { role: z.infer<typeof selfServiceRole>; orgId?: string | undefined; newOrg?: z.infer<typeof orgCreateInput> | undefined }, ctx: z.RefinementCtx): void {
  if (Boolean(v.orgId) === Boolean(v.newOrg)) {
    ctx.addIssue({ code: 'custom', path: ['orgId'], message: 'kz.org_choice' });
  }
  if (v.newOrg && !ROLE_ORG_TYPES[v.role].includes(v.newOrg.type)) {
    ctx.addIssue({ code: 'custom', path: ['newOrg', 'type'], message: 'kz.role_org' });
  }
}

/**
 * Registration, step 1: the whole form; the server answers "code sent" whether or not the email is
 * registered. Join an existing organisation (`orgId`) or create one (`newOrg`), not both.
 */
export const registerInput = z.strictObject(registerFields).superRefine(registerChecks);
export type RegisterInput = z.infer<typeof registerInput>;

/** A 6-digit code sent by email or SMS. */
export const oneTimeCode = z.string().trim().regex(/^\d{6}$/, { message: 'kz.reset_code' });

/** Registration, step 2: the same form with the code sent to the email; creates the account. */
export const registerConfirmInput = z.strictObject({ ...registerFields, code: oneTimeCode }).superRefine(registerChecks);
export type RegisterConfirmInput = z.infer<typeof registerConfirmInput>;

/** The answer to step 1: the same for a free and a registered email. */
export const registrationCodeSent = z.object({
  sent: z.literal(true),
  expiresInMinutes: z.number().int(),
  /** Seconds before the form may ask for another code. */
  resendAfterSeconds: z.number().int(),
});
export type RegistrationCodeSent = z.infer<typeof registrationCodeSent>;

/** Login by email or mainland mobile number. */
export const loginInput = z.strictObject({
  identifier: inputString().trim().min(1, { message: 'kz.identifier' }).max(254),
  password: z.string().min(1).max(LIMITS.passwordMax),
});
export type LoginInput = z.infer<typeof loginInput>;

export const changePasswordInput = z
  .strictObject({ currentPassword: z.string().min(1).max(LIMITS.passwordMax), newPassword: password })
  .refine((v) => v.currentPassword !== v.newPassword, { path: ['newPassword'], message: 'kz.password_same' });
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

/** What a user may change on their own profile: nothing about role, organisation or verification. */
export const profileUpdateInput = z.strictObject({
  displayName: text(LIMITS.nameMax).optional(),
  title: inputString().trim().max(LIMITS.nameMax).optional(),
  bio: inputString().trim().max(LIMITS.bioMax).optional(),
  locale: z.enum(['zh-CN', 'en']).optional(),
});
export type ProfileUpdateInput = z.infer<typeof profileUpdateInput>;

/** The signed-in user as they see themselves. */
export const meView = z.object({
  id: objectId,
  email: z.string(),
  phone: z.string(),
  displayName: z.string(),
  title: z.string(),
  bio: z.string(),
  locale: z.enum(['zh-CN', 'en']),
  role,
  org: orgView.nullable(),
  /** The account's role in its organisation and whether the managers have approved it yet. */
  membership: membershipView.nullable(),
  /** True once the account proved its email with a code (absent in older fixtures: not verified). */
  emailVerified: z.boolean().optional(),
  createdAt: z.string(),
});
export type MeView = z.infer<typeof meView>;

export const sessionView = z.object({ user: meView.nullable(), csrfToken: z.string() });
export type SessionView = z.infer<typeof sessionView>;
