/**
 * Technology needs (技术需求): what an enterprise posts, and what the API shows depending on the
 * need's confidentiality and on who asks.
 */
import { z } from 'zod';
import { CONFIDENTIALITY_CODES, COOPERATION_MODE_CODES } from '../vocab';
import { cityCode, inputString, objectId, text, whenValid } from './common';
import {
  LISTING_LIMITS,
  isoDate,
  keywordList,
  listingContact,
  listingLifecycleView,
  listingOrgView,
  listingOwnerExtras,
  yuan,
} from './listing';
import { discipline, industry, priceBandCode } from './result';

export const cooperationMode = z.enum(COOPERATION_MODE_CODES);
export const confidentiality = z.enum(CONFIDENTIALITY_CODES);

/** Today's date in China (UTC+8), YYYY-MM-DD. */
export function chinaToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

const needFields = z.strictObject({
  title: text(LISTING_LIMITS.titleMax),
  problem: inputString().trim().min(10).max(5000),
  desiredOutcome: inputString().trim().min(1).max(3000),
  keywords: keywordList,
  industry,
  discipline: discipline.nullable().optional(),
  /** A budget range in yuan (either bound may be open), or `negotiable: true` (面议). */
  budgetMin: yuan.nullable().optional(),
  budgetMax: yuan.nullable().optional(),
  negotiable: z.literal(true).optional(),
  /** The date by which the enterprise wants a solution; none means open-ended. */
  deadline: isoDate.nullable().optional(),
  cooperationModes: z.array(cooperationMode).min(1).max(COOPERATION_MODE_CODES.length).transform((ms) => [...new Set(ms)]),
  city: cityCode,
  county: inputString().trim().max(40).nullable().optional(),
  confidentiality,
  contact: listingContact,
});

const BUDGET_FIELDS = ['budgetMin', 'budgetMax', 'negotiable'] as const;

type NeedRuleInput = { budgetMin?: number | null; budgetMax?: number | null; negotiable?: true };

function needRules(v: NeedRuleInput, ctx: z.RefinementCtx): void {
  const hasBudget = typeof v.budgetMin === 'number' || typeof v.budgetMax === 'number';
  if (hasBudget === Boolean(v.negotiable)) {
    ctx.addIssue({ code: 'custom', path: ['budgetMin'], message: 'kz.budget_choice' });
  }
  if (typeof v.budgetMin === 'number' && typeof v.budgetMax === 'number' && v.budgetMin > v.budgetMax) {
    ctx.addIssue({ code: 'custom', path: ['budgetMax'], message: 'kz.budget_range' });
  }
}

function deadlineNotPast(deadline: string | null | undefined, ctx: z.RefinementCtx): void {
  if (deadline && deadline < chinaToday()) {
    ctx.addIssue({ code: 'custom', path: ['deadline'], message: 'kz.deadline_past' });
  }
}

/** A complete need, as every edit must leave it (a deadline that has since passed is kept). */
export const needInput = needFields.superRefine(needRules, whenValid(...BUDGET_FIELDS));
export type NeedInput = z.infer<typeof needInput>;

/** Creating a need: a complete need whose deadline, if any, is not in the past. */
export const needCreateInput = needFields
  .superRefine(needRules, whenValid(...BUDGET_FIELDS))
  .superRefine((v, ctx) => deadlineNotPast(v.deadline, ctx), whenValid('deadline'));

/**
 * A partial edit. Giving a budget bound clears `negotiable`, and `negotiable: true` clears both
 * bounds; `null` clears an optional field. The server re-checks the edited need with `needInput`.
 */
export const needUpdateInput = needFields.partial().superRefine((v, ctx) => {
  if (Object.keys(v).length === 0) {
    ctx.addIssue({ code: 'custom', path: [], message: 'kz.empty_update' });
  }
  deadlineNotPast(v.deadline, ctx);
});
export type NeedUpdateInput = z.infer<typeof needUpdateInput>;

const restrictedFields = {
  id: objectId,
  kind: z.literal('need'),
  title: z.string(),
  industry,
  city: cityCode,
  budgetBand: priceBandCode,
  confidentiality,
  ...listingLifecycleView,
};
const summaryFields = {
  ...restrictedFields,
  keywords: z.array(z.string()),
  discipline: discipline.nullable(),
  county: z.string().nullable(),
  cooperationModes: z.array(cooperationMode),
  deadline: z.string().nullable(),
  org: listingOrgView,
};
const publicFields = {
  ...summaryFields,
  problem: z.string(),
  desiredOutcome: z.string(),
  budgetMin: z.number().nullable(),
  budgetMax: z.number().nullable(),
  negotiable: z.boolean(),
};

/** A confidential need to anyone outside the enterprise: title, industry, city and budget band. */
export const needRestrictedView = z.object({ disclosure: z.literal('restricted'), ...restrictedFields });
/** A summary-only need to the public: structured fields, but not the problem text or the amounts. */
export const needSummaryView = z.object({ disclosure: z.literal('summary'), ...summaryFields });
/** A public need to anyone who is not a member of a verified organisation. */
export const needPublicView = z.object({ disclosure: z.literal('public'), ...publicFields });
/** Public and summary-only needs to members of verified organisations: everything but the history, with the contact. */
export const needMemberView = z.object({ disclosure: z.literal('member'), ...publicFields, contact: listingContact });
/** The enterprise itself and administrators. */
export const needFullView = z.object({ disclosure: z.literal('full'), ...publicFields, contact: listingContact, ...listingOwnerExtras });
export const needView = z.discriminatedUnion('disclosure', [needRestrictedView, needSummaryView, needPublicView, needMemberView, needFullView]);
export type NeedRestrictedView = z.infer<typeof needRestrictedView>;
export type NeedSummaryView = z.infer<typeof needSummaryView>;
export type NeedPublicView = z.infer<typeof needPublicView>;
export type NeedMemberView = z.infer<typeof needMemberView>;
export type NeedFullView = z.infer<typeof needFullView>;
export type NeedView = z.infer<typeof needView>;
