import express from 'express';
import {
  ATTACHMENT_LIMITS, ATTACHMENT_MIMES, attachmentUploadBody, financingAttachmentQuery, financingFileParams,
  financingAnswerInput, financingApplicationInput, financingApplicationListView, financingApplicationQuery, financingApplicationView,
  financingFitQuery, financingFitView, financingProductInput, financingProductListView, financingProductQuery, financingProductView,
  financingProfileInput, financingProfileView, financingReplyInput, idParams,
} from '@kezhuan/shared';
import type { ApiRouter } from '../../lib/api-router';
import { requireAuth } from '../../lib/auth-guard';
import { sendStoredFile } from '../../lib/send-file';
import { listingActor, requireListingActor } from '../listings/listing.actor';
import { answerApplication, applyToProduct, getApplication, listApplications, replyToApplication, withdrawApplication } from './financing.applications';
import { createProduct, getProduct, getProfile, listProducts, setProfile, updateProduct, withdrawProduct } from './financing.catalogue';
import { addFinancingFile, openFinancingFile, removeFinancingFile } from './financing.files';
import { financingFit } from './financing.fit-service';

const TAG = 'financing';
const APP = ['NOT_FOUND', 'FORBIDDEN', 'INVALID_STATE'] as const;

/** Financing beside matches: the products catalogue (public), fit with reasons, applications and answers. */
export function financingRoutes(api: ApiRouter): void {
  api.add({
    method: 'get', path: '/financing/products', tag: TAG, access: 'public',
    summary: 'The financing catalogue: active products by kind, city, industry, maturity, provider and words of the title; `mine=1` lists the caller’s organisation’s, withdrawn too',
    query: financingProductQuery, response: financingProductListView,
    handler: async ({ query }, req) => listProducts(await listingActor(req), query),
  });
  api.add({
    method: 'post', path: '/financing/products', tag: TAG, access: 'user', status: 201,
    summary: 'A member of a verified financial organisation publishes a product of his organisation',
    body: financingProductInput, response: financingProductView, errors: ['FORBIDDEN'],
    handler: async ({ body }, req) => createProduct(await requireListingActor(req), body, req.ip ?? ''),
  });
  api.add({
    method: 'get', path: '/financing/products/:id', tag: TAG, access: 'public',
    summary: 'A product (withdrawn ones only for its organisation’s members)',
    params: idParams, response: financingProductView, errors: ['NOT_FOUND'],
    handler: async ({ params }, req) => getProduct(await listingActor(req), params.id),
  });
  api.add({
    method: 'put', path: '/financing/products/:id', tag: TAG, access: 'user',
    summary: 'A member of the product’s organisation edits it (a withdrawn one is published again)',
    params: idParams, body: financingProductInput, response: financingProductView, errors: ['NOT_FOUND', 'FORBIDDEN'],
    handler: async ({ params, body }, req) => updateProduct(await requireListingActor(req), params.id, body, req.ip ?? ''),
  });
  api.add({
    method: 'post', path: '/financing/products/:id/withdraw', tag: TAG, access: 'user',
    summary: 'A member of the product’s organisation withdraws it (past applications keep it)',
    params: idParams, response: financingProductView, errors: ['NOT_FOUND', 'FORBIDDEN'],
    handler: async ({ params }, req) => withdrawProduct(await requireListingActor(req), params.id, req.ip ?? ''),
  });
  api.add({
    method: 'get', path: '/financing/profile', tag: TAG, access: 'user',
    summary: 'The caller’s financial organisation and its kind (bank, guarantor, insurer, leasing, investor)',
    response: financingProfileView, errors: ['FORBIDDEN'],
    handler: async (_input, req) => getProfile(await requireListingActor(req)),
  });
  api.add({
    method: 'put', path: '/financing/profile', tag: TAG, access: 'user',
    summary: 'A member of a financial organisation sets its kind',
    body: financingProfileInput, response: financingProfileView, errors: ['FORBIDDEN'],
    handler: async ({ body }, req) => setProfile(await requireListingActor(req), body, req.ip ?? ''),
  });
  api.add({
    method: 'get', path: '/financing/fit', tag: TAG, access: 'public',
    summary: 'The products that fit a result, a need or a deal room (that the caller may see), with reasons and unmet conditions',
    query: financingFitQuery, response: financingFitView, errors: ['NOT_FOUND'],
    handler: async ({ query }, req) => financingFit(await listingActor(req), query, req),
  });
  api.add({
    method: 'post', path: '/financing/products/:id/applications', tag: TAG, access: 'user', status: 201,
    summary: 'An enterprise’s approved member applies to a product (amount, purpose, optionally its need or deal, or a result)',
    params: idParams, body: financingApplicationInput, response: financingApplicationView, errors: ['NOT_FOUND', 'FORBIDDEN'],
    handler: async ({ params, body }, req) => applyToProduct(await requireListingActor(req), params.id, body, req),
  });
  api.add({
    method: 'get', path: '/financing/applications', tag: TAG, access: 'user',
    summary: 'My organisation’s applications (`box=mine`) or those to its products (`box=inbox`), newest activity first',
    query: financingApplicationQuery, response: financingApplicationListView,
    handler: async ({ query }, req) => listApplications(await requireListingActor(req), query),
  });
  api.add({
    method: 'get', path: '/financing/applications/:id', tag: TAG, access: 'user',
    summary: 'An application with its thread (both sides; others 404; administrators’ reads audited)',
    params: idParams, response: financingApplicationView, errors: ['NOT_FOUND'],
    handler: async ({ params }, req) => getApplication(await requireListingActor(req), params.id, req.ip ?? ''),
  });
  api.add({
    method: 'post', path: '/financing/applications/:id/answers', tag: TAG, access: 'user',
    summary: 'The provider answers: accept for review, request information, approve with terms, decline with a reason',
    params: idParams, body: financingAnswerInput, response: financingApplicationView, errors: APP,
    handler: async ({ params, body }, req) => answerApplication(await requireListingActor(req), params.id, body, req.ip ?? ''),
  });
  api.add({
    method: 'post', path: '/financing/applications/:id/replies', tag: TAG, access: 'user',
    summary: 'The applicant replies (a reply to a request for information sends it back to review)',
    params: idParams, body: financingReplyInput, response: financingApplicationView, errors: APP,
    handler: async ({ params, body }, req) => replyToApplication(await requireListingActor(req), params.id, body, req.ip ?? ''),
  });
  api.add({
    method: 'post', path: '/financing/applications/:id/withdraw', tag: TAG, access: 'user',
    summary: 'The applicant withdraws an open application',
    params: idParams, response: financingApplicationView, errors: APP,
    handler: async ({ params }, req) => withdrawApplication(await requireListingActor(req), params.id, req.ip ?? ''),
  });
  fileRoutes(api);
}

/** The applicant's attachments (business plan, financial statements): both sides download them. */
function fileRoutes(api: ApiRouter): void {
  api.add({
    method: 'post', path: '/financing/applications/:id/attachments', tag: TAG, access: 'user', status: 201,
    summary: 'The applicant attaches a file to an open application (raw body: PDF, DOCX, XLSX, PNG or JPG; ?name= and ?document=business_plan|financial_statements|other)',
    before: [requireAuth(), express.raw({ type: ATTACHMENT_MIMES, limit: ATTACHMENT_LIMITS.maxBytes })],
    params: idParams, query: financingAttachmentQuery, body: attachmentUploadBody,
    errors: [...APP, 'UNSUPPORTED_MEDIA_TYPE'],
    handler: async ({ params, query, body }, req) => {
      const meta = await addFinancingFile(await requireListingActor(req), params.id, { bytes: body, name: query.name, document: query.document, mime: req.get('content-type') ?? '' });
      return { key: meta.key, name: meta.name, size: meta.size, mime: meta.mime, document: meta.document, uploadedAt: meta.uploadedAt.toISOString() };
    },
  });
  api.add({
    method: 'get', path: '/financing/applications/:id/attachments/:key', tag: TAG, access: 'user', raw: true,
    summary: 'Download an attachment (members of the applicant and of the provider only; others 404)',
    params: financingFileParams,
    handler: async ({ params }, req, res) => {
      await sendStoredFile(res, await openFinancingFile(await requireListingActor(req), params.id, params.key));
    },
  });
  api.add({
    method: 'delete', path: '/financing/applications/:id/attachments/:key', tag: TAG, access: 'user', status: 204,
    summary: 'The applicant removes an attachment of an open application',
    params: financingFileParams, errors: APP,
    handler: async ({ params }, req) => {
      await removeFinancingFile(await requireListingActor(req), params.id, params.key);
    },
  });
}
