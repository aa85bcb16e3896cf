import express from 'express';
import {
  ATTACHMENT_LIMITS,
  ATTACHMENT_MIMES,
  adminCallListQuery,
  applicationAttachmentQuery,
  applicationFileParams,
  applicationInput,
  applicationListQuery,
  applicationView,
  attachmentUploadBody,
  callEligibilityView,
  callInput,
  callListQuery,
  callView,
  eligibilityView,
  formalCheckInput,
  idParams,
  paginated,
} from '@kezhuan/shared';
import type { ApiRouter } from '../../lib/api-router';
import { currentUser, requireAuth } from '../../lib/auth-guard';
import { sendStoredFile } from '../../lib/send-file';
import type { UserDoc } from '../users/user.model';
import { addApplicationFile, openApplicationFile, removeApplicationFile } from './application.files';
import { ApplicationModel, type ApplicationRecord } from './application.model';
import { presentApplications } from './application.presenter';
import { applicationEligibility, createApplication, formalCheck, readApplication, submitApplication, updateApplication } from './application.service';
import { createCall, listAdminCalls, listPublicCalls, presentCall, publishCall, readCall, updateCall } from './call.service';
import { applicationsWorkbook } from './programme.export';
import { loadEligibility } from './programme.eligibility';
import { callApplicationsQuery, orgApplicationsQuery } from './programme.queries';

const TAG = 'programmes';

const one = async (user: UserDoc, doc: ApplicationRecord) => (await presentApplications(user, [doc]))[0];

/** Calls (申报指南) and applications: public calls, the applicant's form, the administrator's formal check. */
export function programmeRoutes(api: ApiRouter): void {
  api.add({
    method: 'get', path: '/calls', tag: TAG, access: 'public',
    summary: 'Published calls, newest year first, optionally of one programme type or year',
    query: callListQuery, response: paginated(callView),
    handler: ({ query }) => listPublicCalls(query),
  });
  api.add({
    method: 'get', path: '/calls/:id', tag: TAG, access: 'public',
    summary: 'One call (drafts only to administrators)',
    params: idParams, response: callView,
    handler: async ({ params }, req) => presentCall(await readCall(params.id, req.user?.role === 'admin')),
  });
  api.add({
    method: 'get', path: '/calls/:id/eligibility', tag: TAG, access: 'user',
    summary: "The caller's organisation's eligibility for a call (with its application's links, if it has one), rule by rule",
    params: idParams, response: callEligibilityView,
    handler: async ({ params }, req) => {
      const user = currentUser(req);
      const call = await readCall(params.id, false);
      if (!user.org || user.orgStatus === 'pending') {
        return { eligible: false, applicationId: null, rules: [{ rule: 'org_type', pass: false, reason: '须先加入一个机构并获批准', reasonEn: 'Join an organisation (approved) first' }] };
      }
      const app = await ApplicationModel.findOne({ call: call._id, org: user.org }).lean<ApplicationRecord>();
      const view = await loadEligibility(call.eligibility, user.org, { results: app?.results ?? [], partners: app?.partners ?? [] });
      return { ...view, applicationId: app ? String(app._id) : null };
    },
  });
  api.add({
    method: 'post', path: '/calls/:id/applications', tag: TAG, access: 'user', status: 201,
    summary: "Start the caller's organisation's application to an open call, as a draft (one per organisation per call)",
    params: idParams, body: applicationInput, response: applicationView,
    handler: async ({ params, body }, req) => {
      const user = currentUser(req);
      return one(user, await createApplication(user, params.id, body, req.ip ?? ''));
    },
  });
  api.add({
    method: 'get', path: '/me/applications', tag: TAG, access: 'user',
    summary: "My organisation's applications, as lead or partner, newest edit first",
    query: applicationListQuery, response: paginated(applicationView),
    handler: async ({ query }, req) => {
      const user = currentUser(req);
      if (!user.org || user.orgStatus === 'pending') {
        return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
      }
      const { filter, sort } = orgApplicationsQuery(user.org, query.status);
      const [docs, total] = await Promise.all([
        ApplicationModel.find(filter).sort(sort).skip((query.page - 1) * query.pageSize).limit(query.pageSize).lean<ApplicationRecord[]>(),
        ApplicationModel.countDocuments(filter),
      ]);
      return { items: await presentApplications(user, docs), total, page: query.page, pageSize: query.pageSize };
    },
  });
  api.add({
    method: 'get', path: '/applications/:id', tag: TAG, access: 'user',
    summary: 'One application (its lead and partner organisations; administrators once filed, audited)',
    params: idParams, response: applicationView,
    handler: async ({ params }, req) => {
      const user = currentUser(req);
      return one(user, await readApplication(user, params.id, req.ip ?? ''));
    },
  });
  api.add({
    method: 'put', path: '/applications/:id', tag: TAG, access: 'user',
    summary: 'Replace the content of a draft or returned application (lead members, before the call closes)',
    params: idParams, body: applicationInput, response: applicationView,
    handler: async ({ params, body }, req) => {
      const user = currentUser(req);
      return one(user, await updateApplication(user, params.id, body));
    },
  });
  api.add({
    method: 'get', path: '/applications/:id/eligibility', tag: TAG, access: 'user',
    summary: "The application's eligibility with its links, rule by rule",
    params: idParams, response: eligibilityView,
    handler: async ({ params }, req) => {
      const doc = await readApplication(currentUser(req), params.id, req.ip ?? '');
      return applicationEligibility(await readCall(String(doc.call), true), doc);
    },
  });
  api.add({
    method: 'post', path: '/applications/:id/submit', tag: TAG, access: 'user',
    summary: 'Submit (or resubmit after a return): before the close date, only if eligible and complete (400 lists what fails)',
    params: idParams, response: applicationView,
    handler: async ({ params }, req) => {
      const user = currentUser(req);
      return one(user, await submitApplication(user, params.id, req.ip ?? ''));
    },
  });
  api.add({
    method: 'post', path: '/applications/:id/attachments', tag: TAG, access: 'user', status: 201,
    summary: 'Attach a file (raw body: PDF, DOCX, XLSX, PNG or JPG; ?name= and ?document= the required document it is)',
    before: [requireAuth(), express.raw({ type: ATTACHMENT_MIMES, limit: ATTACHMENT_LIMITS.maxBytes })],
    params: idParams, query: applicationAttachmentQuery, body: attachmentUploadBody,
    errors: ['UNSUPPORTED_MEDIA_TYPE'],
    handler: async ({ params, query, body }, req) => {
      const meta = await addApplicationFile(currentUser(req), params.id, { bytes: body, name: query.name, document: query.document, mime: req.get('content-type') ?? '' });
      return { key: meta.key, name: meta.name, size: meta.size, mime: meta.mime, document: meta.document, uploadedAt: meta.uploadedAt.toISOString() };
    },
  });
  api.add({
    method: 'get', path: '/applications/:id/attachments/:key', tag: TAG, access: 'user', raw: true,
    summary: "Download an application's file (whoever may read the application)",
    params: applicationFileParams,
    handler: async ({ params }, req, res) => {
      await sendStoredFile(res, await openApplicationFile(currentUser(req), params.id, params.key));
    },
  });
  api.add({
    method: 'delete', path: '/applications/:id/attachments/:key', tag: TAG, access: 'user', status: 204,
    summary: "Remove a file of a draft or returned application",
    params: applicationFileParams,
    handler: async ({ params }, req) => {
      await removeApplicationFile(currentUser(req), params.id, params.key);
    },
  });
  adminRoutes(api);
}

function adminRoutes(api: ApiRouter): void {
  api.add({
    method: 'get', path: '/admin/calls', tag: TAG, access: ['admin'],
    summary: 'Every call, newest edit first, with its count of filed applications',
    query: adminCallListQuery, response: paginated(callView),
    handler: ({ query }) => listAdminCalls(query),
  });
  api.add({
    method: 'post', path: '/admin/calls', tag: TAG, access: ['admin'], status: 201,
    summary: 'Draft a call', body: callInput, response: callView,
    handler: async ({ body }, req) => presentCall(await createCall(currentUser(req)._id, body, req.ip ?? '')),
  });
  api.add({
    method: 'put', path: '/admin/calls/:id', tag: TAG, access: ['admin'],
    summary: 'Edit a draft or open call', params: idParams, body: callInput, response: callView,
    handler: async ({ params, body }, req) => presentCall(await updateCall(currentUser(req)._id, params.id, body, req.ip ?? '')),
  });
  api.add({
    method: 'post', path: '/admin/calls/:id/publish', tag: TAG, access: ['admin'],
    summary: 'Publish a draft call whose close date is ahead', params: idParams, response: callView,
    handler: async ({ params }, req) => presentCall(await publishCall(currentUser(req)._id, params.id, req.ip ?? '')),
  });
  api.add({
    method: 'get', path: '/admin/calls/:id/applications', tag: TAG, access: ['admin'],
    summary: "A call's filed applications, optionally of one status, oldest submission first",
    params: idParams, query: applicationListQuery, response: paginated(applicationView),
    handler: async ({ params, query }, req) => {
      const call = await readCall(params.id, true);
      const { filter, sort } = callApplicationsQuery(call._id, query.status);
      const [docs, total] = await Promise.all([
        ApplicationModel.find(filter).sort(sort).skip((query.page - 1) * query.pageSize).limit(query.pageSize).lean<ApplicationRecord[]>(),
        ApplicationModel.countDocuments(filter),
      ]);
      return { items: await presentApplications(currentUser(req), docs), total, page: query.page, pageSize: query.pageSize };
    },
  });
  api.add({
    method: 'get', path: '/admin/calls/:id/applications.xlsx', tag: TAG, access: ['admin'], raw: true,
    summary: "A call's filed applications as an XLSX workbook", params: idParams,
    handler: async ({ params }, _req, res) => {
      const bytes = await applicationsWorkbook(await readCall(params.id, true));
      res
        .status(200)
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .set('Content-Disposition', `attachment; filename="applications.xlsx"; filename*=UTF-8''${encodeURIComponent('申报书汇总.xlsx')}`)
        .set('Cache-Control', 'no-store')
        .send(bytes);
    },
  });
  api.add({
    method: 'post', path: '/admin/applications/:id/check', tag: TAG, access: ['admin'],
    summary: 'Formal check of a submitted application: accept, or return with reasons per field (the applicant is told)',
    params: idParams, body: formalCheckInput, response: applicationView,
    handler: async ({ params, body }, req) => {
      const user = currentUser(req);
      return one(user, await formalCheck(user, params.id, body, req.ip ?? ''));
    },
  });
}
