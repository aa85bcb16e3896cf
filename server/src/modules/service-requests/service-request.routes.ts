import {
  idParams,
  paginated,
  serviceRequestFromNeedInput,
  serviceRequestInput,
  serviceRequestListQuery,
  serviceRequestUpdateInput,
  serviceRequestView,
} from '@kezhuan/shared';
import type { ApiRouter } from '../../lib/api-router';
import { currentUser } from '../../lib/auth-guard';
import { OrgModel } from '../orgs/org.model';
import type { UserDoc } from '../users/user.model';
import { ServiceRequestModel, type ServiceRequestRecord } from './service-request.model';
import { canRequest } from './service-request.policy';
import { presentRequests } from './service-request.presenter';
import { orgRequestsQuery, requestsInStatusQuery } from './service-request.queries';
import { createRequest, readRequest, requestFromNeed, transitionRequest, updateRequest, type RequestTransition } from './service-request.service';

const TAG = 'service requests';

/** Presents requests for `user`, saying which of them he may edit. */
async function present(user: UserDoc, docs: ServiceRequestRecord[]) {
  const orgs = await OrgModel.find({ _id: { $in: docs.map((d) => d.org) } }, { type: 1, createdBy: 1 }).lean();
  const byId = new Map(orgs.map((o) => [String(o._id), o]));
  return presentRequests(docs, (d) => canRequest(user, 'manage', byId.get(String(d.org)) ?? null, d.owner));
}

async function one(user: UserDoc, doc: ServiceRequestRecord) {
  return (await present(user, [doc]))[0];
}

const TRANSITIONS: { action: RequestTransition; summary: string }[] = [
  { action: 'open', summary: 'Open a draft or withdrawn request: it joins the pool of the next pairing run' },
  { action: 'withdraw', summary: 'Withdraw an open request from the pool (it can be opened again)' },
  { action: 'close', summary: 'Close a request for good' },
];

/** Enterprise service requests (双千): file, edit, open, withdraw, close; from a published need in one step. */
export function serviceRequestRoutes(api: ApiRouter): void {
  api.add({
    method: 'post', path: '/service-requests', tag: TAG, access: 'user', status: 201,
    summary: 'File a service request as a draft (approved members of an enterprise)',
    body: serviceRequestInput, response: serviceRequestView,
    handler: async ({ body }, req) => {
      const user = currentUser(req);
      return one(user, await createRequest(user, body, req.ip ?? ''));
    },
  });
  api.add({
    method: 'post', path: '/needs/:id/service-request', tag: TAG, access: 'user', status: 201,
    summary: "Turn a published technology need into a service request in one step (the need's owner or the enterprise's managers; one live request per need)",
    params: idParams, body: serviceRequestFromNeedInput, response: serviceRequestView,
    handler: async ({ params, body }, req) => {
      const user = currentUser(req);
      return one(user, await requestFromNeed(user, params.id, body, req.ip ?? ''));
    },
  });
  api.add({
    method: 'get', path: '/service-requests/:id', tag: TAG, access: 'user',
    summary: "One service request (its enterprise's members and administrators)",
    params: idParams, response: serviceRequestView,
    handler: async ({ params }, req) => {
      const user = currentUser(req);
      return one(user, await readRequest(user, params.id));
    },
  });
  api.add({
    method: 'patch', path: '/service-requests/:id', tag: TAG, access: 'user',
    summary: 'Edit a request that is not paired or closed (its owner or the enterprise managers)',
    params: idParams, body: serviceRequestUpdateInput, response: serviceRequestView,
    handler: async ({ params, body }, req) => {
      const user = currentUser(req);
      return one(user, await updateRequest(user, params.id, body));
    },
  });
  for (const t of TRANSITIONS) {
    api.add({
      method: 'post', path: `/service-requests/:id/${t.action}`, tag: TAG, access: 'user',
      summary: t.summary, params: idParams, response: serviceRequestView,
      handler: async ({ params }, req) => {
        const user = currentUser(req);
        return one(user, await transitionRequest(user, params.id, t.action, req.ip ?? ''));
      },
    });
  }
  api.add({
    method: 'get', path: '/me/service-requests', tag: TAG, access: 'user',
    summary: "My enterprise's service requests, newest edit first, optionally of one status",
    query: serviceRequestListQuery, response: paginated(serviceRequestView),
    handler: async ({ query }, req) => {
      const user = currentUser(req);
      if (!user.org || user.orgStatus === 'pending') {
        return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
      }
      const { filter, sort } = orgRequestsQuery(user.org, query.status);
      const [docs, total] = await Promise.all([
        ServiceRequestModel.find(filter).sort(sort).skip((query.page - 1) * query.pageSize).limit(query.pageSize).lean<ServiceRequestRecord[]>(),
        ServiceRequestModel.countDocuments(filter),
      ]);
      return { items: await present(user, docs), total, page: query.page, pageSize: query.pageSize };
    },
  });
  api.add({
    method: 'get', path: '/admin/service-requests', tag: TAG, access: ['admin'],
    summary: 'Service requests in one status (open by default: the pool of the next pairing run), oldest opening first',
    query: serviceRequestListQuery, response: paginated(serviceRequestView),
    handler: async ({ query }, req) => {
      const { filter, sort } = requestsInStatusQuery(query.status);
      const [docs, total] = await Promise.all([
        ServiceRequestModel.find(filter).sort(sort).skip((query.page - 1) * query.pageSize).limit(query.pageSize).lean<ServiceRequestRecord[]>(),
        ServiceRequestModel.countDocuments(filter),
      ]);
      return { items: await present(currentUser(req), docs), total, page: query.page, pageSize: query.pageSize };
    },
  });
}
