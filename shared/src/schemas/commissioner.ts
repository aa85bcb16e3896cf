/**
 * Science commissioners (科技特派员, the 双千 action): the application for a term, the
 * organisation's endorsement, the administrator's review, and the public profile and directory.
 */
import { z } from 'zod';
import { countyByCode } from '../geo/distance';
import { cityCode, inputString, objectId, pagination, whenValid } from './common';
import { LISTING_LIMITS, keywordList, listingOrgView, reviewDecisionInput } from './listing';
import { discipline, industry, resultPublicView } from './result';

/** Terms (years of service) the platform accepts at all; the server narrows to this year and next. */
export const COMMISSIONER_TERM_RANGE = { min: 2020, max: 2100 } as const;
export const COMMISSIONER_LIMITS = { capacityMin: 1, capacityMax: 5, disciplinesMax: 5, industriesMax: 5, stakesMax: 50, expertiseMax: 3000 } as const;

/**
 * awaiting_endorsement → (the organisation's manager) awaiting_review | endorsement_declined;
 * awaiting_review → (an administrator) approved | returned; declined or returned → resubmitted
 * (awaiting_endorsement again: the organisation confirms what it endorses).
 */
export const COMMISSIONER_STATUSES = ['awaiting_endorsement', 'endorsement_declined', 'awaiting_review', 'returned', 'approved'] as const;
export type CommissionerStatus = (typeof COMMISSIONER_STATUSES)[number];

/** A term: a calendar year of service. */
export const commissionerTerm = z.coerce.number().int().min(COMMISSIONER_TERM_RANGE.min).max(COMMISSIONER_TERM_RANGE.max);

/** A county-level division of Jilin by its GB/T 2260 code (shared/src/geo). */
export const countyCode = z.string().refine((c) => countyByCode(c) !== undefined, { message: 'kz.county_code' });

const unique = <T>(xs: T[]): T[] => [...new Set(xs)];

/** Days a month and/or a note ("寒暑假可驻企"). */
export const commissionerAvailability = z.strictObject({
  daysPerMonth: z.number().int().min(1).max(31).nullable().optional(),
  note: inputString().trim().max(500).optional(),
});

const applicationFields = z.strictObject({
  term: z.number().int().min(COMMISSIONER_TERM_RANGE.min).max(COMMISSIONER_TERM_RANGE.max),
  expertise: inputString().trim().min(10).max(COMMISSIONER_LIMITS.expertiseMax),
  keywords: keywordList,
  disciplines: z.array(discipline).min(1).max(COMMISSIONER_LIMITS.disciplinesMax).transform(unique),
  industries: z.array(industry).min(1).max(COMMISSIONER_LIMITS.industriesMax).transform(unique),
  cities: z.array(cityCode).max(9).default([]).transform(unique),
  counties: z.array(countyCode).max(60).default([]).transform(unique),
  capacity: z.number().int().min(COMMISSIONER_LIMITS.capacityMin).max(COMMISSIONER_LIMITS.capacityMax),
  availability: commissionerAvailability.default({}),
  /** Enterprises he or his organisation has an interest in (never paired with them). */
  stakes: z.array(objectId).max(COMMISSIONER_LIMITS.stakesMax).default([]).transform(unique),
});

/** An application (and a resubmission, which replaces it whole). */
export const commissionerApplicationInput = applicationFields.superRefine((v, ctx) => {
  if (v.cities.length === 0 && v.counties.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['cities'], message: 'kz.serve_region' });
  }
}, whenValid('cities', 'counties'));
export type CommissionerApplicationInput = z.infer<typeof commissionerApplicationInput>;

/** The organisation's manager confirms (may add the organisation's own stakes) or declines. */
export const commissionerEndorsementInput = z.strictObject({
  endorse: z.boolean(),
  note: inputString().trim().max(LISTING_LIMITS.reasonMax).optional(),
  orgStakes: z.array(objectId).max(COMMISSIONER_LIMITS.stakesMax).default([]).transform(unique),
});
export type CommissionerEndorsementInput = z.infer<typeof commissionerEndorsementInput>;

/** The administrator approves, or sends back with a reason the applicant reads. */
/** The administrator's decision on an application: the same as on a listing (a reason to send it back). */
export const commissionerReviewInput = reviewDecisionInput;
export type CommissionerReviewInput = z.infer<typeof commissionerReviewInput>;

/** The administrator's and a manager's queues. */
export const commissionerApplicationsQuery = z.strictObject({
  status: z.enum(COMMISSIONER_STATUSES).optional(),
  term: commissionerTerm.optional(),
  /** Applications offering to serve this city (whole or any of its counties). */
  city: cityCode.optional(),
  ...pagination,
});

const named = z.object({ id: objectId, name: z.string() });
const publicCommissionerFields = {
  id: objectId,
  term: z.number().int(),
  name: z.string(),
  title: z.string(),
  org: listingOrgView,
  expertise: z.string(),
  keywords: z.array(z.string()),
  disciplines: z.array(discipline),
  industries: z.array(industry),
  cities: z.array(cityCode),
  counties: z.array(z.string()),
  capacity: z.number().int(),
  availability: z.object({ daysPerMonth: z.number().int().nullable(), note: z.string() }),
};

/** An application as the applicant, his organisation's managers and administrators see it. */
export const commissionerApplicationView = z.object({
  ...publicCommissionerFields,
  status: z.enum(COMMISSIONER_STATUSES),
  applicant: named,
  stakes: z.array(named),
  orgStakes: z.array(named),
  endorsement: z.object({ endorsed: z.boolean(), by: z.string(), at: z.string(), note: z.string().nullable() }).nullable(),
  returnReason: z.string().nullable(),
  submittedAt: z.string(),
  approvedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type CommissionerApplicationView = z.infer<typeof commissionerApplicationView>;

/** Places left: his capacity less his live (confirmed or accepted) pairings of the term. */
const capacityLeft = z.number().int();

/** A commissioner in the public directory: no stakes, no contact, no history. */
export const commissionerCardView = z.object({ ...publicCommissionerFields, capacityLeft });
export type CommissionerCardView = z.infer<typeof commissionerCardView>;

/** The public profile: the card and his published results on the platform. */
export const commissionerProfileView = z.object({ ...publicCommissionerFields, capacityLeft, results: z.array(resultPublicView) });
export type CommissionerProfileView = z.infer<typeof commissionerProfileView>;

/** Directory filters: expertise text, region (a county matches commissioners serving it or its whole city), industry, discipline, term. */
export const commissionerDirectoryQuery = z.strictObject({
  q: inputString().trim().max(100).optional(),
  city: cityCode.optional(),
  county: countyCode.optional(),
  industry: industry.optional(),
  discipline: discipline.optional(),
  term: commissionerTerm.optional(),
  ...pagination,
});
export type CommissionerDirectoryQuery = z.infer<typeof commissionerDirectoryQuery>;
