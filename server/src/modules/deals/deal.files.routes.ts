import express from 'express';
import {
  ATTACHMENT_MIMES,
  DEAL_FILE_LIMITS,
  attachmentUploadBody,
  dealFileParams,
  dealFileUploadQuery,
  dealFileView,
  dealFilesView,
  dealNdaAcceptInput,
  dealNdaInput,
  dealNdaView,
  idParams,
} from '@kezhuan/shared';
import type { ApiRouter } from '../../lib/api-router';
import { currentUser, requireAuth } from '../../lib/auth-guard';
import { listDealFiles, openDealFile, removeDealFile, uploadDealFile } from './deal.files';
import { acceptNda, setNda } from './deal.nda';
import { sendStoredFile } from '../../lib/send-file';

const TAG = 'deals';
const ROOM_ERRORS = ['NOT_FOUND', 'FORBIDDEN'] as const;

/**
 * A deal room's files and its NDA (deal.files.ts, deal.nda.ts). Strangers get 404 on every path, as
 * for the room itself; administrators list and download (audited) and change nothing (403).
 */
export function dealFileRoutes(api: ApiRouter): void {
  api.add({
    method: 'get', path: '/deals/:id/files', tag: TAG, access: 'user',
    summary: 'A deal room’s files, newest first (a confidential file the caller may not open yet shows no name), its NDA and whether the caller may upload',
    params: idParams, response: dealFilesView, errors: ROOM_ERRORS,
    handler: ({ params }, req) => listDealFiles(currentUser(req), params.id, req.ip ?? ''),
  });
  api.add({
    method: 'post', path: '/deals/:id/files', tag: TAG, access: 'user', status: 201,
    summary: `A participant uploads a file into an open room (raw body: PDF, DOCX, XLSX, PNG or JPG checked by content, at most 10 MB, ${DEAL_FILE_LIMITS.perRoom} per room; name, note, confidential and batch in the query; confidential needs the NDA required)`,
    before: [requireAuth(), express.raw({ type: ATTACHMENT_MIMES, limit: DEAL_FILE_LIMITS.maxBytes })],
    params: idParams, query: dealFileUploadQuery, body: attachmentUploadBody, response: dealFileView,
    errors: [...ROOM_ERRORS, 'UNSUPPORTED_MEDIA_TYPE', 'PAYLOAD_TOO_LARGE', 'INVALID_STATE', 'CONFLICT'],
    handler: ({ params, query, body }, req) =>
      uploadDealFile(currentUser(req), params.id, { bytes: body, mime: req.get('content-type') ?? '' }, query, req.ip ?? ''),
  });
  api.add({
    method: 'get', path: '/deals/:id/files/:fileId', tag: TAG, access: 'user', raw: true,
    summary: 'Download a file (participants and administrators; a confidential one once the caller’s NDA is accepted, every download audited)',
    params: dealFileParams, errors: ROOM_ERRORS,
    handler: async ({ params }, req, res) => {
      const file = await openDealFile(currentUser(req), params.id, params.fileId, req.ip ?? '');
      await sendStoredFile(res, file);
    },
  });
  api.add({
    method: 'delete', path: '/deals/:id/files/:fileId', tag: TAG, access: 'user', status: 204,
    summary: 'The uploader removes his own file while the deal is open (audited)',
    params: dealFileParams, errors: [...ROOM_ERRORS, 'INVALID_STATE'],
    handler: ({ params }, req) => removeDealFile(currentUser(req), params.id, params.fileId, req.ip ?? ''),
  });
  api.add({
    method: 'put', path: '/deals/:id/nda', tag: TAG, access: 'user',
    summary: 'The technology provider requires the NDA (its text, the default bilingual one when left out; a changed text is a new version everyone accepts again) or lifts it (not while confidential files are in the room)',
    params: idParams, body: dealNdaInput, response: dealNdaView, errors: [...ROOM_ERRORS, 'INVALID_STATE'],
    handler: ({ params, body }, req) => setNda(currentUser(req), params.id, body, req.ip ?? ''),
  });
  api.add({
    method: 'post', path: '/deals/:id/nda/accept', tag: TAG, access: 'user',
    summary: 'A participant accepts the NDA version he read (recorded with his organisation, time, IP and the text’s hash); confidential files then open to him',
    params: idParams, body: dealNdaAcceptInput, response: dealNdaView, errors: [...ROOM_ERRORS, 'INVALID_STATE'],
    handler: ({ params, body }, req) => acceptNda(currentUser(req), params.id, body, req.ip ?? ''),
  });
}
