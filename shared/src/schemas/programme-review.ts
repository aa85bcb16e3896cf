/**
 * Expert review of programme applications (issue 15): the expert pool (评审专家库), proposals by
 * field match with conflicts of interest excluded, assignments, scores on the call's criteria and
 * the ranking of a call's applications. Applicants never see any of it.
 */
import { z } from 'zod';
import { DISCIPLINE_CODES } from '../vocab/disciplines';
import { INDUSTRY_CODES } from '../vocab/industries';
import { LIMITS } from '../constants';
import { email, inputString, mobile, objectId, pagination, text } from './common';

export const REVIEW_LIMITS = {
  termsMax: 20,
  termMax: 30,
  stakesMax: 20,
  fieldsMax: 10,
  assignMax: 10,
  commentMax: 2000,
} as const;

/**
 * A score more than this many points from the median of the application's scores is an outlier
 * (with 3 or more scores). The median, not the mean: one far-off score would drag the mean towards
 * itself and make a normal score look off.
 */
export const OUTLIER_POINTS = 15;

const unique = <T>(xs: T[]): T[] => [...new Set(xs)];

/** The administrator's pool entry for one platform account. */
export const expertInput = z.strictObject({
  user: objectId,
  disciplines: z.array(z.enum(DISCIPLINE_CODES)).max(REVIEW_LIMITS.fieldsMax).transform(unique).default([]),
  industries: z.array(z.enum(INDUSTRY_CODES)).max(REVIEW_LIMITS.fieldsMax).transform(unique).default([]),
  terms: z.array(text(REVIEW_LIMITS.termMax)).max(REVIEW_LIMITS.termsMax).transform(unique).default([]),
  /** Organisations the expert declares a stake in (conflicts of interest). */
  stakes: z.array(objectId).max(REVIEW_LIMITS.stakesMax).transform(unique).default([]),
  active: z.boolean().default(true),
});
export type ExpertInput = z.infer<typeof expertInput>;
export const expertUpdate = expertInput.omit({ user: true });
export type ExpertUpdate = z.infer<typeof expertUpdate>;

/**
 * An outside expert without an account: the platform makes one (no password; a mobile number, as every account
 * has one to sign in with) and mails a link to set the password.
 */
export const expertInviteInput = expertUpdate.extend({ displayName: text(LIMITS.nameMax), email, phone: mobile });
export type ExpertInviteInput = z.infer<typeof expertInviteInput>;

export const expertListQuery = z.strictObject({ active: z.enum(['true', 'false']).optional(), ...pagination });

const named = z.object({ id: z.string(), name: z.string() });

export const expertView = z.object({
  id: z.string(),
  user: z.object({ id: z.string(), displayName: z.string(), role: z.string() }),
  /** The expert's organisation when the entry was made or last edited (null: none). */
  org: named.nullable(),
  disciplines: z.array(z.string()),
  industries: z.array(z.string()),
  terms: z.array(z.string()),
  stakes: z.array(named),
  active: z.boolean(),
});
export type ExpertView = z.infer<typeof expertView>;

/** Why an expert may not review an application. */
export const CONFLICT_CODES = ['same_org', 'co_applicant', 'stake', 'applicant_member'] as const;
export type ConflictCode = (typeof CONFLICT_CODES)[number];

export const proposalView = z.object({
  expert: expertView,
  /** 0–100: shared fields and key terms. */
  score: z.number(),
  reasons: z.array(z.object({ zh: z.string(), en: z.string() })),
  conflicts: z.array(z.object({ code: z.enum(CONFLICT_CODES), zh: z.string(), en: z.string() })),
  assigned: z.boolean(),
});
export type ProposalView = z.infer<typeof proposalView>;
export const proposalsView = z.object({ items: z.array(proposalView) });

export const assignInput = z.strictObject({ experts: z.array(objectId).min(1).max(REVIEW_LIMITS.assignMax).transform(unique) });
export type AssignInput = z.infer<typeof assignInput>;

export const RECOMMENDATIONS = ['fund', 'fund_with_changes', 'reject'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];
export const REVIEW_STATUSES = ['assigned', 'draft', 'submitted'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** The reviewer's scores: one per criterion of the call (checked against the call by the server). */
export const scoreInput = z.strictObject({
  scores: z.array(z.strictObject({
    criterion: text(60),
    score: z.number().int().min(0).max(100),
    comment: inputString().trim().max(REVIEW_LIMITS.commentMax).default(''),
  })).max(12),
  recommendation: z.enum(RECOMMENDATIONS).nullable().default(null),
});
export type ScoreInput = z.infer<typeof scoreInput>;

const scoreRow = z.object({ criterion: z.string(), weight: z.number(), score: z.number(), comment: z.string() });

/** Weighted total of scores (0–100) given criteria weights adding up to 100, one decimal. */
export function weightedTotal(criteria: readonly { name: string; weight: number }[], scores: readonly { criterion: string; score: number }[]): number {
  const sum = criteria.reduce((s, c) => s + (scores.find((x) => x.criterion === c.name)?.score ?? 0) * c.weight, 0);
  const weights = criteria.reduce((s, c) => s + c.weight, 0) || 1;
  return Math.round((sum / weights) * 10) / 10;
}

/** Mean, spread (max − min), standard deviation (population) and outliers of reviewers' totals. */
export function reviewStats(totals: readonly number[]): { mean: number | null; spread: number | null; stdDev: number | null; outliers: boolean[] } {
  if (totals.length === 0) {
    return { mean: null, spread: null, stdDev: null, outliers: [] };
  }
  const sum = totals.reduce((s, x) => s + x, 0);
  const mean = sum / totals.length;
  const stdDev = Math.sqrt(totals.reduce((s, x) => s + (x - mean) ** 2, 0) / totals.length);
  const sorted = [...totals].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const outliers = totals.map((x) => totals.length >= 3 && Math.abs(x - median) > OUTLIER_POINTS);
  const r = (x: number) => Math.round(x * 10) / 10;
  return { mean: r(mean), spread: r(Math.max(...totals) - Math.min(...totals)), stdDev: r(stdDev), outliers };
}

/** An assignment as the administrator sees it. */
export const reviewAdminView = z.object({
  id: z.string(),
  applicationId: z.string(),
  reviewer: z.object({ id: z.string(), displayName: z.string(), expertId: z.string() }),
  status: z.enum(REVIEW_STATUSES),
  scores: z.array(scoreRow),
  recommendation: z.enum(RECOMMENDATIONS).nullable(),
  weightedTotal: z.number().nullable(),
  outlier: z.boolean(),
  assignedAt: z.string(),
  submittedAt: z.string().nullable(),
});
export type ReviewAdminView = z.infer<typeof reviewAdminView>;

export const applicationReviewsView = z.object({
  applicationId: z.string(),
  reviews: z.array(reviewAdminView),
  mean: z.number().nullable(),
  spread: z.number().nullable(),
  stdDev: z.number().nullable(),
  done: z.number().int(),
  assigned: z.number().int(),
  outlierPoints: z.number(),
});
export type ApplicationReviewsView = z.infer<typeof applicationReviewsView>;

/**
 * One row of a call's ranking by mean weighted score (the funding decision reads it: keep this
 * shape stable). Applications without a submitted score come last (mean null).
 */
export const rankingRow = z.object({
  applicationId: z.string(),
  title: z.string(),
  org: named,
  status: z.string(),
  requestedFunds: z.number(),
  mean: z.number().nullable(),
  spread: z.number().nullable(),
  reviewsDone: z.number().int(),
  reviewsAssigned: z.number().int(),
});
export type RankingRow = z.infer<typeof rankingRow>;
export const callRankingView = z.object({ callId: z.string(), items: z.array(rankingRow) });
export type CallRankingView = z.infer<typeof callRankingView>;

/** The reviewer's own assignment, with the application as reviewers see it (no other reviewers). */
export const myReviewView = z.object({
  id: z.string(),
  status: z.enum(REVIEW_STATUSES),
  call: z.object({ id: z.string(), title: z.string(), year: z.number(), criteria: z.array(z.object({ name: z.string(), weight: z.number() })) }),
  application: z.object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    org: named,
    partners: z.array(named),
    results: z.array(z.object({ id: z.string(), title: z.string() })),
    budget: z.array(z.object({ item: z.string(), ownFunds: z.number(), requestedFunds: z.number() })),
    milestones: z.array(z.object({ name: z.string(), dueDate: z.string(), kind: z.string(), target: z.number() })),
  }),
  scores: z.array(scoreRow),
  recommendation: z.enum(RECOMMENDATIONS).nullable(),
  weightedTotal: z.number().nullable(),
  assignedAt: z.string(),
  submittedAt: z.string().nullable(),
});
export type MyReviewView = z.infer<typeof myReviewView>;
export const myReviewListQuery = z.strictObject({ status: z.enum(REVIEW_STATUSES).optional(), ...pagination });
