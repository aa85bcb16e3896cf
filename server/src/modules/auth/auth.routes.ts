import { changePasswordInput, loginInput, meView, registerInput, sessionView } from '@kezhuan/shared';
import { rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import type { ApiRouter } from '../../lib/api-router';
import { currentUser } from '../../lib/auth-guard';
import { createError } from '../../lib/errors';
import type { MongooseSessionStore } from '../sessions/session.store';
import { presentMe } from '../users/user.presenter';
import { changePassword, register } from './auth.service';
import { csrfToken } from './csrf';
import { authenticateLocal, logIn, logOut } from './passport';

const limited = (windowMs: number, limit: number) =>
  rateLimit({
    windowMs,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(createError('RATE_LIMITED')),
  });

export function authRoutes(api: ApiRouter, store: MongooseSessionStore): void {
  api.add({
    method: 'get', path: '/auth/session', tag: 'auth', access: 'public',
    summary: 'The current user (or null) and the CSRF token to send as X-CSRF-Token',
    response: sessionView,
    handler: async (_in, req) => ({ user: req.user ? await presentMe(req.user) : null, csrfToken: csrfToken(req) }),
  });
  api.add({
    method: 'post', path: '/auth/register', tag: 'auth', access: 'public', status: 201,
    summary: 'Create an account (and a new, unverified organisation if needed); signs in',
    before: [limited(60 * 60_000, 30)],
    body: registerInput, response: sessionView,
    handler: async ({ body }, req) => {
      const user = await register(body, req.ip ?? '');
      await logIn(req, user);
      return { user: await presentMe(user), csrfToken: csrfToken(req) };
    },
  });
  api.add({
    method: 'post', path: '/auth/login', tag: 'auth', access: 'public',
    summary: 'Sign in with email or mobile number and password (rate-limited; locks after 100 failures an hour)',
    before: [limited(15 * 60_000, 300)],
    body: loginInput, response: sessionView,
    handler: async (_in, req, res) => {
      const user = await authenticateLocal(req, res);
      await logIn(req, user);
      return { user: await presentMe(user), csrfToken: csrfToken(req) };
    },
  });
  api.add({
    method: 'post', path: '/auth/logout', tag: 'auth', access: 'public',
    summary: 'Sign out; returns a fresh CSRF token for the anonymous session',
    response: z.object({ csrfToken: z.string() }),
    handler: async (_in, req) => {
      await logOut(req);
      return { csrfToken: csrfToken(req) };
    },
  });
  api.add({
    method: 'post', path: '/auth/password', tag: 'auth', access: 'user',
    summary: 'Change password; ends the account’s other sessions (audited)',
    before: [limited(15 * 60_000, 20)],
    body: changePasswordInput, response: meView,
    handler: async ({ body }, req) => {
      const user = currentUser(req);
      await changePassword(user, body, req.ip ?? '');
      await store.destroyUserSessions(String(user._id), req.sessionID);
      return presentMe(user);
    },
  });
}
