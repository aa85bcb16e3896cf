/**
 * Funding decisions on a call's applications and the funded projects (立项项目) they create, followed
 * to industrialisation: milestones (中试, 投产, first sale, revenue, jobs, patents) reported by the
 * organisation and accepted (or returned) by the administrator, yearly reports, and links to the
 * platform's results, deals and pairings.
 */
import { z } from 'zod';
import { inputString, objectId, pagination, text } from './common';
import { isoDate, yuan } from './listing';
import { APPLICATION_STATUSES, MILESTONE_KIND_CODES, programmeType } from './programme';

/** Stored milestone states; `overdue` is derived (past due without an accepted report). */
export const MILESTONE_STATES = ['pending', 'reported', 'accepted', 'overdue'] as const;
export type MilestoneState = (typeof MILESTONE_STATES)[number];
export const REPORT_STATES = ['submitted', 'accepted', 'returned'] as const;
export type ReportState = (typeof REPORT_STATES)[number];
export const PROJECT_STATES = ['active', 'completed'] as const;
export type ProjectState = (typeof PROJECT_STATES)[number];

/** Project number prefixes per programme type (e.g. JKZ-2014-017). */
export const PROJECT_NUMBER_PREFIXES: Record<z.infer<typeof programmeType>, string> = {
  key_transformation: 'JKZ',
  sme_innovation: 'JCX',
  major_transformation: 'JZD',
  key_research: 'JYF',
};

export const FUNDED_LIMITS = { narrativeMax: 10_000, evidenceMax: 2_000, reasonMax: 500, linksMax: 30 } as const;

const idList = (max: number) => z.array(objectId).max(max).transform((xs) => [...new Set(xs)]);

/** The administrator's decision on one accepted or under-review application. */
export const fundingDecisionInput = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('fund'), amount: yuan.refine((v) => v > 0, { message: 'kz.positive' }) }),
  z.strictObject({ decision: z.literal('reject'), reason: text(FUNDED_LIMITS.reasonMax) }),
]);
export type FundingDecisionInput = z.infer<typeof fundingDecisionInput>;

export const fundingRowView = z.object({
  id: z.string(),
  title: z.string(),
  org: z.object({ id: z.string(), name: z.string() }),
  status: z.enum(APPLICATION_STATUSES),
  requested: z.number(),
  /** Funded amount or rejection reason once decided. */
  amount: z.number().nullable(),
  reason: z.string().nullable(),
  projectId: z.string().nullable(),
});
export const fundingOverviewView = z.object({
  call: z.object({ id: z.string(), title: z.string(), year: z.number(), programmeType, fundingMin: z.number(), fundingMax: z.number() }),
  budget: z.object({ total: z.number(), funded: z.number(), remaining: z.number() }),
  applications: z.array(fundingRowView),
});
export type FundingOverviewView = z.infer<typeof fundingOverviewView>;
export type FundingRowView = z.infer<typeof fundingRowView>;

export const milestoneReportInput = z.strictObject({
  actual: z.number().min(0).max(1e12),
  date: isoDate,
  evidence: inputString().trim().min(1).max(FUNDED_LIMITS.evidenceMax),
});
export type MilestoneReportInput = z.infer<typeof milestoneReportInput>;

/** Figures per milestone kind (revenue in 万元, jobs, patents …). */
export const reportFigures = z.partialRecord(z.enum(MILESTONE_KIND_CODES), z.number().min(0).max(1e12));

export const yearlyReportInput = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  narrative: inputString().trim().min(10).max(FUNDED_LIMITS.narrativeMax),
  figures: reportFigures.default({}),
});
export type YearlyReportInput = z.infer<typeof yearlyReportInput>;

export const reportReviewInput = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('accept') }),
  z.strictObject({ decision: z.literal('return'), reason: text(FUNDED_LIMITS.reasonMax) }),
]);
export type ReportReviewInput = z.infer<typeof reportReviewInput>;

export const projectLinksInput = z.strictObject({
  results: idList(FUNDED_LIMITS.linksMax).default([]),
  deals: idList(FUNDED_LIMITS.linksMax).default([]),
  pairings: idList(FUNDED_LIMITS.linksMax).default([]),
});
export type ProjectLinksInput = z.infer<typeof projectLinksInput>;

export const milestoneParams = z.strictObject({ id: objectId, mid: objectId });
export const yearlyReportParams = z.strictObject({ id: objectId, year: z.coerce.number().int().min(2000).max(2100) });

const boolQuery = z.enum(['true', 'false']).transform((v) => v === 'true');
export const adminProjectListQuery = z.strictObject({
  call: objectId.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  state: z.enum(PROJECT_STATES).optional(),
  overdue: boolQuery.optional(),
  ...pagination,
});
export const projectListQuery = z.strictObject({ ...pagination });
/** The public list (立项公示) by year and programme. */
export const publicProjectListQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  programmeType: programmeType.optional(),
  ...pagination,
});
export type PublicProjectListQuery = z.infer<typeof publicProjectListQuery>;

const ref = z.object({ id: z.string(), title: z.string() });
export const milestoneView = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(MILESTONE_KIND_CODES),
  dueDate: z.string(),
  target: z.number(),
  state: z.enum(MILESTONE_STATES),
  overdue: z.boolean(),
  report: z.object({ actual: z.number(), date: z.string(), evidence: z.string(), state: z.enum(REPORT_STATES), reason: z.string().nullable(), at: z.string() }).nullable(),
});
export const projectAttachmentView = z.object({ key: z.string(), name: z.string(), size: z.number().int(), mime: z.string(), uploadedAt: z.string() });
export const projectFileParams = z.strictObject({ id: objectId, key: z.string().regex(/^[0-9a-f]{32}$/, { message: 'kz.object_id' }) });
export const projectAttachmentQuery = z.strictObject({ name: text(200) });
export const yearlyReportView = z.object({
  year: z.number().int(),
  /** Files of the year's report (attachment store). */
  attachments: z.array(projectAttachmentView),
  narrative: z.string(),
  figures: z.record(z.string(), z.number()),
  state: z.enum(REPORT_STATES),
  reason: z.string().nullable(),
  at: z.string(),
});
export const projectSummaryView = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  org: z.object({ id: z.string(), name: z.string() }),
  programmeType,
  year: z.number().int(),
  amount: z.number(),
  state: z.enum(PROJECT_STATES),
  overdueCount: z.number().int(),
});
export type ProjectSummaryView = z.infer<typeof projectSummaryView>;
/** The public list (立项公示): no overdue count — that stays with the organisation and the administrators. */
export const publicProjectSummaryView = projectSummaryView.omit({ overdueCount: true });
export type PublicProjectSummaryView = z.infer<typeof publicProjectSummaryView>;
export const projectView = projectSummaryView.extend({
  call: z.object({ id: z.string(), title: z.string() }),
  applicationId: z.string(),
  partners: z.array(z.object({ id: z.string(), name: z.string() })),
  periodFrom: z.string(),
  periodTo: z.string(),
  milestones: z.array(milestoneView),
  yearlyReports: z.array(yearlyReportView),
  results: z.array(ref),
  needs: z.array(ref),
  deals: z.array(ref),
  pairings: z.array(ref),
  /** The caller's organisation is the lead (may report and link). */
  canReport: z.boolean(),
  canReview: z.boolean(),
});
export type ProjectView = z.infer<typeof projectView>;
/** What the lead may link (GET /projects/:id/link-candidates): title and state (listing status, deal stage, pairing status). */
const candidate = ref.extend({ state: z.string() });
export const projectLinkCandidatesView = z.object({ results: z.array(candidate), deals: z.array(candidate), pairings: z.array(candidate) });
export type ProjectLinkCandidatesView = z.infer<typeof projectLinkCandidatesView>;
export type MilestoneView = z.infer<typeof milestoneView>;
