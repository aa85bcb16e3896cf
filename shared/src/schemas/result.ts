/**
 * Research results (科技成果): what a researcher submits, and what the API shows to the public, to
 * members of verified organisations and to the owner.
 */
import { z } from 'zod';
import {
  DISCIPLINE_CODES,
  INDUSTRY_CODES,
  IP_STATUS_CODES,
  IP_TYPE_CODES,
  MATURITY_CODES,
  PRICE_BAND_CODES,
  TRANSFER_MODE_CODES,
  ipNumberProblem,
  normaliseIpNumber,
  trlRange,
} from '../vocab';
import { cityCode, inputString, objectId, text, whenValid } from './common';
import {
  LISTING_LIMITS,
  attachmentView,
  keywordList,
  listingContact,
  listingLifecycleView,
  listingOrgView,
  listingOwnerExtras,
  yuan,
} from './listing';

export const discipline = z.enum(DISCIPLINE_CODES);
export const industry = z.enum(INDUSTRY_CODES);
export const maturity = z.enum(MATURITY_CODES);
export const transferMode = z.enum(TRANSFER_MODE_CODES);
export const ipType = z.enum(IP_TYPE_CODES);
export const ipStatus = z.enum(IP_STATUS_CODES);
export const priceBandCode = z.enum(PRICE_BAND_CODES);

const IP_NUMBER_MESSAGES = {
  required: 'kz.ip_number_required',
  format: 'kz.ip_number',
  type_mismatch: 'kz.ip_number_type',
  not_allowed: 'kz.ip_number_not_allowed',
} as const;

/**
 * One IP title. Patents carry an application number or a `ZL` patent number with a valid check
 * character; know-how (技术秘密) has no number and no registration status (`none`).
 */
export const ipItem = z
  .strictObject({
    type: ipType,
    number: inputString().trim().max(40).optional(),
    status: ipStatus,
  })
  .superRefine((v, ctx) => {
    const problem = ipNumberProblem(v.type, v.number);
    if (problem) {
      ctx.addIssue({ code: 'custom', path: ['number'], message: IP_NUMBER_MESSAGES[problem] });
    }
    const registered = v.type !== 'know_how';
    const zlPending = v.status === 'pending' && /^ZL/i.test(v.number?.trim() ?? '');
    if (registered === (v.status === 'none') || zlPending) {
      ctx.addIssue({ code: 'custom', path: ['status'], message: 'kz.ip_status' });
    }
  })
  .transform((v) => ({ ...v, number: v.number ? normaliseIpNumber(v.number) : undefined }));
export type IpItem = z.infer<typeof ipItem>;

export const advantage = z.strictObject({
  metric: text(60),
  value: text(40),
  unit: inputString().trim().max(20).optional(),
  baseline: inputString().trim().max(60).optional(),
});

export const teamMember = z.strictObject({ name: text(40), role: inputString().trim().max(40).optional() });

/** The fields of a research result, without the rules that tie several fields together. */
const resultFields = z.strictObject({
  title: text(LISTING_LIMITS.titleMax),
  summary: inputString().trim().min(10).max(3000),
  keywords: keywordList,
  discipline,
  industry,
  maturity,
  trl: z.int().min(1).max(9).nullable().optional(),
  ip: z.strictObject({ items: z.array(ipItem).max(30) }).optional(),
  transferModes: z.array(transferMode).min(1).max(TRANSFER_MODE_CODES.length).transform((ms) => [...new Set(ms)]),
  /** Asking price in yuan; or `negotiable: true` (面议). Exactly one of the two. */
  price: yuan.optional(),
  negotiable: z.literal(true).optional(),
  city: cityCode,
  team: z.array(teamMember).max(30).optional(),
  contact: listingContact,
  applications: inputString().trim().max(3000).optional(),
  advantages: z.array(advantage).max(20).optional(),
});

type PriceRuleInput = { price?: number; negotiable?: true };
type TrlRuleInput = { maturity: string; trl?: number | null };

function priceRule(v: PriceRuleInput, ctx: z.RefinementCtx): void {
  if ((v.price === undefined) === (v.negotiable === undefined)) {
    ctx.addIssue({ code: 'custom', path: ['price'], message: 'kz.price_choice' });
  }
}

function trlRule(v: TrlRuleInput, ctx: z.RefinementCtx): void {
  if (typeof v.trl === 'number') {
    const [min, max] = trlRange(v.maturity as z.infer<typeof maturity>);
    if (v.trl < min || v.trl > max) {
      ctx.addIssue({ code: 'custom', path: ['trl'], message: 'kz.trl_maturity' });
    }
  }
}

/** A complete research result: what creating one takes, and what every edit must still satisfy. */
export const resultInput = resultFields
  .superRefine(priceRule, whenValid('price', 'negotiable'))
  .superRefine(trlRule, whenValid('maturity', 'trl'));
export type ResultInput = z.infer<typeof resultInput>;

/**
 * A partial edit. Giving `price` clears `negotiable` and giving `negotiable: true` clears the price;
 * the server re-checks the edited record as a whole with `resultInput`.
 */
export const resultUpdateInput = resultFields.partial().refine((v) => Object.keys(v).length > 0, { message: 'kz.empty_update' });
export type ResultUpdateInput = z.infer<typeof resultUpdateInput>;

const resultCommonView = {
  id: objectId,
  kind: z.literal('result'),
  title: z.string(),
  summary: z.string(),
  keywords: z.array(z.string()),
  discipline,
  industry,
  maturity,
  trl: z.number().int().nullable(),
  ip: z.object({ items: z.array(z.object({ type: ipType, number: z.string().nullable(), status: ipStatus })) }),
  transferModes: z.array(transferMode),
  price: z.number().nullable(),
  negotiable: z.boolean(),
  priceBand: priceBandCode,
  city: cityCode,
  team: z.array(z.object({ name: z.string(), role: z.string() })),
  applications: z.string(),
  advantages: z.array(z.object({ metric: z.string(), value: z.string(), unit: z.string(), baseline: z.string().nullable() })),
  org: listingOrgView,
  ...listingLifecycleView,
};

/** What anyone sees of a published result: no contact, no attachments. */
export const resultPublicView = z.object({ disclosure: z.literal('public'), ...resultCommonView });
/** Signed-in members of verified organisations also see the contact and the attachments. */
export const resultMemberView = z.object({
  disclosure: z.literal('member'),
  ...resultCommonView,
  contact: listingContact,
  attachments: z.array(attachmentView),
});
/** The owner's organisation and administrators see everything, with history and the quality check. */
export const resultFullView = z.object({
  disclosure: z.literal('full'),
  ...resultCommonView,
  contact: listingContact,
  attachments: z.array(attachmentView),
  ...listingOwnerExtras,
});
export const resultView = z.discriminatedUnion('disclosure', [resultPublicView, resultMemberView, resultFullView]);
export type ResultPublicView = z.infer<typeof resultPublicView>;
export type ResultMemberView = z.infer<typeof resultMemberView>;
export type ResultFullView = z.infer<typeof resultFullView>;
export type ResultView = z.infer<typeof resultView>;
