import type { NotificationView } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import type { Notification } from './notification.model';

export function presentNotification(n: Notification & { _id: Types.ObjectId; createdAt: Date }): NotificationView {
  return {
    id: String(n._id),
    kind: n.kind,
    title: n.title,
    titleEn: n.titleEn,
    body: n.body,
    bodyEn: n.bodyEn,
    link: n.link,
    read: n.readAt !== null && n.readAt !== undefined,
    createdAt: n.createdAt.toISOString(),
  };
}
