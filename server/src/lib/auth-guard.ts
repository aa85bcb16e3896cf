import type { RequestHandler } from 'express';
import type { Role } from '@kezhuan/shared';
import { createError } from './errors';

/** Requires a signed-in user, and one of `roles` when given. */
export function requireAuth(roles?: readonly Role[]): RequestHandler {
  return (req, _res, next) => {
    const user = req.user;
    if (!user) {
      next(createError('UNAUTHENTICATED'));
      return;
    }
    if (roles && !roles.includes(user.role)) {
      next(createError('FORBIDDEN'));
      return;
    }
    next();
  };
}

/** The signed-in user of a route whose access already required one. */
export function currentUser(req: Express.Request): Express.User {
  if (!req.user) {
    throw createError('UNAUTHENTICATED');
  }
  return req.user;
}
