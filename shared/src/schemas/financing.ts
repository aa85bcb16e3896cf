/**
 * Financing beside matches (issue 16): financial organisations (金融机构) publish financing products
 * with conditions; a result, a need or a deal room is scored against them (fit with reasons); an
 * enterprise applies to a product and the provider answers on the platform. Codes stored, zh/en labels.
 */
import { z } from 'zod';
import { CITY_CODES } from '../constants';
import { INDUSTRY_CODES } from '../vocab/industries';
import { MATURITY_CODES } from '../vocab/listing-terms';
import { inputString, objectId, pagination, paginated } from './common';

/** What kind of financial organisation it is (set by its members on their products page). */
export const FINANCIAL_ORG_KINDS = [
  { code: 'bank', zh: '银行', en: 'Bank' },
  { code: 'guarantor', zh: '担保机构', en: 'Guarantor' },
  { code: 'insurer', zh: '保险机构', en: 'Insurer' },
  { code: 'leasing', zh: '融资租赁', en: 'Leasing company' },
  { code: 'investor', zh: '创业投资', en: 'Venture investor' },
] as const;
export type FinancialOrgKind = (typeof FINANCIAL_ORG_KINDS)[number]['code'];
export const FINANCIAL_ORG_KIND_CODES = FINANCIAL_ORG_KINDS.map((k) => k.code) as unknown as readonly [FinancialOrgKind, ...FinancialOrgKind[]];

/** The plan's instruments of finance for transformation (知识产权质押, 信用担保, 科技保险, 融资租赁, 创业投资). */
export const FINANCING_PRODUCT_KINDS = [
  { code: 'ip_pledge', zh: '知识产权质押贷款', en: 'IP pledge loan' },
  { code: 'credit_guarantee', zh: '信用担保', en: 'Credit guarantee' },
  { code: 'tech_insurance', zh: '科技保险', en: 'Technology insurance' },
  { code: 'leasing', zh: '融资租赁', en: 'Financial leasing' },
  { code: 'venture', zh: '创业投资', en: 'Venture investment' },
] as const;
export type FinancingProductKind = (typeof FINANCING_PRODUCT_KINDS)[number]['code'];
export const FINANCING_PRODUCT_KIND_CODES = FINANCING_PRODUCT_KINDS.map((k) => k.code) as unknown as readonly [FinancingProductKind, ...FinancingProductKind[]];

export const FINANCING_LIMITS = {
  titleMax: 80, descriptionMax: 4000, textMax: 200, noteMax: 2000, purposeMax: 2000, documentsMax: 12,
  /** Yuan: ten billion is more than any product on the platform will lend or invest. */
  amountMax: 10_000_000_000, termMonthsMax: 360,
} as const;

const amount = z.number().int().min(0).max(FINANCING_LIMITS.amountMax);
const shortText = (max: number) => inputString().trim().max(max);

/** A product's conditions; an empty list means "any". Amounts in yuan, term in months. */
export const financingConditionsInput = z
  .strictObject({
    maturities: z.array(z.enum(MATURITY_CODES)).max(MATURITY_CODES.length).default([]),
    industries: z.array(z.enum(INDUSTRY_CODES)).max(20).default([]),
    cities: z.array(z.enum(CITY_CODES)).max(CITY_CODES.length).default([]),
    amountMin: amount.nullable().default(null),
    amountMax: amount.nullable().default(null),
    termMonthsMin: z.number().int().min(1).max(FINANCING_LIMITS.termMonthsMax).nullable().default(null),
    termMonthsMax: z.number().int().min(1).max(FINANCING_LIMITS.termMonthsMax).nullable().default(null),
    /** 利率/费率 as the provider states it (e.g. "LPR+50BP", "年费率 1.5%"). */
    rateText: shortText(FINANCING_LIMITS.textMax).default(''),
    documents: z.array(inputString().trim().min(1).max(60)).max(FINANCING_LIMITS.documentsMax).default([]),
  })
  .refine((c) => c.amountMin === null || c.amountMax === null || c.amountMin <= c.amountMax, { message: 'kz.amount_range', path: ['amountMax'] })
  .refine((c) => c.termMonthsMin === null || c.termMonthsMax === null || c.termMonthsMin <= c.termMonthsMax, { message: 'kz.amount_range', path: ['termMonthsMax'] });
export type FinancingConditionsInput = z.infer<typeof financingConditionsInput>;

/** A product as its organisation's members write it. */
export const financingProductInput = z.strictObject({
  kind: z.enum(FINANCING_PRODUCT_KIND_CODES),
  title: inputString().trim().min(2).max(FINANCING_LIMITS.titleMax),
  description: inputString().trim().min(10).max(FINANCING_LIMITS.descriptionMax),
  conditions: financingConditionsInput,
});
export type FinancingProductInput = z.infer<typeof financingProductInput>;

export const financingProductQuery = z.strictObject({
  kind: z.enum(FINANCING_PRODUCT_KIND_CODES).optional(),
  city: z.enum(CITY_CODES).optional(),
  industry: z.enum(INDUSTRY_CODES).optional(),
  maturity: z.enum(MATURITY_CODES).optional(),
  org: objectId.optional(),
  q: inputString().trim().max(50).optional(),
  /** `mine=1`: the caller's organisation's products, withdrawn ones included. */
  mine: z.enum(['1']).optional(),
  ...pagination,
});
export type FinancingProductQuery = z.infer<typeof financingProductQuery>;

/** The provider's kind, set by a member of a financial organisation. */
export const financingProfileInput = z.strictObject({ kind: z.enum(FINANCIAL_ORG_KIND_CODES) });
export type FinancingProfileInput = z.infer<typeof financingProfileInput>;

const providerRef = z.object({ id: objectId, name: z.string(), city: z.string().nullable(), kind: z.enum(FINANCIAL_ORG_KIND_CODES).nullable() });

export const financingConditionsView = z.object({
  maturities: z.array(z.string()),
  industries: z.array(z.string()),
  cities: z.array(z.string()),
  amountMin: z.number().nullable(),
  amountMax: z.number().nullable(),
  termMonthsMin: z.number().nullable(),
  termMonthsMax: z.number().nullable(),
  rateText: z.string(),
  documents: z.array(z.string()),
});
export type FinancingConditionsView = z.infer<typeof financingConditionsView>;

export const financingProductView = z.object({
  id: objectId,
  org: providerRef,
  kind: z.enum(FINANCING_PRODUCT_KIND_CODES),
  title: z.string(),
  description: z.string(),
  conditions: financingConditionsView,
  status: z.enum(['active', 'withdrawn']),
  /** The caller may edit and withdraw it and answer its applications (a member of its organisation). */
  mine: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type FinancingProductView = z.infer<typeof financingProductView>;
export const financingProductListView = paginated(financingProductView);
export type FinancingProductListView = z.infer<typeof financingProductListView>;

export const financingProfileView = z.object({ org: z.object({ id: objectId, name: z.string() }), kind: z.enum(FINANCIAL_ORG_KIND_CODES).nullable() });
export type FinancingProfileView = z.infer<typeof financingProfileView>;

/** What a fit is computed for: a result, a need or a deal room. */
export const FINANCING_SUBJECTS = ['result', 'need', 'deal'] as const;
export type FinancingSubjectKind = (typeof FINANCING_SUBJECTS)[number];
export const financingFitQuery = z.strictObject({ subject: z.enum(FINANCING_SUBJECTS), id: objectId });
export type FinancingFitQuery = z.infer<typeof financingFitQuery>;

const reason = z.object({ zh: z.string(), en: z.string() });
export type FitReason = z.infer<typeof reason>;

export const financingFitItem = z.object({
  product: financingProductView,
  /** All stated conditions are met (unknown facts do not count against it). */
  fits: z.boolean(),
  /** How many conditions the subject meets explicitly; the list is ordered by it. */
  score: z.number().int(),
  reasons: z.array(reason),
  unmet: z.array(reason),
});
export type FinancingFitItem = z.infer<typeof financingFitItem>;

export const financingFitView = z.object({
  subject: z.enum(FINANCING_SUBJECTS),
  /** Products that fit, best first, then those that miss one condition ("nearly"). */
  items: z.array(financingFitItem),
});
export type FinancingFitView = z.infer<typeof financingFitView>;

/** An application's states: submitted → reviewing ⇄ info_requested → approved | declined; withdrawn by the applicant. */
export const FINANCING_APPLICATION_STATUSES = [
  { code: 'submitted', zh: '已提交', en: 'Submitted' },
  { code: 'reviewing', zh: '受理审核中', en: 'Under review' },
  { code: 'info_requested', zh: '待补充材料', en: 'Information requested' },
  { code: 'approved', zh: '已批准', en: 'Approved' },
  { code: 'declined', zh: '已谢绝', en: 'Declined' },
  { code: 'withdrawn', zh: '已撤回', en: 'Withdrawn' },
] as const;
export type FinancingApplicationStatus = (typeof FINANCING_APPLICATION_STATUSES)[number]['code'];
export const FINANCING_APPLICATION_STATUS_CODES = FINANCING_APPLICATION_STATUSES.map((s) => s.code) as unknown as readonly [FinancingApplicationStatus, ...FinancingApplicationStatus[]];

/** An enterprise's application to a product; at most one of result, need, deal is linked. */
export const financingApplicationInput = z
  .strictObject({
    amount: amount.min(1),
    termMonths: z.number().int().min(1).max(FINANCING_LIMITS.termMonthsMax).optional(),
    purpose: inputString().trim().min(5).max(FINANCING_LIMITS.purposeMax),
    result: objectId.optional(),
    need: objectId.optional(),
    deal: objectId.optional(),
  })
  .refine((a) => [a.result, a.need, a.deal].filter(Boolean).length <= 1, { message: 'kz.one_link', path: ['result'] });
export type FinancingApplicationInput = z.infer<typeof financingApplicationInput>;

/** The provider's answer: accept for review, ask for information, approve with terms, or decline with a reason. */
export const financingAnswerInput = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('review'), note: shortText(FINANCING_LIMITS.noteMax).optional() }),
  z.strictObject({ action: z.literal('request_info'), note: inputString().trim().min(2).max(FINANCING_LIMITS.noteMax) }),
  z.strictObject({
    action: z.literal('approve'),
    note: shortText(FINANCING_LIMITS.noteMax).optional(),
    terms: z.strictObject({ amount: amount.min(1), termMonths: z.number().int().min(1).max(FINANCING_LIMITS.termMonthsMax), rateText: inputString().trim().min(1).max(FINANCING_LIMITS.textMax) }),
  }),
  z.strictObject({ action: z.literal('decline'), note: inputString().trim().min(2).max(FINANCING_LIMITS.noteMax) }),
]);
export type FinancingAnswerInput = z.infer<typeof financingAnswerInput>;

/** The applicant's reply (to a request for information, or any note). */
export const financingReplyInput = z.strictObject({ note: inputString().trim().min(2).max(FINANCING_LIMITS.noteMax) });
export type FinancingReplyInput = z.infer<typeof financingReplyInput>;

export const financingApplicationQuery = z.strictObject({
  /** `mine`: my organisation's applications (enterprise); `inbox`: those to my organisation's products (financier). */
  box: z.enum(['mine', 'inbox']),
  status: z.enum(FINANCING_APPLICATION_STATUS_CODES).optional(),
  ...pagination,
});
export type FinancingApplicationQuery = z.infer<typeof financingApplicationQuery>;

const person = z.object({ id: objectId, name: z.string() });

export const FINANCING_THREAD_KINDS = ['apply', 'review', 'request_info', 'approve', 'decline', 'reply', 'withdraw'] as const;
/** What an attachment of a financing application is. */
export const FINANCING_DOCUMENTS = ['business_plan', 'financial_statements', 'other'] as const;
export type FinancingDocument = (typeof FINANCING_DOCUMENTS)[number];
/** At most this many files per application. */
export const FINANCING_ATTACHMENTS_MAX = 10;
/** Query of an upload (the raw body is the file): its name and what it is. */
export const financingAttachmentQuery = z.strictObject({ name: inputString().trim().min(1).max(200), document: z.enum(FINANCING_DOCUMENTS) });
export const financingFileParams = z.strictObject({ id: objectId, key: z.string().regex(/^[0-9a-f]{32}$/, { message: 'kz.object_id' }) });

export const financingApplicationView = z.object({
  id: objectId,
  product: z.object({ id: objectId, kind: z.enum(FINANCING_PRODUCT_KIND_CODES), title: z.string() }),
  provider: z.object({ id: objectId, name: z.string() }),
  applicant: z.object({ id: objectId, name: z.string() }),
  amount: z.number(),
  termMonths: z.number().nullable(),
  purpose: z.string(),
  link: z.object({ kind: z.enum(FINANCING_SUBJECTS), id: objectId, title: z.string() }).nullable(),
  status: z.enum(FINANCING_APPLICATION_STATUS_CODES),
  terms: z.object({ amount: z.number(), termMonths: z.number(), rateText: z.string() }).nullable(),
  /** Every step, oldest first: who, when, what, and the note. */
  thread: z.array(z.object({ kind: z.enum(FINANCING_THREAD_KINDS), side: z.enum(['applicant', 'provider']), by: person, at: z.string(), note: z.string().nullable() })),
  /** Business plan, financial statements and other files the applicant attached (only the two sides download them). */
  attachments: z.array(z.object({ key: z.string(), name: z.string(), size: z.number().int(), mime: z.string(), document: z.enum(FINANCING_DOCUMENTS), uploadedAt: z.string() })),
  /** What the caller may do now. */
  side: z.enum(['applicant', 'provider']).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type FinancingApplicationView = z.infer<typeof financingApplicationView>;
export const financingApplicationListView = paginated(financingApplicationView);
export type FinancingApplicationListView = z.infer<typeof financingApplicationListView>;
