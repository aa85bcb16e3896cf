import type { Request, Response } from 'express';
import passport from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';
import { createError } from '../../lib/errors';
import { UserModel, type UserDoc } from '../users/user.model';
import { checkLogin } from './auth.service';

let configured = false;

/** Registers the local strategy (email or mobile + password) and the session (de)serialisers once. */
export function configurePassport(): typeof passport {
  if (configured) {
    return passport;
  }
  configured = true;
  passport.use(
    new LocalStrategy({ usernameField: 'identifier', passwordField: 'password', passReqToCallback: true }, (req, identifier, password, done) => {
      checkLogin({ identifier, password }, req.ip ?? '').then(
        (user) => done(null, user),
        (err: unknown) => done(err),
      );
    }),
  );
  passport.serializeUser((user, done) => done(null, String(user._id)));
  passport.deserializeUser((id: string, done) => {
    UserModel.findById(id).then(
      // A disabled account's session no longer signs anyone in.
      (u) => done(null, u && !u.disabledAt ? u : false),
      (err: unknown) => done(err),
    );
  });
  return passport;
}

/** Runs the local strategy and resolves with the user (input already validated by zod). */
export function authenticateLocal(req: Request, res: Response): Promise<UserDoc> {
  return new Promise((resolve, reject) => {
    const cb = (err: unknown, user: UserDoc | false) => {
      if (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      } else if (!user) {
        reject(createError('INVALID_CREDENTIALS'));
      } else {
        resolve(user);
      }
    };
    (passport.authenticate('local', { session: false }, cb) as (req: Request, res: Response, next: (e?: unknown) => void) => void)(req, res, (e) => reject(e instanceof Error ? e : createError('INTERNAL')));
  });
}

/** Starts a session for `user`; Passport regenerates the session id (no fixation). */
export function logIn(req: Request, user: UserDoc): Promise<void> {
  return new Promise((resolve, reject) => req.logIn(user, (err) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve())));
}

export function logOut(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.logout((err) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve())));
}
