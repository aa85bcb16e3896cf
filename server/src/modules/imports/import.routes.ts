import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import express from 'express';
import {
  IMPORT_LIMITS,
  idParams,
  importCreateQuery,
  importJobDetailView,
  importJobView,
  importListQuery,
  importListingView,
  importListingsQuery,
  importTemplateQuery,
  paginated,
  type ImportFormat,
} from '@kezhuan/shared';
import { z } from 'zod';
import type { ApiRouter } from '../../lib/api-router';
import { currentUser, requireAuth } from '../../lib/auth-guard';
import { createError } from '../../lib/errors';
import { errorReportCsv, reportFileName } from './import.report';
import { audit } from '../audit/audit.service';
import { cancelImport, getImport, importDetail, listImports, startImport } from './import.service';
import { TEMPLATE_NAMES, csvTemplate, xlsxTemplate } from './import.templates';
import { importListings } from './import.listings';
import { looksLikeZip } from './sources';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Content types an upload may have; browsers label CSV files text/csv or (Windows) application/vnd.ms-excel. */
const UPLOAD_TYPES = ['application/octet-stream', 'text/csv', 'text/plain', 'application/csv', 'application/vnd.ms-excel', XLSX_MIME, 'application/x-ndjson', 'application/jsonl', 'application/x-jsonlines'];
const uploadBody = z.instanceof(Uint8Array).optional();

function formatOf(name: string): ImportFormat | undefined {
  const ext = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  return ext === 'csv' || ext === 'xlsx' ? ext : ext === 'jsonl' || ext === 'ndjson' ? 'jsonl' : undefined;
}

/** Refuses at once a file that cannot be of the stated format (an XLSX sent as CSV, an old .xls). */
function checkShape(format: ImportFormat, bytes: Uint8Array): void {
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (ole) {
    throw createError('UNSUPPORTED_MEDIA_TYPE', { message: '不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx', messageEn: 'Old .xls files are not supported; save the file as .xlsx' });
  }
  if ((format === 'xlsx') !== looksLikeZip(bytes)) {
    throw createError('UNSUPPORTED_MEDIA_TYPE', {
      message: format === 'xlsx' ? '文件不是 XLSX 工作簿' : '这是一个 XLSX 工作簿，请以 xlsx 格式上传',
      messageEn: format === 'xlsx' ? 'The file is not an XLSX workbook' : 'This is an XLSX workbook; upload it with format=xlsx',
    });
  }
}

/**
 * Bulk import for administrators: upload a file (202: it is processed in the background), follow
 * its job, download its error report and the templates.
 */
export function importRoutes(api: ApiRouter): void {
  api.add({
    method: 'get', path: '/admin/imports/template', tag: 'imports', access: ['admin'], raw: true,
    summary: 'Download an import template (header row and one example row; XLSX also has a guide and the code tables)',
    query: importTemplateQuery,
    handler: async ({ query }, _req, res) => {
      const name = `${TEMPLATE_NAMES[query.kind]}.${query.format}`;
      res.attachment(name);
      res.set('Cache-Control', 'no-store');
      if (query.format === 'csv') {
        res.type('text/csv; charset=utf-8').send(csvTemplate(query.kind));
      } else {
        res.type(XLSX_MIME).send(await xlsxTemplate(query.kind));
      }
    },
  });
  api.add({
    method: 'post', path: '/admin/imports', tag: 'imports', access: ['admin'],
    summary:
      'Import a file (raw body, at most 200 MB): results, needs or organisations from CSV (UTF-8 or GB18030), XLSX or JSONL. ' +
      'Answers 202 with the job; every row is validated first and nothing is written unless all rows are valid. ' +
      'publish=true imports listings as published and organisations as verified.',
    before: [requireAuth(['admin']), express.raw({ type: UPLOAD_TYPES, limit: IMPORT_LIMITS.maxBytes })],
    query: importCreateQuery, body: uploadBody, response: importJobView, status: 202,
    errors: ['UNSUPPORTED_MEDIA_TYPE'],
    handler: async ({ query, body }, req) => {
      if (!body || body.byteLength === 0) {
        throw createError('VALIDATION_FAILED', {
          fields: [{ path: 'body', code: 'required', message: '请上传文件（请求体为文件内容，类型如 text/csv 或 application/octet-stream）', messageEn: 'Send the file as the request body (e.g. text/csv or application/octet-stream)' }],
        });
      }
      const format = query.format ?? formatOf(query.name);
      if (!format) {
        throw createError('VALIDATION_FAILED', {
          fields: [{ path: 'query.format', code: 'required', message: '无法从文件名判断格式，请指定 format（csv、xlsx 或 jsonl）', messageEn: 'Cannot tell the format from the file name; give format (csv, xlsx or jsonl)' }],
        });
      }
      checkShape(format, body);
      const user = currentUser(req);
      const { job, done } = await startImport({ kind: query.kind, format, filename: query.name, publish: query.publish, bytes: body, actor: { id: user._id, name: user.displayName } });
      void done; // settles with the final state and never rejects; progress is polled or pushed
      return job;
    },
  });
  api.add({
    method: 'get', path: '/admin/imports', tag: 'imports', access: ['admin'],
    summary: 'Recent import jobs, newest first', query: importListQuery, response: paginated(importJobView),
    handler: async ({ query }) => ({ ...(await listImports(query)), page: query.page, pageSize: query.pageSize }),
  });
  api.add({
    method: 'get', path: '/admin/imports/:id', tag: 'imports', access: ['admin'],
    summary: 'One import job: status, progress and its first problems', params: idParams, response: importJobDetailView,
    handler: ({ params }) => importDetail(params.id),
  });
  api.add({
    method: 'get', path: '/admin/imports/:id/listings', tag: 'imports', access: ['admin'],
    summary: 'The listings an import created (its drafts to follow up), newest first; none for an organisations import',
    params: idParams, query: importListingsQuery, response: paginated(importListingView),
    handler: async ({ params, query }) => ({ ...(await importListings(params.id, query)), page: query.page, pageSize: query.pageSize }),
  });
  api.add({
    method: 'post', path: '/admin/imports/:id/cancel', tag: 'imports', access: ['admin'],
    summary: 'Cancel an import that is still being checked or waiting: nothing of it is written (409 once it is writing or has ended)',
    params: idParams, response: importJobView,
    handler: async ({ params }, req) => {
      const user = currentUser(req);
      const job = await cancelImport(params.id, { id: user._id, name: user.displayName });
      await audit({ action: 'import.cancel', actor: user._id, target: { kind: 'import', id: params.id }, detail: { filename: job.filename }, ip: req.ip });
      return job;
    },
  });
  api.add({
    method: 'get', path: '/admin/imports/:id/errors.csv', tag: 'imports', access: ['admin'], raw: true,
    summary: 'The error report of an import as CSV (行号, 字段, 错误, error)', params: idParams,
    handler: async ({ params }, _req, res) => {
      const job = await getImport(params.id);
      res.attachment(reportFileName(job.filename));
      res.type('text/csv; charset=utf-8');
      res.set('Cache-Control', 'no-store');
      await pipeline(Readable.from(errorReportCsv(params.id)), res);
    },
  });
}
