import { accountDisableInput, adminUserListQuery, adminUserView, idParams, paginated } from '@kezhuan/shared';
import type { ApiRouter } from '../../lib/api-router';
import { currentUser } from '../../lib/auth-guard';
import type { MongooseSessionStore } from '../sessions/session.store';
import { listUsers, setUserDisabled, unlockUser } from './user-admin.service';

/** Administrators manage accounts: list, unlock a login lock, disable and enable. */
export function userAdminRoutes(api: ApiRouter, store: MongooseSessionStore): void {
  api.add({
    method: 'get', path: '/admin/users', tag: 'users', access: ['admin'],
    summary: 'Accounts with their lock and disabled state (administrators)',
    query: adminUserListQuery, response: paginated(adminUserView),
    handler: async ({ query }) => {
      const { items, total } = await listUsers(query);
      return { items, total, page: query.page, pageSize: query.pageSize };
    },
  });
  api.add({
    method: 'post', path: '/admin/users/:id/unlock', tag: 'users', access: ['admin'],
    summary: 'End an account’s login lock now (administrators; audited)',
    params: idParams, response: adminUserView,
    handler: ({ params }, req) => unlockUser(params.id, currentUser(req)._id, req.ip ?? ''),
  });
  api.add({
    method: 'patch', path: '/admin/users/:id/disabled', tag: 'users', access: ['admin'],
    summary: 'Disable (ends its sessions and sockets) or re-enable an account (administrators; audited)',
    params: idParams, body: accountDisableInput, response: adminUserView,
    handler: ({ params, body }, req) => setUserDisabled(store, params.id, body.disabled, currentUser(req)._id, req.ip ?? ''),
  });
}
