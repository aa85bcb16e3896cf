/**
 * What research results and technology needs have in common: lifecycle statuses, contacts,
 * keywords, history, review decisions and list queries.
 */
import { z } from 'zod';
import { LIMITS, MOBILE_RE, ORG_TYPES } from '../constants';
import { cityCode, email, inputString, objectId, pagination, text } from './common';

export const LISTING_KINDS = ['result', 'need'] as const;
export type ListingKind = (typeof LISTING_KINDS)[number];
export const listingKind = z.enum(LISTING_KINDS);

/**
 * draft → submitted (under review) → published, or back to draft with a reason; a published
 * listing not confirmed for 180 days is expired; the owner may withdraw at any time.
 */
export const LISTING_STATUSES = ['draft', 'submitted', 'published', 'expired', 'withdrawn'] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];
export const listingStatus = z.enum(LISTING_STATUSES);

export const LISTING_STATUS_LABELS: Record<ListingStatus, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '审核中', en: 'Under review' },
  published: { zh: '已发布', en: 'Published' },
  expired: { zh: '已过期', en: 'Expired' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

/** Days a published listing stays published without its owner confirming it is still current. */
export const LISTING_EXPIRY_DAYS = 180;

export const LISTING_LIMITS = {
  titleMax: 100,
  keywordMax: 30,
  // Papers and patents often carry 12–15 keywords: keep every one the authors gave.
  keywordsMax: 20,
  reasonMax: 500,
  amountMax: 10_000_000_000,
} as const;

/** A mainland mobile number or a landline with area code (0431-85166666, 043185166666). */
const PHONE_RE = new RegExp(`${MOBILE_RE.source}|^0\\d{2,3}-?\\d{7,8}$`);

/** Who to talk to about a listing; shown only to signed-in members of verified organisations. */
export const listingContact = z.strictObject({
  name: text(LIMITS.nameMax),
  phone: inputString().trim().regex(PHONE_RE, { message: 'kz.phone' }),
  email,
});
export type ListingContact = z.infer<typeof listingContact>;

/** 1–20 keywords, trimmed; repeats are dropped; more is an error, never a silent cut. */
export const keywordList = z
  .array(text(LISTING_LIMITS.keywordMax))
  .min(1)
  .max(LISTING_LIMITS.keywordsMax)
  .transform((ks) => [...new Set(ks)]);

/** An amount in yuan. */
export const yuan = z.number().min(0).max(LISTING_LIMITS.amountMax);

/** A calendar date, YYYY-MM-DD. */
export const isoDate = z.iso.date();

/** One status change as the owner and administrators see it. */
export const historyEntryView = z.object({
  action: z.string(),
  from: listingStatus.nullable(),
  to: listingStatus,
  by: z.object({ id: objectId, name: z.string() }).nullable(),
  reason: z.string().nullable(),
  at: z.string(),
});
export type HistoryEntryView = z.infer<typeof historyEntryView>;

/** The owning organisation as listings show it. */
export const listingOrgView = z.object({ id: objectId, name: z.string(), type: z.enum(ORG_TYPES), verified: z.boolean() });
export type ListingOrgView = z.infer<typeof listingOrgView>;

export const qualityCheckView = z.object({
  key: z.string(),
  ok: z.boolean(),
  weight: z.number(),
  message: z.object({ zh: z.string(), en: z.string() }),
});
export const qualityView = z.object({ score: z.number().int().min(0).max(100), checks: z.array(qualityCheckView) });

/** Lifecycle fields every view carries. `status` is the effective status (expiry applied on read). */
export const listingLifecycleView = {
  status: listingStatus,
  publishedAt: z.string().nullable(),
  lastConfirmedAt: z.string().nullable(),
  /** When a published listing expires unless its owner confirms it. */
  expiresAt: z.string().nullable(),
  updatedAt: z.string(),
};

/** The owner's and administrators' extra lifecycle fields. */
export const listingOwnerExtras = {
  history: z.array(historyEntryView),
  /** The administrator's reason when the listing was last sent back to draft. */
  returnReason: z.string().nullable(),
  submittedAt: z.string().nullable(),
  createdAt: z.string(),
  quality: qualityView,
  /** Whether the caller may edit it and take its lifecycle actions (its owner, colleagues it is shared with, managers). */
  canEdit: z.boolean().optional(),
  /** Whether the caller may choose the colleagues it is shared with (its owner, managers). */
  canShare: z.boolean().optional(),
  /** The ids of the colleagues it is shared with. */
  sharedWith: z.array(objectId).optional(),
};

/** "My listings" (mine and those shared with me; `scope=org`: every listing of my organisation), optionally of one status. */
export const myListingsQuery = z.strictObject({ status: listingStatus.optional(), scope: z.enum(['mine', 'org']).default('mine'), ...pagination });
export type MyListingsQuery = z.infer<typeof myListingsQuery>;

/** One line of "my listings". */
export const myListingView = z.object({
  id: objectId,
  kind: listingKind,
  title: z.string(),
  ...listingLifecycleView,
  returnReason: z.string().nullable(),
  qualityScore: z.number().int(),
  /** Who owns it in the organisation, and whether the caller may edit it. */
  owner: z.object({ id: objectId, name: z.string() }).optional(),
  canEdit: z.boolean().optional(),
});
export type MyListingView = z.infer<typeof myListingView>;

/** The administrators' review queue: submitted listings of one kind, oldest first. */
export const reviewQueueQuery = z.strictObject({
  kind: listingKind,
  /** Words of the title or of the organisation's name. */
  q: inputString().trim().max(100).optional(),
  orgType: z.enum(ORG_TYPES).optional(),
  city: cityCode.optional(),
  /** Submitted on or after / on or before these days (YYYY-MM-DD, China time). */
  submittedFrom: z.iso.date().optional(),
  submittedTo: z.iso.date().optional(),
  ...pagination,
});
export type ReviewQueueQuery = z.infer<typeof reviewQueueQuery>;

export const reviewQueueItemView = z.object({
  id: objectId,
  kind: listingKind,
  title: z.string(),
  org: listingOrgView,
  submittedAt: z.string().nullable(),
  qualityScore: z.number().int(),
});
export type ReviewQueueItemView = z.infer<typeof reviewQueueItemView>;

/** What waits for an administrator: the numbers on the review page's tabs. */
export const reviewCountsView = z.object({ result: z.number().int(), need: z.number().int(), attachments: z.number().int() });
export type ReviewCountsView = z.infer<typeof reviewCountsView>;

export const reviewParams = z.strictObject({ kind: listingKind, id: objectId });

/** An administrator's decision; sending a listing back needs a reason the owner will read. */
export const reviewDecisionInput = z
  .strictObject({
    decision: z.enum(['approve', 'return']),
    reason: inputString().trim().max(LISTING_LIMITS.reasonMax).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'return' && !v.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'kz.return_reason' });
    }
  });
export type ReviewDecisionInput = z.infer<typeof reviewDecisionInput>;

export const reviewOutcomeView = z.object({
  id: objectId,
  kind: listingKind,
  status: listingStatus,
  reason: z.string().nullable(),
});
export type ReviewOutcomeView = z.infer<typeof reviewOutcomeView>;

/** Files a listing may carry, by MIME type, with the file name extensions each allows. */
export const ATTACHMENT_TYPES = {
  'application/pdf': ['pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
} as const satisfies Record<string, readonly string[]>;
export type AttachmentMime = keyof typeof ATTACHMENT_TYPES;
export const ATTACHMENT_MIMES = Object.keys(ATTACHMENT_TYPES) as AttachmentMime[];
export const ATTACHMENT_LIMITS = { maxBytes: 10 * 1024 * 1024, perListing: 10, nameMax: 120 } as const;

/** A file name as the uploader gives it: no path, no control or reserved characters, a known extension. */
export const attachmentName = z
  .string()
  .trim()
  .min(1)
  .max(ATTACHMENT_LIMITS.nameMax)
  .refine((n) => !/[\\/:*?"<>|]/.test(n) && ![...n].some((ch) => ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127), {
    message: 'kz.filename',
  })
  .refine((n) => /\.(pdf|docx|xlsx|png|jpe?g)$/i.test(n), { message: 'kz.attachment_type' });

/** The upload's file name travels in the query string (the body is the file itself). */
export const attachmentUploadQuery = z.strictObject({ name: attachmentName });

/** The upload body: the file's bytes (`express.raw`), not empty. */
export const attachmentUploadBody = z
  .instanceof(Uint8Array, { message: 'kz.attachment_type' })
  .refine((b) => b.byteLength > 0, { message: 'kz.attachment_empty' });

/** Storage keys are 32 random hex characters. */
export const attachmentKey = z.string().regex(/^[0-9a-f]{32}$/, { message: 'kz.object_id' });
export const attachmentParams = z.strictObject({ id: objectId, key: attachmentKey });

export const attachmentView = z.object({
  key: z.string(),
  name: z.string(),
  size: z.number().int(),
  mime: z.string(),
  uploadedAt: z.string(),
  /** Added to a reviewed listing and not yet approved: only its organisation and administrators see it. */
  pending: z.boolean(),
});
export type AttachmentView = z.infer<typeof attachmentView>;

/** A file added to a reviewed result, waiting for an administrator. */
export const pendingAttachmentView = z.object({ resultId: objectId, title: z.string(), org: listingOrgView, attachment: attachmentView });
export type PendingAttachmentView = z.infer<typeof pendingAttachmentView>;
