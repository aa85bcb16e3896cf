/**
 * Limits on exports, which are the most expensive public request (up to 10,000 rows each): a
 * number per hour per IP address (smaller for anonymous visitors) and per account, one export at a
 * time per client, and a few at a time for the whole process.
 */
import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { createError } from '../../lib/errors';

export const EXPORT_LIMITS = {
  /** Exports per hour from one IP address without signing in. */
  anonymousPerHour: 10,
  /** Exports per hour for a signed-in account (and from its IP address). */
  accountPerHour: 60,
  /** Exports running at once in this process. */
  concurrent: 3,
} as const;

const HOUR = 60 * 60_000;

const tooMany = (retryAfterS: number) =>
  createError('RATE_LIMITED', {
    message: '导出过于频繁，请稍后再试',
    messageEn: 'Too many exports; try again later',
    headers: { 'Retry-After': String(retryAfterS) },
  });

const ipKey = (req: Request) => ipKeyGenerator(req.ip ?? 'unknown');
const clientKey = (req: Request) => (req.user ? `u:${String(req.user._id)}` : `ip:${ipKey(req)}`);

/** The middleware chain of an export route (one set per app, so tests start from zero). */
export function exportLimits(): RequestHandler[] {
  const perIp = rateLimit({
    windowMs: HOUR,
    limit: (req) => (req.user ? EXPORT_LIMITS.accountPerHour : EXPORT_LIMITS.anonymousPerHour),
    keyGenerator: ipKey,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(tooMany(600)),
  });
  const perAccount = rateLimit({
    windowMs: HOUR,
    limit: EXPORT_LIMITS.accountPerHour,
    skip: (req) => !req.user,
    keyGenerator: (req) => String(req.user?._id),
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(tooMany(600)),
  });
  const running = new Set<string>();
  const oneAtATime: RequestHandler = (req, res, next) => {
    const key = clientKey(req);
    if (running.has(key) || running.size >= EXPORT_LIMITS.concurrent) {
      next(tooMany(5));
      return;
    }
    running.add(key);
    res.once('close', () => running.delete(key));
    next();
  };
  return [perIp, perAccount, oneAtATime];
}
