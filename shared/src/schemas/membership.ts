/**
 * Who acts for an organisation: membership requests and their approval, roles inside the
 * organisation (manager, member), listings shared with colleagues, and the evidence an
 * organisation uploads to be verified.
 */
import { z } from 'zod';
import { LIMITS } from '../constants';
import { objectId } from './common';
import { attachmentKey } from './listing';

/** manager: approves members, edits every listing of the organisation, transfers listings; member: his own and shared ones. */
export const ORG_ROLES = ['manager', 'member'] as const;
export type OrgRole = (typeof ORG_ROLES)[number];
export const orgRole = z.enum(ORG_ROLES);

/** pending: asked to join, not yet approved (no rights over the organisation's listings); active: approved. */
export const MEMBERSHIP_STATUSES = ['pending', 'active'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

/**
 * An account's place in its organisation, as the account itself sees it. While the request is
 * pending it also says when it was sent and who decides it: the organisation's managers (named)
 * or, when it has none, the platform's administrators.
 */
export const membershipView = z.object({
  orgRole,
  status: z.enum(MEMBERSHIP_STATUSES),
  requestedAt: z.string().nullable().optional(),
  decidedBy: z.object({ kind: z.enum(['managers', 'admins']), names: z.array(z.string()) }).nullable().optional(),
});
export type MembershipView = z.infer<typeof membershipView>;

/** Ask to join an existing organisation (an account without one, e.g. after a rejection). */
export const joinOrgInput = z.strictObject({ orgId: objectId });

/** Withdraw one's own pending request, or leave the organisation; names it so a stale page cannot act on another. */
export const membershipExitInput = z.strictObject({ orgId: objectId });
export type MembershipExitInput = z.infer<typeof membershipExitInput>;

/** A member (or applicant) as the organisation's managers and administrators see him. */
export const memberView = z.object({
  id: objectId,
  displayName: z.string(),
  email: z.string(),
  role: z.string(),
  orgRole,
  status: z.enum(MEMBERSHIP_STATUSES),
  requestedAt: z.string().nullable(),
});
export type MemberView = z.infer<typeof memberView>;

export const memberParams = z.strictObject({ id: objectId, userId: objectId });

/** A manager's answer to a request to join. */
export const memberDecisionInput = z.strictObject({
  approve: z.boolean(),
  note: z.string().trim().max(500).optional(),
});
export type MemberDecisionInput = z.infer<typeof memberDecisionInput>;

export const memberRoleInput = z.strictObject({ orgRole });

/** Hand every listing of one member to another (when people leave). */
export const listingTransferInput = z
  .strictObject({ from: objectId, to: objectId })
  .refine((v) => v.from !== v.to, { path: ['to'], message: 'kz.transfer_same' });
export const listingTransferView = z.object({ results: z.number().int(), needs: z.number().int() });

/** The colleagues a listing is shared with (they may edit it too); replaces the list. */
export const listingShareInput = z.strictObject({ userIds: z.array(objectId).max(50).transform((ids) => [...new Set(ids)]) });
export const listingShareView = z.object({ sharedWith: z.array(z.object({ id: objectId, name: z.string() })) });

/** Email domains whose verified addresses join the organisation without a manager's approval. */
export const emailDomain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?!-)[a-z0-9-]{1,63}(\.[a-z0-9-]{1,63})+$/, { message: 'kz.email_domain' });
export const orgSettingsInput = z.strictObject({ emailDomains: z.array(emailDomain).max(10).transform((d) => [...new Set(d)]) });

/** Organisation verification: none yet, evidence submitted and waiting on an administrator, verified, or rejected. */
export const ORG_VERIFICATION_STATES = ['none', 'requested', 'verified', 'rejected'] as const;
export type OrgVerificationState = (typeof ORG_VERIFICATION_STATES)[number];

/** What the administrator should look at: a name that collides with another organisation's, a disputed credit code. */
export const ORG_FLAGS = ['name_collision', 'uscc_disputed', 'uscc_released'] as const;
export type OrgFlag = (typeof ORG_FLAGS)[number];

export const EVIDENCE_MIMES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const EVIDENCE_LIMITS = { maxBytes: 10 * 1024 * 1024, perOrg: 5 } as const;
export const evidenceUploadQuery = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1)
    .max(LIMITS.orgNameMax)
    .refine((n) => !/[\\/:*?"<>|]/.test(n) && ![...n].some((ch) => ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127), { message: 'kz.filename' })
    .refine((n) => /\.(pdf|png|jpe?g)$/i.test(n), { message: 'kz.evidence_type' }),
});
export const evidenceParams = z.strictObject({ id: objectId, key: attachmentKey });
export const evidenceView = z.object({ key: z.string(), name: z.string(), mime: z.string(), size: z.number().int(), uploadedAt: z.string() });
export type EvidenceView = z.infer<typeof evidenceView>;

/** The verification application as the organisation's own members see it. */
export const orgVerificationView = z.object({
  state: z.enum(ORG_VERIFICATION_STATES),
  note: z.string().nullable(),
  evidence: z.array(evidenceView),
  emailDomains: z.array(z.string()),
  /** What the application waits on: evidence to upload, the application to submit, an administrator. */
  waitingOn: z.enum(['evidence', 'submit', 'admin', 'nothing']),
});
export type OrgVerificationView = z.infer<typeof orgVerificationView>;

/** The administrator's view of an organisation: flags, the credit-code check and the evidence. */
export const adminOrgView = z.object({
  id: objectId,
  name: z.string(),
  uscc: z.string(),
  verified: z.boolean(),
  state: z.enum(ORG_VERIFICATION_STATES),
  flags: z.array(z.enum(ORG_FLAGS)),
  evidence: z.array(evidenceView),
  usccCheck: z.object({
    checksumValid: z.boolean(),
    /** Other organisations claiming the same credit code. */
    sameCode: z.array(z.object({ id: objectId, name: z.string(), verified: z.boolean() })),
    /** Other organisations with the same normalised name. */
    sameName: z.array(z.object({ id: objectId, name: z.string(), verified: z.boolean() })),
  }),
});
export type AdminOrgView = z.infer<typeof adminOrgView>;
