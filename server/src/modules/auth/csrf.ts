import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { createError } from '../../lib/errors';

declare module 'express-session' {
  interface SessionData {
    csrfToken?: string;
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-csrf-token';
/** The anonymous visitor's signed CSRF token (double-submit cookie): no stored session needed. */
export const CSRF_COOKIE = 'kz.csrf';

export interface Csrf {
  /** The token a page sends back as X-CSRF-Token; sets the anonymous cookie when needed. */
  token(req: Request, res: Response): string;
  /** Refuses any state-changing request whose X-CSRF-Token header does not match. */
  protection(): RequestHandler;
}

function sameString(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

function cookieValue(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      return part.slice(eq + 1).trim();
    }
  }
  return undefined;
}

/**
 * CSRF tokens in two forms. A signed-in session keeps its token in the session (synchronizer token,
 * renewed at login). An anonymous visitor gets `nonce.hmac(nonce)` in an HttpOnly cookie and in the
 * response body, and must send it back as the header (signed double-submit): reading the session
 * stores nothing, so anonymous page loads no longer create sessions.
 */
export function createCsrf(secret: string): Csrf {
  const sign = (nonce: string) => createHmac('sha256', secret).update(`csrf:${nonce}`).digest('base64url');
  const valid = (token: string | undefined): token is string => {
    if (!token) {
      return false;
    }
    const [nonce, mac, extra] = token.split('.');
    return Boolean(nonce) && mac !== undefined && extra === undefined && sameString(mac, sign(nonce ?? ''));
  };

  return {
    token(req, res) {
      if (req.session.csrfToken) {
        return req.session.csrfToken;
      }
      if (req.user) {
        req.session.csrfToken = randomBytes(24).toString('base64url');
        return req.session.csrfToken;
      }
      const existing = cookieValue(req, CSRF_COOKIE);
      if (valid(existing)) {
        return existing;
      }
      const nonce = randomBytes(18).toString('base64url');
      const token = `${nonce}.${sign(nonce)}`;
      res.cookie(CSRF_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/api' });
      return token;
    },
    protection() {
      return (req, _res, next) => {
        if (SAFE.has(req.method)) {
          next();
          return;
        }
        const got = req.get(CSRF_HEADER);
        const stored = req.session.csrfToken;
        const ok = got !== undefined && (stored ? sameString(got, stored) : valid(got) && sameString(got, cookieValue(req, CSRF_COOKIE) ?? ''));
        next(ok ? undefined : createError('CSRF_INVALID'));
      };
    },
  };
}
