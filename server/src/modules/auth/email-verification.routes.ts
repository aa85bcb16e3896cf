import { emailVerifyInput, meView, passwordResetRequested } from '@kezhuan/shared';
import { rateLimit } from 'express-rate-limit';
import type { ApiRouter } from '../../lib/api-router';
import { currentUser } from '../../lib/auth-guard';
import { createError } from '../../lib/errors';
import type { Messaging } from '../messaging/messaging';
import { presentMe } from '../users/user.presenter';
import { requestEmailVerification, verifyEmail, VERIFY_CODE_MINUTES } from './email-verification.service';

const limited = (windowMs: number, limit: number) =>
  rateLimit({ windowMs, limit, standardHeaders: 'draft-8', legacyHeaders: false, handler: (_req, _res, next) => next(createError('RATE_LIMITED')) });

/** The signed-in account proves its email with a code (which may approve a pending membership by domain). */
export function emailVerificationRoutes(api: ApiRouter, messaging: Messaging): void {
  api.add({
    method: 'post', path: '/me/email/verification', tag: 'auth', access: 'user', status: 202,
    summary: 'Send a 6-digit code to the account’s email (at most one a minute, five an hour)',
    before: [limited(15 * 60_000, 10)],
    response: passwordResetRequested,
    handler: async (_in, req) => {
      await requestEmailVerification(currentUser(req), messaging, req.ip ?? '');
      return { sent: true as const, expiresInMinutes: VERIFY_CODE_MINUTES };
    },
  });
  api.add({
    method: 'post', path: '/me/email/verify', tag: 'auth', access: 'user',
    summary: 'Verify the email with the code; approves a pending request to join a verified organisation of that domain',
    before: [limited(15 * 60_000, 30)],
    body: emailVerifyInput, response: meView,
    handler: async ({ body }, req) => presentMe(await verifyEmail(currentUser(req), body, req.ip ?? '')),
  });
}
