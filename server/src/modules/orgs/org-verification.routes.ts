import express from 'express';
import { adminOrgView, attachmentUploadBody, EVIDENCE_LIMITS, EVIDENCE_MIMES, evidenceParams, evidenceUploadQuery, evidenceView, idParams, orgSettingsInput, orgVerificationView } from '@kezhuan/shared';
import type { ApiRouter } from '../../lib/api-router';
import { currentUser, requireAuth } from '../../lib/auth-guard';
import { audit } from '../audit/audit.service';
import { requireOrgManager } from './membership.service';
import { addEvidence, adminOrgView as loadAdminOrgView, openEvidence, removeEvidence, requestVerification, verificationView } from './org-verification.service';
import { OrgModel } from './org.model';
import { sendStoredFile } from '../../lib/send-file';

/** Evidence, the verification application, the administrators' check, and the email-domain rule. */
export function orgVerificationRoutes(api: ApiRouter): void {
  api.add({
    method: 'get', path: '/orgs/:id/verification', tag: 'organisations', access: 'user',
    summary: "The organisation's verification application: its state and what it waits on (the organisation's accounts)",
    params: idParams, response: orgVerificationView,
    handler: ({ params }, req) => verificationView(currentUser(req), params.id),
  });
  api.add({
    method: 'post', path: '/orgs/:id/evidence', tag: 'organisations', access: 'user', status: 201,
    summary: 'Upload a business licence or legal-person certificate (raw body: PDF, JPEG or PNG checked by content, at most 10 MB; managers)',
    before: [requireAuth(), express.raw({ type: [...EVIDENCE_MIMES], limit: EVIDENCE_LIMITS.maxBytes })],
    params: idParams, query: evidenceUploadQuery, body: attachmentUploadBody, response: evidenceView,
    handler: ({ params, query, body }, req) =>
      addEvidence(currentUser(req), params.id, { bytes: body, name: query.name, mime: req.get('content-type') ?? '' }, req.ip ?? ''),
  });
  api.add({
    method: 'delete', path: '/orgs/:id/evidence/:key', tag: 'organisations', access: 'user', status: 204,
    summary: 'Remove an evidence file (managers; not while the application waits on an administrator)',
    params: evidenceParams,
    handler: async ({ params }, req) => {
      await removeEvidence(currentUser(req), params.id, params.key);
    },
  });
  api.add({
    method: 'post', path: '/orgs/:id/verification-request', tag: 'organisations', access: 'user',
    summary: 'Apply for verification with the uploaded evidence (managers); administrators are told',
    params: idParams, response: orgVerificationView,
    handler: ({ params }, req) => requestVerification(currentUser(req), params.id, req.ip ?? ''),
  });
  api.add({
    method: 'put', path: '/orgs/:id/settings', tag: 'organisations', access: 'user',
    summary: 'Email domains whose verified addresses join without approval (managers; audited)',
    params: idParams, body: orgSettingsInput, response: orgVerificationView,
    handler: async ({ params, body }, req) => {
      const user = currentUser(req);
      await requireOrgManager(user, params.id);
      await OrgModel.updateOne({ _id: params.id }, { $set: { emailDomains: body.emailDomains } });
      await audit({ action: 'org.settings', actor: user._id, target: { kind: 'org', id: params.id }, detail: { emailDomains: body.emailDomains }, ip: req.ip ?? '' });
      return verificationView(user, params.id);
    },
  });
  api.add({
    method: 'get', path: '/admin/orgs/:id', tag: 'administration', access: ['admin'],
    summary: 'An organisation for the verification dialog: flags, evidence and the credit-code check (administrators)',
    params: idParams, response: adminOrgView,
    handler: ({ params }) => loadAdminOrgView(params.id),
  });
  api.add({
    method: 'get', path: '/admin/orgs/:id/evidence/:key', tag: 'administration', access: ['admin'], raw: true,
    summary: 'Download an evidence file (administrators only; every view is audited)',
    params: evidenceParams,
    handler: async ({ params }, req, res) => {
      const file = await openEvidence(currentUser(req), params.id, params.key, req.ip ?? '');
      await sendStoredFile(res, file);
    },
  });
}
