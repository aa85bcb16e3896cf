import {
  idParams,
  joinOrgInput,
  listingTransferInput,
  listingTransferView,
  memberDecisionInput,
  memberParams,
  memberRoleInput,
  membershipExitInput,
  memberView,
  meView,
  ROLE_ORG_TYPES,
} from '@kezhuan/shared';
import { z } from 'zod';
import type { ApiRouter } from '../../lib/api-router';
import { currentUser } from '../../lib/auth-guard';
import { createError } from '../../lib/errors';
import { presentMe } from '../users/user.presenter';
import { leaveOrg, withdrawJoinRequest } from './membership-exit.service';
import { decideMembership, listMembers, requestMembership, setMemberRole, transferListings } from './membership.service';
import { getOrg } from './org.service';

/** Requests to join, their approval, roles, and handing listings over. */
export function membershipRoutes(api: ApiRouter): void {
  api.add({
    method: 'post', path: '/orgs/join', tag: 'organisations', access: 'user',
    summary: 'Ask to join an organisation (an account without an approved membership); its managers approve',
    body: joinOrgInput, response: meView,
    handler: async ({ body }, req) => {
      const user = currentUser(req);
      if (user.org && user.orgStatus !== 'pending') {
        throw createError('CONFLICT', { message: '一个账号只能属于一个机构', messageEn: 'An account belongs to one organisation' });
      }
      const org = await getOrg(body.orgId);
      if (!ROLE_ORG_TYPES[user.role].includes(org.type)) {
        throw createError('VALIDATION_FAILED', { fields: [{ path: 'body.orgId', code: 'custom', message: '该角色不能加入此类型的机构', messageEn: 'This role cannot belong to an organisation of that type' }] });
      }
      return presentMe(await requestMembership(user, org, req.ip ?? ''));
    },
  });
  api.add({
    method: 'post', path: '/orgs/join/withdraw', tag: 'organisations', access: 'user',
    summary: 'Withdraw one\'s own pending request to join (audited); the account may then ask another organisation',
    body: membershipExitInput, response: meView,
    handler: async ({ body }, req) => presentMe(await withdrawJoinRequest(currentUser(req), body.orgId, req.ip ?? '')),
  });
  api.add({
    method: 'post', path: '/orgs/leave', tag: 'organisations', access: 'user',
    summary: 'Leave one\'s organisation (approved members; the last manager cannot; audited, managers are told)',
    body: membershipExitInput, response: meView,
    handler: async ({ body }, req) => presentMe(await leaveOrg(currentUser(req), body.orgId, req.ip ?? '')),
  });
  api.add({
    method: 'get', path: '/orgs/:id/members', tag: 'organisations', access: 'user',
    summary: "The organisation's members (its approved members); managers and administrators see pending requests too",
    params: idParams, response: z.array(memberView),
    handler: ({ params }, req) => listMembers(currentUser(req), params.id),
  });
  api.add({
    method: 'post', path: '/orgs/:id/members/:userId/decision', tag: 'organisations', access: 'user',
    summary: 'Approve or reject a request to join (managers of the organisation, administrators; audited; both sides are notified)',
    params: memberParams, body: memberDecisionInput, response: z.object({ ok: z.literal(true) }),
    handler: async ({ params, body }, req) => {
      await decideMembership(currentUser(req), params.id, params.userId, body, req.ip ?? '');
      return { ok: true as const };
    },
  });
  api.add({
    method: 'patch', path: '/orgs/:id/members/:userId', tag: 'organisations', access: 'user',
    summary: "Make an approved member a manager or a member (managers, administrators; audited)",
    params: memberParams, body: memberRoleInput, response: z.object({ ok: z.literal(true) }),
    handler: async ({ params, body }, req) => {
      await setMemberRole(currentUser(req), params.id, params.userId, body.orgRole, req.ip ?? '');
      return { ok: true as const };
    },
  });
  api.add({
    method: 'post', path: '/orgs/:id/transfer', tag: 'organisations', access: 'user',
    summary: "Hand every listing one member owns in the organisation to another (managers, administrators; audited)",
    params: idParams, body: listingTransferInput, response: listingTransferView,
    handler: ({ params, body }, req) => transferListings(currentUser(req), params.id, body.from, body.to, req.ip ?? ''),
  });
}
