import { idParams, orgCreateInput, orgListQuery, orgVerificationInput, orgView, paginated } from '@kezhuan/shared';
import type { ApiRouter } from '../../lib/api-router';
import { currentUser } from '../../lib/auth-guard';
import { createError } from '../../lib/errors';
import { UserModel } from '../users/user.model';
import { membershipRoutes } from './membership.routes';
import { orgVerificationRoutes } from './org-verification.routes';
import { setOrgVerification } from './org-verification.service';
import { presentOrg } from './org.presenter';
import { createOrg, getOrg, listOrgs } from './org.service';

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
    summary: 'Register a new organisation (an account without one becomes its first manager; unverified until an administrator verifies it; limited per network per day)',
    body: orgCreateInput, response: orgView,
    handler: async ({ body }, req) => {
      const user = currentUser(req);
      if (user.org) {
        throw createError('CONFLICT', { message: '一个账号只能属于一个机构', messageEn: 'An account belongs to one organisation' });
      }
      const org = await createOrg(body, { createdBy: user._id, ip: req.ip ?? '' });
      await UserModel.updateOne({ _id: user._id, org: null }, { $set: { org: org._id, orgRole: 'manager', orgStatus: 'active', orgRequestedAt: null } });
      return presentOrg(org);
    },
  });
  api.add({
    method: 'patch', path: '/orgs/:id/verification', tag: 'organisations', access: ['admin'],
    summary: 'Verify or un-verify (or reject the application of) an organisation (administrators; audited; verifying releases other claims to its credit code)',
    params: idParams, body: orgVerificationInput, response: orgView,
    handler: async ({ params, body }, req) =>
      presentOrg(await setOrgVerification(params.id, body.verified, currentUser(req)._id, body.note, req.ip ?? '')),
  });
  membershipRoutes(api);
  orgVerificationRoutes(api);
}
