import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { createError } from '../../lib/errors';

declare module 'express-session' {
  interface SessionData {
    csrfToken?: string;
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-csrf-token';

/** The session's CSRF token, created on first use (synchronizer-token pattern). */
export function csrfToken(req: Request): string {
  req.session.csrfToken ??= randomBytes(24).toString('base64url');
  return req.session.csrfToken;
}

/** Refuses any state-changing request whose X-CSRF-Token header does not match the session's token. */
export function csrfProtection(): RequestHandler {
  return (req, _res, next) => {
    if (SAFE.has(req.method)) {
      next();
      return;
    }
    const expected = req.session.csrfToken;
    const got = req.get(CSRF_HEADER);
    if (!expected || !got || got.length !== expected.length || !timingSafeEqual(Buffer.from(got), Buffer.from(expected))) {
      next(createError('CSRF_INVALID'));
      return;
    }
    next();
  };
}
