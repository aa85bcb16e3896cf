import { idParams, notificationListQuery, notificationView, paginated, unreadCountView } from '@kezhuan/shared';
import type { ApiRouter } from '../../lib/api-router';
import { currentUser } from '../../lib/auth-guard';
import { presentNotification } from './notification.presenter';
import { listNotifications, markAllRead, markRead, unreadCount } from './notification.service';

export function notificationRoutes(api: ApiRouter): void {
  api.add({
    method: 'get', path: '/notifications', tag: 'notifications', access: 'user',
    summary: 'My notifications, newest first', query: notificationListQuery, response: paginated(notificationView),
    handler: async ({ query }, req) => {
      const { items, total } = await listNotifications(currentUser(req)._id, query);
      return { items: items.map(presentNotification), total, page: query.page, pageSize: query.pageSize };
    },
  });
  api.add({
    method: 'get', path: '/notifications/unread-count', tag: 'notifications', access: 'user',
    summary: 'How many of my notifications are unread', response: unreadCountView,
    handler: async (_in, req) => ({ unread: await unreadCount(currentUser(req)._id) }),
  });
  api.add({
    method: 'post', path: '/notifications/:id/read', tag: 'notifications', access: 'user',
    summary: 'Mark one notification read', params: idParams, response: unreadCountView,
    handler: async ({ params }, req) => ({ unread: await markRead(currentUser(req)._id, params.id) }),
  });
  api.add({
    method: 'post', path: '/notifications/read-all', tag: 'notifications', access: 'user',
    summary: 'Mark all my notifications read', response: unreadCountView,
    handler: async (_in, req) => ({ unread: await markAllRead(currentUser(req)._id) }),
  });
}
