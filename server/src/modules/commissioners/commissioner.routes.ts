import {
  commissionerApplicationInput,
  commissionerApplicationsQuery,
  commissionerApplicationView,
  commissionerCardView,
  commissionerDirectoryQuery,
  commissionerEndorsementInput,
  commissionerProfileView,
  commissionerReviewInput,
  idParams,
  paginated,
} from '@kezhuan/shared';
import { z } from 'zod';
import type { ApiRouter } from '../../lib/api-router';
import { currentUser } from '../../lib/auth-guard';
import { createError } from '../../lib/errors';
import type { QuerySpec } from '../../lib/query-spec';
import { mayManageOrg } from '../orgs/membership.service';
import { CommissionerModel, type CommissionerRecord } from './commissioner.model';
import { commissionerProfile, listDirectory } from './commissioner.directory';
import { presentApplications } from './commissioner.presenter';
import { myApplicationsQuery, orgApplicationsQuery, reviewQueueQuery } from './commissioner.queries';
import { applyCommissioner, endorseApplication, readApplication, resubmitApplication, reviewApplication } from './commissioner.service';

const TAG = 'commissioners';

async function one(doc: CommissionerRecord) {
  return (await presentApplications([doc]))[0];
}

async function page(spec: QuerySpec, q: { page: number; pageSize: number }) {
  const [docs, total] = await Promise.all([
    CommissionerModel.find(spec.filter).sort(spec.sort).skip((q.page - 1) * q.pageSize).limit(q.pageSize).lean<CommissionerRecord[]>(),
    CommissionerModel.countDocuments(spec.filter),
  ]);
  return { items: await presentApplications(docs), total, page: q.page, pageSize: q.pageSize };
}

/** Science commissioners (双千): applications, endorsement, review, the public directory and profiles. */
export function commissionerRoutes(api: ApiRouter): void {
  api.add({
    method: 'post', path: '/commissioner-applications', tag: TAG, access: 'user', status: 201,
    summary: 'Apply to serve as a science commissioner for a term (this year or next; one per term); goes to your organisation to endorse',
    body: commissionerApplicationInput, response: commissionerApplicationView,
    handler: async ({ body }, req) => one(await applyCommissioner(currentUser(req), body, req.ip ?? '')),
  });
  api.add({
    method: 'get', path: '/me/commissioner-applications', tag: TAG, access: 'user',
    summary: 'My commissioner applications, latest term first (with their status and standing)',
    response: z.array(commissionerApplicationView),
    handler: async (_input, req) => {
      const spec = myApplicationsQuery(currentUser(req)._id);
      return presentApplications(await CommissionerModel.find(spec.filter).sort(spec.sort).limit(50).lean<CommissionerRecord[]>());
    },
  });
  api.add({
    method: 'get', path: '/commissioner-applications/:id', tag: TAG, access: 'user',
    summary: "One application (the applicant, his organisation's managers, administrators)",
    params: idParams, response: commissionerApplicationView,
    handler: async ({ params }, req) => one(await readApplication(currentUser(req), params.id)),
  });
  api.add({
    method: 'put', path: '/commissioner-applications/:id', tag: TAG, access: 'user',
    summary: 'Resubmit a declined or returned application (replaces it; the organisation endorses again)',
    params: idParams, body: commissionerApplicationInput, response: commissionerApplicationView,
    handler: async ({ params, body }, req) => one(await resubmitApplication(currentUser(req), params.id, body, req.ip ?? '')),
  });
  api.add({
    method: 'post', path: '/commissioner-applications/:id/endorsement', tag: TAG, access: 'user',
    summary: "Endorse or decline an application (a manager of the applicant's organisation; may add the organisation's stakes)",
    params: idParams, body: commissionerEndorsementInput, response: commissionerApplicationView,
    handler: async ({ params, body }, req) => one(await endorseApplication(currentUser(req), params.id, body, req.ip ?? '')),
  });
  api.add({
    method: 'post', path: '/commissioner-applications/:id/review', tag: TAG, access: ['admin'],
    summary: 'Approve an endorsed application (commissioner standing for its term) or send it back with a reason',
    params: idParams, body: commissionerReviewInput, response: commissionerApplicationView,
    handler: async ({ params, body }, req) => one(await reviewApplication(currentUser(req), params.id, body, req.ip ?? '')),
  });
  api.add({
    method: 'get', path: '/admin/commissioner-applications', tag: TAG, access: ['admin'],
    summary: 'Applications in one status (awaiting review by default), oldest first',
    query: commissionerApplicationsQuery, response: paginated(commissionerApplicationView),
    handler: async ({ query }) => page(reviewQueueQuery(query.status, query), query),
  });
  api.add({
    method: 'get', path: '/orgs/:id/commissioner-applications', tag: TAG, access: 'user',
    summary: "The organisation's applications in one status (awaiting its endorsement by default): its managers and administrators",
    params: idParams, query: commissionerApplicationsQuery, response: paginated(commissionerApplicationView),
    handler: async ({ params, query }, req) => {
      if (!(await mayManageOrg(currentUser(req), params.id))) {
        throw createError('FORBIDDEN');
      }
      return page(orgApplicationsQuery(params.id, query.status, query), query);
    },
  });
  api.add({
    method: 'get', path: '/commissioners', tag: TAG, access: 'public',
    summary: 'The commissioner directory: approved commissioners of a term (default: this year and later), filtered by expertise text, city or county, industry, discipline',
    query: commissionerDirectoryQuery, response: paginated(commissionerCardView),
    handler: async ({ query }) => listDirectory(query),
  });
  api.add({
    method: 'get', path: '/commissioners/:id', tag: TAG, access: 'public',
    summary: "A commissioner's public profile (approved, current or later term) with his published results",
    params: idParams, response: commissionerProfileView,
    handler: async ({ params }) => commissionerProfile(params.id),
  });
}
