import {
  changePasswordInput,
  loginInput,
  meView,
  passwordResetConfirmInput,
  passwordResetRequestInput,
  passwordResetRequested,
  registerInput,
  sessionView,
} from '@kezhuan/shared';
import type { Request, Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import type { ApiRouter } from '../../lib/api-router';
import { currentUser } from '../../lib/auth-guard';
import { createError } from '../../lib/errors';
import type { Messaging } from '../messaging/messaging';
import { endSessionSockets, endUserSessions, trimUserSessions } from '../sessions/session-end';
import type { MongooseSessionStore } from '../sessions/session.store';
import { presentMe } from '../users/user.presenter';
import type { UserDoc } from '../users/user.model';
import { changePassword, register } from './auth.service';
import { emailVerificationRoutes } from './email-verification.routes';
import type { Csrf } from './csrf';
import { confirmPasswordReset, requestPasswordReset, RESET_CODE_MINUTES } from './password-reset.service';
import { authenticateLocal, logIn, logOut } from './passport';

/** Sessions one account may hold (each login makes one); older ones end. */
export const MAX_SESSIONS_PER_ACCOUNT = 20;

export interface AuthDeps {
  store: MongooseSessionStore;
  csrf: Csrf;
  messaging: Messaging;
}

const limited = (windowMs: number, limit: number) =>
  rateLimit({
    windowMs,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(createError('RATE_LIMITED')),
  });

export function authRoutes(api: ApiRouter, { store, csrf, messaging }: AuthDeps): void {
  const csrfToken = (req: Request, res: Response) => csrf.token(req, res);
  /** Starts the session and keeps the account's session count bounded. */
  const signIn = async (req: Request, user: UserDoc) => {
    await logIn(req, user);
    await new Promise<void>((resolve, reject) => req.session.save((err) => (err ? reject(err as Error) : resolve())));
    await trimUserSessions(store, String(user._id), MAX_SESSIONS_PER_ACCOUNT);
  };

  api.add({
    method: 'get', path: '/auth/session', tag: 'auth', access: 'public',
    summary: 'The current user (or null) and the CSRF token to send as X-CSRF-Token (stores no session for visitors)',
    response: sessionView,
    handler: async (_in, req, res) => ({ user: req.user ? await presentMe(req.user) : null, csrfToken: csrfToken(req, res) }),
  });
  api.add({
    method: 'post', path: '/auth/register', tag: 'auth', access: 'public', status: 201,
    summary: 'Create an account (and a new, unverified organisation if needed); signs in',
    before: [limited(60 * 60_000, 30)],
    body: registerInput, response: sessionView,
    handler: async ({ body }, req, res) => {
      const user = await register(body, messaging, req.ip ?? '');
      await signIn(req, user);
      return { user: await presentMe(user), csrfToken: csrfToken(req, res) };
    },
  });
  api.add({
    method: 'post', path: '/auth/login', tag: 'auth', access: 'public',
    summary: 'Sign in with email or mobile number and password (rate-limited; locks after 100 failures an hour)',
    before: [limited(15 * 60_000, 300)],
    body: loginInput, response: sessionView,
    handler: async (_in, req, res) => {
      const user = await authenticateLocal(req, res);
      await signIn(req, user);
      return { user: await presentMe(user), csrfToken: csrfToken(req, res) };
    },
  });
  api.add({
    method: 'post', path: '/auth/logout', tag: 'auth', access: 'public',
    summary: 'Sign out (the session’s sockets disconnect); returns a CSRF token for the anonymous visitor',
    response: z.object({ csrfToken: z.string() }),
    handler: async (_in, req, res) => {
      const sid = req.sessionID;
      await logOut(req);
      endSessionSockets(sid);
      return { csrfToken: csrfToken(req, res) };
    },
  });
  api.add({
    method: 'post', path: '/auth/password', tag: 'auth', access: 'user',
    summary: 'Change password; ends the account’s other sessions and their sockets (audited)',
    before: [limited(15 * 60_000, 20)],
    body: changePasswordInput, response: meView,
    handler: async ({ body }, req) => {
      const user = currentUser(req);
      await changePassword(user, body, req.ip ?? '');
      await endUserSessions(store, String(user._id), req.sessionID);
      return presentMe(user);
    },
  });
  api.add({
    method: 'post', path: '/auth/password-reset', tag: 'auth', access: 'public', status: 202,
    summary: 'Send a password-reset code to the account’s email or mobile number (same answer for unknown accounts)',
    before: [limited(15 * 60_000, 10)],
    body: passwordResetRequestInput, response: passwordResetRequested,
    handler: async ({ body }, req) => {
      await requestPasswordReset(body.identifier, messaging, req.ip ?? '');
      return { sent: true as const, expiresInMinutes: RESET_CODE_MINUTES };
    },
  });
  api.add({
    method: 'post', path: '/auth/password-reset/confirm', tag: 'auth', access: 'public',
    summary: 'Set a new password with the code; unlocks the account and ends all its sessions and sockets (audited)',
    before: [limited(15 * 60_000, 30)],
    body: passwordResetConfirmInput, response: z.object({ ok: z.literal(true) }),
    handler: async ({ body }, req) => {
      const user = await confirmPasswordReset(body, req.ip ?? '');
      await endUserSessions(store, String(user._id));
      return { ok: true as const };
    },
  });
  emailVerificationRoutes(api, messaging);
}
