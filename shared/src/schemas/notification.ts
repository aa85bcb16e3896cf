import { z } from 'zod';
import { objectId, pagination } from './common';

export const NOTIFICATION_KINDS = ['listing.match', 'listing.reviewed', 'listing.interest', 'system', 'org.membership', 'org.verification', 'pairing.application', 'pairing.match', 'pairing.answer', 'pairing.service', 'deal.opened', 'deal.stage', 'deal.files', 'deal.intermediary', 'instrument.booking', 'financing', 'carrier', 'programme.application', 'event', 'programme.project', 'programme.review'] as const;
export const notificationKind = z.enum(NOTIFICATION_KINDS);

/** A notification as the owner sees it; title and body are stored in both languages. */
export const notificationView = z.object({
  id: objectId,
  kind: notificationKind,
  title: z.string(),
  titleEn: z.string(),
  body: z.string(),
  bodyEn: z.string(),
  /** An in-app path to open, e.g. /results/abc. */
  link: z.string(),
  read: z.boolean(),
  createdAt: z.string(),
});
export type NotificationView = z.infer<typeof notificationView>;

export const notificationListQuery = z.strictObject({
  unread: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  ...pagination,
});

/** How many of my notifications are unread (kept in a counter; the bell shows 99+ beyond 99). */
export const unreadCountView = z.object({ unread: z.number().int() });
