import { Schema, model } from 'mongoose';

/**
 * A user's notification counters, one small document per user (`_id` is the user's id), so the
 * bell and the page total are one read by `_id` however long the history: counting is linear in
 * its matches on FerretDB 2 / DocumentDB (164 ms for ~6,600 unread). Maintained with `$inc` next to
 * each write (notification.counters.ts); no transaction, so it may drift by one on a crash between
 * the two writes, and the reads that can see the truth cheaply repair it.
 */
const notificationCounterSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    unread: { type: Number, required: true, min: 0 },
    total: { type: Number, required: true, min: 0 },
    /** When the full repair last wrote this document (older ones are dropped by that repair). */
    checkedAt: { type: Date, default: null },
  },
  { versionKey: false },
);
// Queries: read, $inc and $set by _id only (the _id index).

export const NotificationCounterModel = model('NotificationCounter', notificationCounterSchema);
