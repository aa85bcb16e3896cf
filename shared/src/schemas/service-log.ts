/**
 * The service of an accepted 双千 pairing: the agreement and its plan, the commissioner's log of
 * visits and work (confirmed or disputed by the enterprise), the enterprise's rating, and the totals.
 * Entries carry files (photos of a visit, reports) seen only by both sides and administrators.
 */
import { z } from 'zod';
import { objectId, text } from './common';
import { attachmentKey } from './listing';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'kz.service_date' }).refine((s) => !Number.isNaN(Date.parse(s)), { message: 'kz.service_date' });

/** The plan the commissioner drafts; the dates lie within the pairing's term (checked by the service). */
export const serviceAgreementInput = z
  .strictObject({
    goals: text(2000),
    plannedVisits: z.number().int().min(1).max(100),
    plannedHours: z.number().min(1).max(2000),
    startsOn: day,
    endsOn: day,
  })
  .refine((a) => a.startsOn <= a.endsOn, { message: 'kz.service_dates_order', path: ['endsOn'] });
export type ServiceAgreementInput = z.infer<typeof serviceAgreementInput>;

/** A visit or a piece of work, logged by the commissioner. */
export const serviceEntryInput = z.strictObject({
  date: day,
  hours: z.number({ message: 'kz.service_hours' }).min(0.5, { message: 'kz.service_hours' }).max(24, { message: 'kz.service_hours' }).multipleOf(0.5, { message: 'kz.service_hours' }),
  visit: z.boolean().default(true),
  problems: text(2000),
  outcomes: text(2000),
  result: objectId.optional(),
  need: objectId.optional(),
});
export type ServiceEntryInput = z.infer<typeof serviceEntryInput>;

/** The enterprise confirms an entry, or disputes it with a reason. */
export const serviceEntryReviewInput = z
  .strictObject({ confirm: z.boolean(), reason: text(500).optional() })
  .refine((r) => r.confirm || r.reason !== undefined, { message: 'kz.dispute_reason', path: ['reason'] });
export type ServiceEntryReviewInput = z.infer<typeof serviceEntryReviewInput>;

export const serviceRatingInput = z.strictObject({
  score: z.number().int({ message: 'kz.service_rating' }).min(1, { message: 'kz.service_rating' }).max(5, { message: 'kz.service_rating' }),
  comment: text(1000).optional(),
});
export type ServiceRatingInput = z.infer<typeof serviceRatingInput>;

export const serviceEntryParams = z.strictObject({ id: objectId, entryId: objectId });
export const serviceAttachmentParams = z.strictObject({ id: objectId, entryId: objectId, key: attachmentKey });
/** At most this many files per log entry (each at most ATTACHMENT_LIMITS.maxBytes). */
export const SERVICE_ATTACHMENT_LIMIT = 10;
/** A file on a log entry; downloaded at /api/pairings/:id/service-entries/:entryId/attachments/:key. */
export const serviceAttachmentView = z.object({
  key: z.string(),
  name: z.string(),
  size: z.number().int(),
  mime: z.string(),
  uploadedAt: z.string(),
});
export type ServiceAttachmentView = z.infer<typeof serviceAttachmentView>;
export const serviceSummaryQuery = z.strictObject({ term: z.coerce.number().int().min(2020).max(2100) });

export const SERVICE_AGREEMENT_STATUSES = ['draft', 'confirmed'] as const;
export const SERVICE_ENTRY_STATUSES = ['logged', 'confirmed', 'disputed'] as const;

export const serviceAgreementView = z.object({
  status: z.enum(SERVICE_AGREEMENT_STATUSES),
  goals: z.string(),
  plannedVisits: z.number(),
  plannedHours: z.number(),
  startsOn: z.string(),
  endsOn: z.string(),
  confirmedAt: z.string().nullable(),
});
export const serviceEntryView = z.object({
  id: objectId,
  date: z.string(),
  hours: z.number(),
  visit: z.boolean(),
  problems: z.string(),
  outcomes: z.string(),
  result: objectId.nullable(),
  need: objectId.nullable(),
  status: z.enum(SERVICE_ENTRY_STATUSES),
  reason: z.string().nullable(),
  createdAt: z.string(),
  attachments: z.array(serviceAttachmentView),
});
export type ServiceEntryView = z.infer<typeof serviceEntryView>;
export const serviceTotalsView = z.object({
  confirmedHours: z.number(),
  confirmedVisits: z.number(),
  entries: z.number(),
  disputed: z.number(),
  rating: z.object({ score: z.number(), comment: z.string().nullable(), at: z.string() }).nullable(),
});
export type ServiceTotalsView = z.infer<typeof serviceTotalsView>;
/** A pairing's service: its agreement (null until drafted), its log, newest first, and its totals. */
export const pairingServiceView = z.object({
  pairing: objectId,
  term: z.number(),
  /** The request's title and the two parties' names, for the page's heading. */
  title: z.string(),
  enterprise: z.string(),
  commissioner: z.string(),
  /** The sides the caller stands for (none for other enterprise members and administrators, who only read). */
  sides: z.array(z.enum(['commissioner', 'enterprise'])),
  agreement: serviceAgreementView.nullable(),
  entries: z.array(serviceEntryView),
  totals: serviceTotalsView,
});
export type PairingServiceView = z.infer<typeof pairingServiceView>;

const summaryRow = z.object({
  key: z.string(),
  commissioners: z.number(),
  enterprises: z.number(),
  activePairings: z.number(),
  confirmedHours: z.number(),
  meanRating: z.number().nullable(),
});
export type ServiceSummaryRow = z.infer<typeof summaryRow>;
/** The plan of the 双千 action: a thousand commissioners serving a thousand enterprises. */
export const SHUANGQIAN_TARGET = { commissioners: 1000, enterprises: 1000 } as const;
const summaryTarget = z.object({ commissioners: z.number(), enterprises: z.number() });

/** The programme dashboard's figures for a term, overall, by city, by county and by industry, with the plan's target. */
export const serviceSummaryView = z.object({
  term: z.number(),
  target: summaryTarget,
  total: summaryRow,
  byCity: z.array(summaryRow),
  byCounty: z.array(summaryRow),
  byIndustry: z.array(summaryRow),
});
export type ServiceSummaryView = z.infer<typeof serviceSummaryView>;

/** The public summary of the 双千 action: aggregate counts only (no names, no ratings of anyone). */
const publicSummaryRow = z.object({ key: z.string(), commissioners: z.number(), enterprises: z.number(), activePairings: z.number(), confirmedHours: z.number() });
export type PublicSummaryRow = z.infer<typeof publicSummaryRow>;
export const publicServiceSummaryView = z.object({
  term: z.number(),
  target: summaryTarget,
  total: publicSummaryRow,
  byCity: z.array(publicSummaryRow),
  byIndustry: z.array(publicSummaryRow),
});
export type PublicServiceSummaryView = z.infer<typeof publicServiceSummaryView>;
/** The public summary: the term defaults to the current one. */
export const publicServiceSummaryQuery = z.strictObject({ term: z.coerce.number().int().min(2020).max(2100).optional() });
/** The dashboard's tables as a workbook, headed in the given language. */
export const serviceSummaryExportQuery = serviceSummaryQuery.extend({ lang: z.enum(['zh-CN', 'en']).default('zh-CN') });
