/**
 * The province's programmes (issue 15): calls (申报指南) published by the administrator and the
 * applications organisations file against them. Programme types and milestone kinds are data with
 * codes and labels in both languages, so a later plan can change them without touching code.
 */
import { z } from 'zod';
import { CITY_CODES, ORG_TYPES } from '../constants';
import { MATURITY_CODES } from '../vocab/listing-terms';
import { inputString, objectId, pagination, text } from './common';
import { isoDate, yuan } from './listing';

/** Programme types of the 2011–2015 plan (codes stored, labels shown). */
export const PROGRAMME_TYPES = [
  { code: 'key_transformation', zh: '重点科技成果转化项目', en: 'Key transformation project' },
  { code: 'sme_innovation', zh: '科技型中小企业创新基金', en: 'SME innovation fund' },
  { code: 'major_transformation', zh: '重大科技成果转化项目', en: 'Major transformation project' },
  { code: 'key_research', zh: '重点研发项目', en: 'Key research project' },
] as const;
export type ProgrammeType = (typeof PROGRAMME_TYPES)[number]['code'];
export const PROGRAMME_TYPE_CODES = PROGRAMME_TYPES.map((p) => p.code) as unknown as readonly [ProgrammeType, ...ProgrammeType[]];

/** Milestones a funded project is followed by (中试, 投产, first sales, revenue, jobs, patents). */
export const MILESTONE_KINDS = [
  { code: 'pilot', zh: '中试', en: 'Pilot run', unit: '' },
  { code: 'production', zh: '投产', en: 'Production start', unit: '' },
  { code: 'first_sale', zh: '首次销售', en: 'First sale', unit: '' },
  { code: 'revenue', zh: '营收', en: 'Revenue', unit: '万元' },
  { code: 'jobs', zh: '就业', en: 'Jobs', unit: '人' },
  { code: 'patents', zh: '专利', en: 'Patents', unit: '件' },
] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number]['code'];
export const MILESTONE_KIND_CODES = MILESTONE_KINDS.map((m) => m.code) as unknown as readonly [MilestoneKind, ...MilestoneKind[]];

/**
 * draft → published → closed (when the close date passes; applied on every read) → reviewing →
 * decided. The last two belong to the expert-review step (next session).
 */
export const CALL_STATUSES = ['draft', 'published', 'closed', 'reviewing', 'decided'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

/**
 * draft → submitted → returned (formal check failed; edited and submitted again before the close
 * date) → accepted (formal check passed) → under_review → funded | rejected (the later steps).
 */
export const APPLICATION_STATUSES = ['draft', 'submitted', 'returned', 'accepted', 'under_review', 'funded', 'rejected'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Whether a joint university/institute–enterprise application is not asked for, favoured or required. */
export const JOINT_RULES = ['none', 'favoured', 'required'] as const;
export type JointRule = (typeof JOINT_RULES)[number];

export const PROGRAMME_LIMITS = {
  titleMax: 120,
  descriptionMax: 10_000,
  documentsMax: 20,
  criteriaMax: 12,
  linksMax: 20,
  partnersMax: 10,
  budgetRowsMax: 40,
  milestonesMax: 30,
  reasonsMax: 20,
} as const;

const unique = <T>(xs: T[]): T[] => [...new Set(xs)];

export const programmeType = z.enum(PROGRAMME_TYPE_CODES);

const criterion = z.strictObject({ name: text(60), weight: z.number().int().min(1).max(100) });

const callShape = {
  programmeType,
  year: z.number().int().min(2000).max(2100),
  title: text(PROGRAMME_LIMITS.titleMax),
  description: inputString().trim().min(10).max(PROGRAMME_LIMITS.descriptionMax),
  eligibility: z.strictObject({
    orgTypes: z.array(z.enum(ORG_TYPES)).min(1).max(ORG_TYPES.length).transform(unique),
    /** Empty: any city of the province. */
    cities: z.array(z.enum(CITY_CODES)).max(CITY_CODES.length).transform(unique).default([]),
    verifiedRequired: z.boolean().default(true),
    resultRequired: z.boolean().default(false),
    /** The linked result's least maturity (when one is required). */
    minMaturity: z.enum(MATURITY_CODES).nullable().default(null),
    joint: z.enum(JOINT_RULES).default('none'),
  }),
  /** Funding per project in yuan, and the call's total budget. */
  fundingMin: yuan,
  fundingMax: yuan,
  totalBudget: yuan,
  opensAt: isoDate,
  closesAt: isoDate,
  requiredDocuments: z.array(text(60)).max(PROGRAMME_LIMITS.documentsMax).transform(unique).default([]),
  /** For the expert review: weights add up to 100. */
  criteria: z.array(criterion).max(PROGRAMME_LIMITS.criteriaMax).default([]),
};

type CallRuleInput = { fundingMin?: number; fundingMax?: number; totalBudget?: number; opensAt?: string; closesAt?: string; criteria?: { weight: number }[] };

function callRules(v: CallRuleInput, ctx: z.RefinementCtx): void {
  if (v.fundingMin !== undefined && v.fundingMax !== undefined && v.fundingMax < v.fundingMin) {
    ctx.addIssue({ code: 'custom', path: ['fundingMax'], message: 'kz.funding_range' });
  }
  if (v.fundingMax !== undefined && v.totalBudget !== undefined && v.totalBudget < v.fundingMax) {
    ctx.addIssue({ code: 'custom', path: ['totalBudget'], message: 'kz.total_budget' });
  }
  if (v.opensAt && v.closesAt && v.closesAt <= v.opensAt) {
    ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'kz.call_dates' });
  }
  if (v.criteria?.length && v.criteria.reduce((s, c) => s + c.weight, 0) !== 100) {
    ctx.addIssue({ code: 'custom', path: ['criteria'], message: 'kz.criteria_weights' });
  }
}

export const callInput = z.strictObject(callShape).superRefine(callRules);
export type CallInput = z.infer<typeof callInput>;

export const callListQuery = z.strictObject({
  programmeType: programmeType.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  ...pagination,
});
export const adminCallListQuery = z.strictObject({ status: z.enum(CALL_STATUSES).optional(), ...pagination });

/** A call as the API answers it (plain shapes: no defaults or transforms in an answer). */
export const callView = z.object({
  id: z.string(),
  programmeType,
  year: z.number().int(),
  title: z.string(),
  description: z.string(),
  eligibility: z.object({
    orgTypes: z.array(z.enum(ORG_TYPES)),
    cities: z.array(z.enum(CITY_CODES)),
    verifiedRequired: z.boolean(),
    resultRequired: z.boolean(),
    minMaturity: z.enum(MATURITY_CODES).nullable(),
    joint: z.enum(JOINT_RULES),
  }),
  fundingMin: z.number(),
  fundingMax: z.number(),
  totalBudget: z.number(),
  opensAt: z.string(),
  closesAt: z.string(),
  requiredDocuments: z.array(z.string()),
  criteria: z.array(z.object({ name: z.string(), weight: z.number().int() })),
  status: z.enum(CALL_STATUSES),
  publishedAt: z.string().nullable(),
  /** Applications filed (submitted or later), for the administrator's list. */
  applicationCount: z.number().int().optional(),
});
export type CallView = z.output<typeof callView>;

// ——— Applications ———

export const budgetRow = z.strictObject({
  item: text(60),
  ownFunds: yuan,
  requestedFunds: yuan,
});
export type BudgetRow = z.infer<typeof budgetRow>;

export const milestoneInput = z.strictObject({
  name: text(80),
  dueDate: isoDate,
  kind: z.enum(MILESTONE_KIND_CODES),
  target: z.number().min(0).max(1e12),
});

const idList = (max: number) => z.array(objectId).max(max).transform(unique);

/** What the applicant fills (drafts may be incomplete in the sense of the call's documents, not of the shape). */
export const applicationInput = z.strictObject({
  title: text(PROGRAMME_LIMITS.titleMax),
  description: inputString().trim().min(10).max(PROGRAMME_LIMITS.descriptionMax),
  results: idList(PROGRAMME_LIMITS.linksMax).default([]),
  needs: idList(PROGRAMME_LIMITS.linksMax).default([]),
  partners: idList(PROGRAMME_LIMITS.partnersMax).default([]),
  budget: z.array(budgetRow).max(PROGRAMME_LIMITS.budgetRowsMax).default([]),
  milestones: z.array(milestoneInput).max(PROGRAMME_LIMITS.milestonesMax).default([]),
});
export type ApplicationInput = z.infer<typeof applicationInput>;

/** Totals of a budget table (own, requested, all), in yuan. */
export function budgetTotals(rows: readonly { ownFunds: number; requestedFunds: number }[]): { own: number; requested: number; total: number } {
  const own = rows.reduce((s, r) => s + (Number.isFinite(r.ownFunds) ? r.ownFunds : 0), 0);
  const requested = rows.reduce((s, r) => s + (Number.isFinite(r.requestedFunds) ? r.requestedFunds : 0), 0);
  return { own, requested, total: own + requested };
}

export const applicationListQuery = z.strictObject({ status: z.enum(APPLICATION_STATUSES).optional(), ...pagination });

/** The administrator's formal check: accept, or return with at least one reason (per field). */
export const formalCheckInput = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('accept') }),
  z.strictObject({
    decision: z.literal('return'),
    reasons: z.array(z.strictObject({ field: text(40), reason: text(500) })).min(1).max(PROGRAMME_LIMITS.reasonsMax),
  }),
]);
export type FormalCheckInput = z.infer<typeof formalCheckInput>;

export const applicationAttachmentQuery = z.strictObject({ name: text(200), document: text(60) });

export const eligibilityRuleCode = z.enum(['verified', 'org_type', 'city', 'result', 'joint']);
export type EligibilityRuleCode = z.infer<typeof eligibilityRuleCode>;

export const eligibilityView = z.object({
  eligible: z.boolean(),
  rules: z.array(z.object({ rule: eligibilityRuleCode, pass: z.boolean(), favoured: z.boolean().optional(), reason: z.string(), reasonEn: z.string() })),
});
export type EligibilityView = z.infer<typeof eligibilityView>;

export const applicationView = z.object({
  id: z.string(),
  call: z.object({ id: z.string(), title: z.string(), programmeType, year: z.number(), closesAt: z.string() }),
  org: z.object({ id: z.string(), name: z.string() }),
  status: z.enum(APPLICATION_STATUSES),
  title: z.string(),
  description: z.string(),
  results: z.array(z.object({ id: z.string(), title: z.string() })),
  needs: z.array(z.object({ id: z.string(), title: z.string() })),
  partners: z.array(z.object({ id: z.string(), name: z.string() })),
  budget: z.array(budgetRow),
  totals: z.object({ own: z.number(), requested: z.number(), total: z.number() }),
  milestones: z.array(milestoneInput),
  attachments: z.array(z.object({ key: z.string(), name: z.string(), size: z.number().int(), mime: z.string(), document: z.string(), uploadedAt: z.string() })),
  returnReasons: z.array(z.object({ field: z.string(), reason: z.string() })),
  submittedAt: z.string().nullable(),
  /** The caller may edit it (lead organisation's members, while draft or returned). */
  canEdit: z.boolean(),
  /** The caller's organisation is a partner, not the lead. */
  asPartner: z.boolean(),
  updatedAt: z.string(),
});
export type ApplicationView = z.infer<typeof applicationView>;

/** The caller's organisation's standing for a call: eligibility now and its application, if any. */
export const callEligibilityView = eligibilityView.extend({ applicationId: z.string().nullable() });
export type CallEligibilityView = z.infer<typeof callEligibilityView>;

export const applicationFileParams = z.strictObject({ id: objectId, key: z.string().regex(/^[0-9a-f]{32}$/, { message: 'kz.object_id' }) });
