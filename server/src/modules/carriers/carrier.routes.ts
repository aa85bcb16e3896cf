import {
  carrierAdminQuery,
  carrierApplicationInput,
  carrierCountRow,
  carrierCountsQuery,
  carrierDirectoryQuery,
  carrierEvaluationInput,
  carrierPageView,
  carrierPublicView,
  carrierReportInput,
  carrierReportParams,
  carrierReportReviewInput,
  carrierReviewInput,
  carrierView,
  idParams,
  paginated,
  type CarrierAdminQuery,
} from '@kezhuan/shared';
import { z } from 'zod';
import type { ApiRouter } from '../../lib/api-router';
import { currentUser } from '../../lib/auth-guard';
import type { UserDoc } from '../users/user.model';
import { CarrierModel, type CarrierRecord } from './carrier.model';
import { countCarriers } from './carrier.counts';
import { carrierPage, listDirectory } from './carrier.directory';
import { mayActFor } from './carrier.policy';
import { presentCarriers } from './carrier.presenter';
import { dueReportYear } from './carrier.rules';
import { applyCarrier, readCarrier, resubmitCarrier, reviewCarrier } from './carrier.service';
import { evaluateCarrier, reviewReport, submitReport } from './carrier.reports';

const TAG = 'carriers';

async function one(user: UserDoc, c: CarrierRecord) {
  return (await presentCarriers([c], (x) => mayActFor(user, x)))[0];
}

/** The administrator's lists: a status queue (submitted by default), pending reports, or overdue reports. */
export function adminFilter(q: CarrierAdminQuery, now: Date): { filter: Record<string, unknown>; sort: Record<string, 1 | -1> } {
  const type = q.type ? { type: q.type } : {};
  if (q.overdue) {
    return { filter: { ...type, status: { $in: ['recognised', 'warning'] }, recognisedYear: { $lte: dueReportYear(now) }, lastReportYear: { $lt: dueReportYear(now) } }, sort: { submittedAt: 1 } };
  }
  if (q.reports === 'pending') {
    return { filter: { ...type, reportPending: true }, sort: { updatedAt: 1 } };
  }
  return { filter: { ...type, status: q.status ?? 'submitted' }, sort: { submittedAt: 1 } };
}

/** Innovation carriers (创新载体): applications, review, yearly reports, re-evaluation, the public directory and counts. */
export function carrierRoutes(api: ApiRouter): void {
  api.add({
    method: 'get', path: '/carriers', tag: TAG, access: 'public',
    summary: 'The directory of recognised carriers (recognised or warned), newest recognition first; filter by type, city, year of recognition, industry',
    query: carrierDirectoryQuery, response: paginated(carrierPublicView),
    handler: async ({ query }) => listDirectory(query),
  });
  api.add({
    method: 'get', path: '/carriers/counts', tag: TAG, access: 'public',
    summary: 'Recognised, not revoked carriers by city and year of recognition (the plan-target dashboard’s counts)',
    query: carrierCountsQuery, response: z.array(carrierCountRow),
    handler: async ({ query }) => countCarriers(query),
  });
  api.add({
    method: 'get', path: '/carriers/:id', tag: TAG, access: 'public',
    summary: "A recognised carrier's page with its organisations' results, needs, deals and commissioners on the platform",
    params: idParams, response: carrierPageView,
    handler: async ({ params }) => carrierPage(params.id),
  });
  api.add({
    method: 'post', path: '/carriers', tag: TAG, access: 'user', status: 201,
    summary: 'Apply for recognition of a carrier (an approved member of a verified organisation of a type the carrier type allows)',
    body: carrierApplicationInput, response: carrierView,
    handler: async ({ body }, req) => one(currentUser(req), await applyCarrier(currentUser(req), body, req.ip ?? '')),
  });
  api.add({
    method: 'get', path: '/me/carriers', tag: TAG, access: 'user',
    summary: "My organisation's carriers in every state, newest application first (with steps, reports and the overdue flag)",
    response: z.array(carrierView),
    handler: async (_input, req) => {
      const user = currentUser(req);
      if (!user.org || user.orgStatus === 'pending') {
        return [];
      }
      const docs = await CarrierModel.find({ org: user.org }).sort({ submittedAt: -1 }).limit(100).lean<CarrierRecord[]>();
      return presentCarriers(docs, (c) => mayActFor(user, c));
    },
  });
  api.add({
    method: 'get', path: '/me/carriers/:id', tag: TAG, access: 'user',
    summary: 'One carrier in full (its organisation’s members and administrators; others 404)',
    params: idParams, response: carrierView,
    handler: async ({ params }, req) => one(currentUser(req), await readCarrier(currentUser(req), params.id, req.ip ?? '')),
  });
  api.add({
    method: 'put', path: '/me/carriers/:id', tag: TAG, access: 'user',
    summary: 'Resubmit a returned application (replaces it; same type)',
    params: idParams, body: carrierApplicationInput, response: carrierView,
    handler: async ({ params, body }, req) => one(currentUser(req), await resubmitCarrier(currentUser(req), params.id, body, req.ip ?? '')),
  });
  api.add({
    method: 'post', path: '/me/carriers/:id/reports', tag: TAG, access: 'user', status: 201,
    summary: "Submit a recognised carrier's yearly report (the type's key figures); a returned report may be submitted again",
    params: idParams, body: carrierReportInput, response: carrierView,
    handler: async ({ params, body }, req) => one(currentUser(req), await submitReport(currentUser(req), params.id, body, req.ip ?? '')),
  });
  api.add({
    method: 'get', path: '/admin/carriers', tag: TAG, access: ['admin'],
    summary: 'Carriers in one status (submitted by default), with yearly reports pending (`reports=pending`) or overdue (`overdue=true`)',
    query: carrierAdminQuery, response: paginated(carrierView),
    handler: async ({ query }, req) => {
      const spec = adminFilter(query, new Date());
      const [docs, total] = await Promise.all([
        CarrierModel.find(spec.filter as never).sort(spec.sort).skip((query.page - 1) * query.pageSize).limit(query.pageSize).lean<CarrierRecord[]>(),
        CarrierModel.countDocuments(spec.filter as never),
      ]);
      const user = currentUser(req);
      return { items: await presentCarriers(docs, (c) => mayActFor(user, c)), total, page: query.page, pageSize: query.pageSize };
    },
  });
  api.add({
    method: 'post', path: '/admin/carriers/:id/review', tag: TAG, access: ['admin'],
    summary: 'Recognise (认定, with certificate number and date), return with reasons, or reject a submitted application',
    params: idParams, body: carrierReviewInput, response: carrierView,
    handler: async ({ params, body }, req) => one(currentUser(req), await reviewCarrier(currentUser(req), params.id, body, req.ip ?? '')),
  });
  api.add({
    method: 'post', path: '/admin/carriers/:id/reports/:year/review', tag: TAG, access: ['admin'],
    summary: 'Accept a submitted yearly report or return it with a reason',
    params: carrierReportParams, body: carrierReportReviewInput, response: carrierView,
    handler: async ({ params, body }, req) => one(currentUser(req), await reviewReport(currentUser(req), params.id, params.year, body, req.ip ?? '')),
  });
  api.add({
    method: 'post', path: '/admin/carriers/:id/evaluation', tag: TAG, access: ['admin'],
    summary: 'Re-evaluate a recognised carrier: pass, warning, or revoke (撤销) with a reason',
    params: idParams, body: carrierEvaluationInput, response: carrierView,
    handler: async ({ params, body }, req) => one(currentUser(req), await evaluateCarrier(currentUser(req), params.id, body, req.ip ?? '')),
  });
}
