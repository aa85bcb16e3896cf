import express from 'express';
import {
  ATTACHMENT_LIMITS,
  ATTACHMENT_MIMES,
  attachmentParams,
  attachmentUploadBody,
  attachmentUploadQuery,
  attachmentView,
  idParams,
  pendingAttachmentView,
  reviewDecisionInput,
} from '@kezhuan/shared';
import { z } from 'zod';
import type { ApiRouter } from '../../lib/api-router';
import { requireAuth } from '../../lib/auth-guard';
import { listingActor, requireListingActor } from '../listings/listing.actor';
import { pendingAttachments, reviewAttachment } from './result-attachment.review';
import { addResultAttachment, openResultAttachment, removeResultAttachment } from './result-attachment.service';
import { presentAttachment } from './result.presenter';
import { sendStoredFile } from '../../lib/send-file';

/**
 * Attachments: the upload's body is the file itself (Content-Type one of the accepted types, at
 * most 10 MB), its name in `?name=`. Sign-in is checked before the body is read.
 */
export function resultAttachmentRoutes(api: ApiRouter): void {
  api.add({
    method: 'post', path: '/results/:id/attachments', tag: 'results', access: 'user', status: 201,
    summary: 'Upload an attachment (raw body: PDF, DOCX, XLSX, PNG or JPG, at most 10 MB; file name in ?name=)',
    before: [requireAuth(), express.raw({ type: ATTACHMENT_MIMES, limit: ATTACHMENT_LIMITS.maxBytes })],
    params: idParams, query: attachmentUploadQuery, body: attachmentUploadBody, response: attachmentView,
    errors: ['UNSUPPORTED_MEDIA_TYPE'],
    handler: async ({ params, query, body }, req) => {
      const actor = await requireListingActor(req);
      const meta = await addResultAttachment(params.id, { bytes: body, name: query.name, mime: req.get('content-type') ?? '' }, actor);
      return presentAttachment(meta);
    },
  });
  api.add({
    method: 'get', path: '/results/:id/attachments/:key', tag: 'results', access: 'public', raw: true,
    summary: 'Download an attachment (members of verified organisations, the owner and administrators)',
    params: attachmentParams,
    handler: async ({ params }, req, res) => {
      const file = await openResultAttachment(params.id, params.key, await listingActor(req));
      await sendStoredFile(res, file);
    },
  });
  api.add({
    method: 'delete', path: '/results/:id/attachments/:key', tag: 'results', access: 'user', status: 204,
    summary: 'Remove an attachment',
    params: attachmentParams,
    handler: async ({ params }, req) => {
      await removeResultAttachment(params.id, params.key, await requireListingActor(req));
    },
  });
  api.add({
    method: 'get', path: '/admin/review/attachments', tag: 'administration', access: ['admin'],
    summary: 'Files added to reviewed results that wait for approval, oldest first',
    response: z.object({ items: z.array(pendingAttachmentView) }),
    handler: async () => ({ items: await pendingAttachments() }),
  });
  api.add({
    method: 'post', path: '/admin/review/attachments/:id/:key', tag: 'administration', access: ['admin'], status: 204,
    summary: 'Approve a waiting file (it becomes visible) or refuse it with a reason (it is deleted); the uploader is told',
    params: attachmentParams, body: reviewDecisionInput,
    handler: async ({ params, body }, req) => {
      await reviewAttachment(params.id, params.key, body, await requireListingActor(req), req.ip ?? '');
    },
  });
}
