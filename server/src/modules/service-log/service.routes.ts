import express from 'express';
import {
  ATTACHMENT_LIMITS,
  ATTACHMENT_MIMES,
  attachmentUploadBody,
  attachmentUploadQuery,
  serviceAttachmentParams,
  idParams,
  pairingServiceView,
  serviceAgreementInput,
  serviceEntryInput,
  serviceEntryParams,
  serviceEntryReviewInput,
  serviceEntryView,
  serviceRatingInput,
  publicServiceSummaryQuery,
  publicServiceSummaryView,
  serviceSummaryExportQuery,
  serviceSummaryQuery,
  serviceSummaryView,
} from '@kezhuan/shared';
import type { ApiRouter } from '../../lib/api-router';
import { currentUser, requireAuth } from '../../lib/auth-guard';
import { addEntryAttachment, openEntryAttachment } from './service.attachments';
import { requireListingActor } from '../listings/listing.actor';
import { confirmAgreement, draftAgreement, logEntry, pairingService, rateService, reviewEntry } from './service.service';
import { currentTerm } from '../commissioners/commissioner.queries';
import { serviceSummary } from './service.summary';
import { presentPublicSummary } from './service.summary.presenter';
import { summaryWorkbook } from './service.summary.xlsx';
import { sendStoredFile } from '../../lib/send-file';

const TAG = 'pairing';

/** The service of accepted pairings (双千): agreement, log of visits and work, review, rating; the programme summary. */
export function serviceLogRoutes(api: ApiRouter): void {
  api.add({
    method: 'get', path: '/pairings/:id/service', tag: TAG, access: 'user',
    summary: "An accepted pairing's service: agreement, log (newest first) and totals (only confirmed entries count); both sides and administrators",
    params: idParams, response: pairingServiceView,
    handler: ({ params }, req) => pairingService(currentUser(req), params.id),
  });
  api.add({
    method: 'put', path: '/pairings/:id/agreement', tag: TAG, access: 'user',
    summary: 'The commissioner drafts or redrafts the service agreement: goals, planned visits and hours, period within the term',
    params: idParams, body: serviceAgreementInput, response: pairingServiceView, errors: ['INVALID_STATE'],
    handler: ({ params, body }, req) => draftAgreement(currentUser(req), params.id, body, req.ip ?? ''),
  });
  api.add({
    method: 'post', path: '/pairings/:id/agreement/confirm', tag: TAG, access: 'user',
    summary: "The enterprise side (the request's owner or a manager) confirms the drafted agreement",
    params: idParams, response: pairingServiceView, errors: ['INVALID_STATE'],
    handler: ({ params }, req) => confirmAgreement(currentUser(req), params.id, req.ip ?? ''),
  });
  api.add({
    method: 'post', path: '/pairings/:id/service-entries', tag: TAG, access: 'user', status: 201,
    summary: 'The commissioner logs a visit or work (date within the agreement, 0.5–24 h, problems, outcomes, optional result/need link; files are added by the attachments route)',
    params: idParams, body: serviceEntryInput, response: serviceEntryView, errors: ['INVALID_STATE'],
    handler: async ({ params, body }, req) => logEntry(currentUser(req), await requireListingActor(req), params.id, body, req.ip ?? ''),
  });
  api.add({
    method: 'post', path: '/pairings/:id/service-entries/:entryId/attachments', tag: TAG, access: 'user', status: 201,
    summary: "The commissioner adds a file to his entry before it is confirmed (raw body: PDF, DOCX, XLSX, PNG or JPG checked by content, at most 10 MB, 10 per entry; name in ?name=); returns the entry",
    before: [requireAuth(), express.raw({ type: ATTACHMENT_MIMES, limit: ATTACHMENT_LIMITS.maxBytes })],
    params: serviceEntryParams, query: attachmentUploadQuery, body: attachmentUploadBody, response: serviceEntryView,
    errors: ['UNSUPPORTED_MEDIA_TYPE', 'INVALID_STATE', 'CONFLICT'],
    handler: ({ params, query, body }, req) =>
      addEntryAttachment(currentUser(req), params.id, params.entryId, { bytes: body, name: query.name, mime: req.get('content-type') ?? '' }, req.ip ?? ''),
  });
  api.add({
    method: 'get', path: '/pairings/:id/service-entries/:entryId/attachments/:key', tag: TAG, access: 'user', raw: true,
    summary: "Download a log entry's file (both sides, members of the enterprise and administrators; others 404)",
    params: serviceAttachmentParams,
    handler: async ({ params }, req, res) => {
      const file = await openEntryAttachment(currentUser(req), params.id, params.entryId, params.key);
      await sendStoredFile(res, file);
    },
  });
  api.add({
    method: 'post', path: '/pairings/:id/service-entries/:entryId/review', tag: TAG, access: 'user',
    summary: 'The enterprise side confirms an entry, or disputes it with a reason (disputed hours do not count)',
    params: serviceEntryParams, body: serviceEntryReviewInput, response: serviceEntryView, errors: ['INVALID_STATE'],
    handler: ({ params, body }, req) => reviewEntry(currentUser(req), params.id, params.entryId, body, req.ip ?? ''),
  });
  api.add({
    method: 'post', path: '/pairings/:id/rating', tag: TAG, access: 'user',
    summary: 'The enterprise side rates the service (1–5 and a comment), once, after at least one confirmed entry',
    params: idParams, body: serviceRatingInput, response: pairingServiceView, errors: ['INVALID_STATE', 'CONFLICT'],
    handler: ({ params, body }, req) => rateService(currentUser(req), params.id, body, req.ip ?? ''),
  });
  api.add({
    method: 'get', path: '/admin/service-summary', tag: TAG, access: ['admin'],
    summary: "Programme figures of a term: commissioners signed up, enterprises served, active pairings, confirmed hours, mean rating; by city, county and industry, beside the plan's target",
    query: serviceSummaryQuery, response: serviceSummaryView,
    handler: ({ query }) => serviceSummary(query.term),
  });
  api.add({
    method: 'get', path: '/admin/service-summary.xlsx', tag: TAG, access: ['admin'], raw: true,
    summary: 'The programme figures of a term as an XLSX workbook (overall, by city, by county, by industry)',
    query: serviceSummaryExportQuery,
    handler: async ({ query }, _req, res) => {
      const bytes = await summaryWorkbook(await serviceSummary(query.term), query.lang === 'en' ? 'en' : 'zh');
      const name = `双千计划-${query.term}.xlsx`;
      res
        .status(200)
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .set('Content-Disposition', `attachment; filename="service-summary-${query.term}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
        .set('Cache-Control', 'no-store')
        .send(bytes);
    },
  });
  api.add({
    method: 'get', path: '/service-summary', tag: TAG, access: 'public',
    summary: 'The public summary of the 双千 action: aggregate counts by city and industry against the plan (no names, no ratings); the current term unless given',
    query: publicServiceSummaryQuery, response: publicServiceSummaryView,
    handler: async ({ query }) => presentPublicSummary(await serviceSummary(query.term ?? currentTerm())),
  });
}
