import { Schema, model } from 'mongoose';

/**
 * One login attempt against a key (`acct:<userId>`, `name:<identifier>` or `ip:<address>`). Each
 * attempt is written before the password is checked and removed if it succeeds, so the count of
 * rows in the last hour bounds how many passwords can be tried, even under concurrent requests.
 */
const loginAttemptSchema = new Schema(
  {
    key: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);
// Queries (throttle.ts): attempts on a key in the last hour, counted at every login → {key, at};
// the hourly sweep of attempts older than the window → {at}.
loginAttemptSchema.index({ key: 1, at: 1 });
loginAttemptSchema.index({ at: 1 });

export const LoginAttemptModel = model('LoginAttempt', loginAttemptSchema);
