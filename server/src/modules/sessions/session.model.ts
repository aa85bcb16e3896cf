import { Schema, model } from 'mongoose';

/**
 * Stored sessions. Expiry is a field we filter on and a periodic sweep deletes: FerretDB v1 has no
 * TTL indexes, and MongoDB runs the same code.
 *
 * Queries (session.store.ts): every request's lookup by session id → `_id` (one indexed read
 * whatever the number of sessions); ending a user's sessions → {userId}; the sweep → {expiresAt}.
 */
const sessionSchema = new Schema(
  {
    _id: { type: String, required: true },
    data: { type: String, required: true },
    userId: { type: String, default: null, index: true },
    expiresAt: { type: Date, required: true, index: true },
  },
  { versionKey: false },
);

export const SessionModel = model('Session', sessionSchema);
