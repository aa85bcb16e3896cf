import {
  changePasswordInput,
  loginInput,
  meView,
  passwordResetConfirmInput,
  passwordResetRequestInput,
  passwordResetRequested,
  registerConfirmInput,
  registerInput,
  registrationCodeSent,
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
import { changePassword } from './auth.service';
import { emailVerificationRoutes } from './email-verification.routes';
import type { Csrf } from './csrf';
import { confirmPasswordReset, requestPasswordReset, RESET_CODE_MINUTES } from './password-reset.service';
import { authenticateLocal, logIn, logOut } from './passport';
import { completeRegistration, REGISTER_CODE_MINUTES, REGISTER_RESEND_SECONDS, requestRegistration } from './registration.service';
import { releaseSlot, reserveSlot } from './throttle';

/** Sessions one account may hold (each login makes one); older ones end. */
export const MAX_SESSIONS_PER_ACCOUNT = 20;
/**
 * Sessions one network address may create in a sliding hour (sign-ins and completed registrations).
 * Generous, since a campus or company NAT puts many people behind one address, and sessions last
 * days; it stops a script from filling the session store.
 */
export const SESSIONS_PER_IP_PER_HOUR = 600;

export interface AuthDeps {
  store: MongooseSessionStore;
  csrf: Csrf;
  messaging: Messaging;
  /** Overrides SESSIONS_PER_IP_PER_HOUR (tests). */
  sessionsPerIpPerHour?: number;
}

const limited = (windowMs: number, limit: number) =>
  rateLimit({
    windowMs,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(createError('RATE_LIMITED')),
  });

export function authRoutes(api: ApiRouter, { store, csrf, messaging, sessionsPerIpPerHour = SESSIONS_PER_IP_PER_HOUR }: AuthDeps): void {
  const csrfToken = (req: Request, res: Response) => csrf.token(req, res);
  /**
   * Runs `work` (which ends in a new session) only while the address has sessions left this hour;
   * the slot is taken before the work (no password checked when refused) and given back if it fails.
   */
  const withSessionSlot = async <T>(req: Request, work: () => Promise<T>): Promise<T> => {
    const slot = await reserveSlot(`session-ip:${req.ip ?? ''}`, sessionsPerIpPerHour);
    if (!slot.allowed) {
      throw createError('RATE_LIMITED', {
        message: '该网络登录过于频繁，请稍后再试',
        messageEn: 'Too many sign-ins from this network; try again later',
        headers: { 'Retry-After': String(slot.retryAfterSeconds) },
      });
    }
    try {
      return await work();
    } catch (err) {
      await releaseSlot(slot);
      throw err;
    }
  };
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
    method: 'post', path: '/auth/register', tag: 'auth', access: 'public', status: 202,
    summary: 'Registration step 1: the form; sends a 6-digit code to the email, or its owner a notice when it is registered (the same answer either way; limited per email and per address)',
    before: [limited(15 * 60_000, 100)],
    body: registerInput, response: registrationCodeSent,
    handler: async ({ body }, req) => {
      await requestRegistration(body, messaging, req.ip ?? '');
      return { sent: true as const, expiresInMinutes: REGISTER_CODE_MINUTES, resendAfterSeconds: REGISTER_RESEND_SECONDS };
    },
  });
  api.add({
    method: 'post', path: '/auth/register/confirm', tag: 'auth', access: 'public', status: 201,
    summary: 'Registration step 2: the form with the code; creates the account (email verified, and a new, unverified organisation if needed) and signs in',
    before: [limited(15 * 60_000, 60)],
    body: registerConfirmInput, response: sessionView,
    handler: async ({ body }, req, res) => {
      const user = await withSessionSlot(req, async () => {
        const created = await completeRegistration(body, messaging, req.ip ?? '');
        await signIn(req, created);
        return created;
      });
      return { user: await presentMe(user), csrfToken: csrfToken(req, res) };
    },
  });
  api.add({
    method: 'post', path: '/auth/login', tag: 'auth', access: 'public',
    summary: 'Sign in with email or mobile number and password (rate-limited; locks after 100 failures an hour; 600 new sessions an hour per address)',
    before: [limited(15 * 60_000, 300)],
    body: loginInput, response: sessionView,
    handler: async (_in, req, res) => {
      const user = await withSessionSlot(req, async () => {
        const u = await authenticateLocal(req, res);
        await signIn(req, u);
        return u;
      });
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
