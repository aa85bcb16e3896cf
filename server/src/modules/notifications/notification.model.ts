import { Schema, model, type InferSchemaType } from 'mongoose';
import { NOTIFICATION_KINDS } from '@kezhuan/shared';

/** Stored notifications, so nothing is lost while the user is offline; pushed live when online. */
const notificationSchema = new Schema(
  {
    user: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    kind: { type: String, enum: NOTIFICATION_KINDS, required: true },
    title: { type: String, required: true },
    titleEn: { type: String, required: true },
    body: { type: String, default: '' },
    bodyEn: { type: String, default: '' },
    link: { type: String, default: '' },
    /** Deduplication key: the same event is never stored twice for a user. */
    key: { type: String, required: true },
    readAt: { type: Date, default: null },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
// Queries (notification.service.ts): a user's page, newest first → {user, createdAt}; the unread
// count, the unread page and "mark all read" → {user, readAt, createdAt}; storing once per event →
// {user, key} (unique).
notificationSchema.index({ user: 1, createdAt: -1 });
notificationSchema.index({ user: 1, key: 1 }, { unique: true });
notificationSchema.index({ user: 1, readAt: 1 });

export type Notification = InferSchemaType<typeof notificationSchema>;
export const NotificationModel = model('Notification', notificationSchema);
