import { idParams, orgCreateInput, orgListQuery, orgVerificationInput, orgView, paginated } from '@kezhuan/shared';
import type { ApiRouter } from '../../lib/api-router';
import { currentUser } from '../../lib/auth-guard';
import { presentOrg } from './org.presenter';
import { createOrg, getOrg, listOrgs, setOrgVerification } from './org.service';

export function orgRoutes(api: ApiRouter): void {
  api.add({
    method: 'get', path: '/orgs', tag: 'organisations', access: 'public',
    summary: 'List or search organisations (registration picks one from here)',
    query: orgListQuery, response: paginated(orgView),
    handler: async ({ query }) => {
      const { items, total } = await listOrgs(query);
      return { items: items.map(presentOrg), total, page: query.page, pageSize: query.pageSize };
    },
  });
  api.add({
    method: 'get', path: '/orgs/:id', tag: 'organisations', access: 'public',
    summary: 'One organisation', params: idParams, response: orgView,
    handler: async ({ params }) => presentOrg(await getOrg(params.id)),
  });
  api.add({
    method: 'post', path: '/orgs', tag: 'organisations', access: 'user', status: 201,
    summary: 'Register a new organisation (unverified until an administrator verifies it)',
    body: orgCreateInput, response: orgView,
    handler: async ({ body }, req) => presentOrg(await createOrg(body, req.user?._id ?? null)),
  });
  api.add({
    method: 'patch', path: '/orgs/:id/verification', tag: 'organisations', access: ['admin'],
    summary: 'Verify or un-verify an organisation (administrators; audited)',
    params: idParams, body: orgVerificationInput, response: orgView,
    handler: async ({ params, body }, req) =>
      presentOrg(await setOrgVerification(params.id, body.verified, currentUser(req)._id, body.note, req.ip ?? '')),
  });
}
