import { z } from 'zod';
import { LIMITS } from '../constants';
import { objectId, pagination } from './common';
import { password, role } from './user';

/** Asks for a password-reset code, sent to the account's email or mobile number. */
export const passwordResetRequestInput = z.strictObject({
  identifier: z.string().trim().min(1, { message: 'kz.identifier' }).max(254),
});
export type PasswordResetRequestInput = z.infer<typeof passwordResetRequestInput>;

/** Sets a new password with the code that was sent. */
export const passwordResetConfirmInput = z.strictObject({
  identifier: z.string().trim().min(1, { message: 'kz.identifier' }).max(254),
  code: z.string().trim().regex(/^\d{6}$/, { message: 'kz.reset_code' }),
  newPassword: password,
});
export type PasswordResetConfirmInput = z.infer<typeof passwordResetConfirmInput>;

/** The code that proves the signed-in account's email. */
export const emailVerifyInput = z.strictObject({
  code: z.string().trim().regex(/^\d{6}$/, { message: 'kz.reset_code' }),
});
export type EmailVerifyInput = z.infer<typeof emailVerifyInput>;

/** The answer to a reset request: the same whether or not the account exists. */
export const passwordResetRequested = z.object({ sent: z.literal(true), expiresInMinutes: z.number().int() });

/** Administrators' list of accounts. */
export const adminUserListQuery = z.strictObject({
  q: z.string().trim().max(LIMITS.nameMax).optional(),
  ...pagination,
});
export type AdminUserListQuery = z.infer<typeof adminUserListQuery>;

/** An account as administrators see it (never the password hash). */
export const adminUserView = z.object({
  id: objectId,
  email: z.string(),
  phone: z.string(),
  displayName: z.string(),
  role,
  orgName: z.string().nullable(),
  disabled: z.boolean(),
  /** Login refused until failures age out of the hour or an administrator unlocks it. */
  locked: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type AdminUserView = z.infer<typeof adminUserView>;

export const accountDisableInput = z.strictObject({ disabled: z.boolean() });
