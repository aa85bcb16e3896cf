import { readFileSync } from 'node:fs';
import type { FieldError } from '@kezhuan/shared';
import { createError } from '../../lib/errors';

let common: Set<string> | undefined;

/** The 10,000 most common passwords (see data/README.md for the source and licence), loaded once. */
function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(new URL('./data/common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .map((l) => l.trim().toLowerCase())
      .filter(Boolean),
  );
  return common;
}

/**
 * A common password, or one that is a common password with digits and symbols around it
 * (`password12`, `Qwerty2026!`): the length rule alone lets those through.
 */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  const list = commonPasswords();
  if (list.has(lower)) {
    return true;
  }
  const core = lower.replace(/^[^a-z]+|[^a-z]+$/g, '');
  return core.length >= 4 && list.has(core);
}

/** The password contains the account's email (or its local part) or mobile number. */
export function containsIdentity(password: string, identity: { email?: string; phone?: string }): boolean {
  const lower = password.toLowerCase();
  const email = identity.email?.toLowerCase() ?? '';
  const local = email.split('@')[0] ?? '';
  return [email, local.length >= 4 ? local : '', identity.phone ?? ''].some((s) => s !== '' && lower.includes(s));
}

/** Refuses a new password that is common or built from the account's identity (400 on `path`). */
export function assertPasswordAllowed(password: string, identity: { email?: string; phone?: string }, path: string): void {
  const fields: FieldError[] = [];
  if (isCommonPassword(password)) {
    fields.push({ path, code: 'password_common', message: '密码太常见，容易被猜中，请换一个', messageEn: 'This password is too common; choose another' });
  } else if (containsIdentity(password, identity)) {
    fields.push({ path, code: 'password_identity', message: '密码不能包含邮箱或手机号', messageEn: 'The password must not contain your email or mobile number' });
  }
  if (fields.length > 0) {
    throw createError('VALIDATION_FAILED', { fields });
  }
}
