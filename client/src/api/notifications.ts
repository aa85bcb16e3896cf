import type { NotificationView } from '@kezhuan/shared';
import { api } from './client';
import type { Page } from './endpoints';

export interface NotificationQuery {
  unread?: boolean;
  page?: number;
  pageSize?: number;
}

export const notificationsApi = {
  list: (q: NotificationQuery = {}) =>
    api.get<Page<NotificationView>>('/notifications', { ...q, unread: q.unread === undefined ? undefined : String(q.unread) }),
  unreadCount: () => api.get<{ unread: number }>('/notifications/unread-count'),
  markRead: (nid: string) => api.post<{ unread: number }>(`/notifications/${encodeURIComponent(nid)}/read`),
  markAllRead: () => api.post<{ unread: number }>('/notifications/read-all'),
};
