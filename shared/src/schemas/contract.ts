/**
 * Technology contracts of deal rooms (issue 14) and the technology market's figures: a party records
 * the contract at signing (type, amount, payment terms, signed date, linked listings), later its
 * registration (技术合同认定登记). Comparable deals and market statistics are aggregates only.
 */
import { z } from 'zod';
import { DISCIPLINE_CODES, INDUSTRY_CODES } from '../vocab';
import { DEAL_PARTY_CODES, DEAL_STAGE_CODES } from './deal';
import { inputString, objectId } from './common';
import { isoDate, listingKind } from './listing';

/** The five kinds of technology contract of the Civil Code (技术合同). */
export const CONTRACT_TYPES = [
  { code: 'development', zh: '技术开发', en: 'Technology development' },
  { code: 'transfer', zh: '技术转让', en: 'Technology transfer' },
  { code: 'licence', zh: '技术许可', en: 'Technology licence' },
  { code: 'consulting', zh: '技术咨询', en: 'Technology consulting' },
  { code: 'service', zh: '技术服务', en: 'Technology service' },
] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number]['code'];
export const CONTRACT_TYPE_CODES = CONTRACT_TYPES.map((t) => t.code) as unknown as readonly [ContractType, ...ContractType[]];

/** How the price is paid; instalments and royalties are described in the payment text. */
export const PAYMENT_KINDS = [
  { code: 'lump_sum', zh: '一次总算、一次总付', en: 'Lump sum' },
  { code: 'instalments', zh: '一次总算、分期支付', en: 'Instalments' },
  { code: 'royalty', zh: '提成支付', en: 'Royalty' },
] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number]['code'];
export const PAYMENT_KIND_CODES = PAYMENT_KINDS.map((p) => p.code) as unknown as readonly [PaymentKind, ...PaymentKind[]];

export const CONTRACT_LIMITS = {
  /** 100 亿元: far above any technology contract of the province, far below float trouble. */
  amountMax: 10_000_000_000,
  paymentTextMax: 1000,
  extraListingsMax: 10,
  /** Comparable figures need at least this many contracts (k-anonymity). */
  kAnonymity: 3,
} as const;

/** Stages at which a contract may be recorded and registered (签约 or later, not terminated). */
export const CONTRACT_STAGES = ['signing', 'implementation', 'done'] as const;

/** An amount in yuan: positive, finite, at most two decimals (分). */
export const contractAmount = z
  .number()
  .gt(0, { message: 'kz.contract_amount_positive' })
  .max(CONTRACT_LIMITS.amountMax)
  .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, { message: 'kz.contract_amount_cents' });

/** A registration number as the technology market offices issue them: letters, digits and dashes. */
export const contractRegistrationNumber = inputString()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9-]{4,38}[A-Za-z0-9]$/, { message: 'kz.contract_reg_number' });

/** The signed date: a real calendar date from 2000 on, not after tomorrow (time zones). */
const pastDate = isoDate.refine((d) => d >= '2000-01-01' && Date.parse(d) <= Date.now() + 86_400_000, { message: 'kz.contract_date' });

/** Recording (or, until it is registered, editing) the contract of a deal room. */
export const contractInput = z
  .strictObject({
    type: z.enum(CONTRACT_TYPE_CODES),
    amount: contractAmount,
    payment: z.strictObject({
      kind: z.enum(PAYMENT_KIND_CODES),
      text: inputString().trim().max(CONTRACT_LIMITS.paymentTextMax).default(''),
    }),
    signedOn: pastDate,
    /** Listings of the parties' own besides the room's listing (which is always linked). */
    listings: z.array(z.strictObject({ kind: listingKind, id: objectId })).max(CONTRACT_LIMITS.extraListingsMax).default([]),
  })
  .refine((c) => c.payment.kind === 'lump_sum' || c.payment.text.length > 0, { message: 'kz.contract_payment_text', path: ['payment', 'text'] });
export type ContractInput = z.input<typeof contractInput>;

/** The contract's registration (技术合同认定登记). */
export const contractRegistrationInput = z.strictObject({ number: contractRegistrationNumber, registeredOn: pastDate });
export type ContractRegistrationInput = z.infer<typeof contractRegistrationInput>;

const person = z.object({ id: objectId, name: z.string() });

export const contractView = z.object({
  dealId: objectId,
  type: z.enum(CONTRACT_TYPE_CODES),
  amount: z.number(),
  payment: z.object({ kind: z.enum(PAYMENT_KIND_CODES), text: z.string() }),
  signedOn: z.string(),
  parties: z.array(z.object({ party: z.enum(DEAL_PARTY_CODES), org: z.object({ id: objectId, name: z.string() }), uscc: z.string().nullable() })),
  listings: z.array(z.object({ kind: listingKind, id: objectId, title: z.string() })),
  /** Taken from the linked listings (comparisons, statistics). */
  discipline: z.enum(DISCIPLINE_CODES).nullable(),
  industry: z.enum(INDUSTRY_CODES).nullable(),
  /** The demand organisation's city. */
  city: z.string().nullable(),
  registration: z.object({ number: z.string(), registeredOn: z.string(), by: person.nullable(), at: z.string() }).nullable(),
  /** Every recording, change and the registration: who, when, which fields. */
  history: z.array(z.object({ kind: z.enum(['record', 'update', 'register']), by: person.nullable(), at: z.string(), fields: z.array(z.string()) })),
  updatedAt: z.string(),
});
export type ContractView = z.infer<typeof contractView>;

/** A room's contract (null before it is recorded) and what the caller may do with it now. */
export const dealContractView = z.object({
  contract: contractView.nullable(),
  stage: z.enum(DEAL_STAGE_CODES),
  canEdit: z.boolean(),
  canRegister: z.boolean(),
});
export type DealContractView = z.infer<typeof dealContractView>;

export const comparableQuery = z.strictObject({
  type: z.enum(CONTRACT_TYPE_CODES),
  discipline: z.enum(DISCIPLINE_CODES).optional(),
  industry: z.enum(INDUSTRY_CODES).optional(),
});
export type ComparableQuery = z.infer<typeof comparableQuery>;

/**
 * Amounts of past contracts like this one. `basis`: which contracts were compared — the same type,
 * discipline and industry, or (fewer than 3 of those) the same type only. `amounts` is null when
 * fewer than 3 contracts are compared: no single contract's amount can be read off.
 */
export const comparableView = z.object({
  type: z.enum(CONTRACT_TYPE_CODES),
  basis: z.enum(['discipline_industry', 'type']),
  count: z.number().int(),
  amounts: z.object({ min: z.number(), q1: z.number(), median: z.number(), q3: z.number(), max: z.number() }).nullable(),
});
export type ComparableView = z.infer<typeof comparableView>;
export const resultComparableView = z.object({ byType: z.array(comparableView) });
export type ResultComparableView = z.infer<typeof resultComparableView>;

/** A group of contracts: its count and total amount (null in the public view when under 3 contracts). */
export const marketGroupRow = z.object({ key: z.string(), count: z.number().int(), amount: z.number().nullable() });
export type MarketGroupRow = z.infer<typeof marketGroupRow>;

export const publicMarketStatsView = z.object({
  dealsByStage: z.array(z.object({ stage: z.enum(DEAL_STAGE_CODES), count: z.number().int() })),
  contracts: z.object({ count: z.number().int(), amount: z.number() }),
  byType: z.array(marketGroupRow),
  byCity: z.array(marketGroupRow),
  byIndustry: z.array(marketGroupRow),
  /** YYYY-MM of the signed date, oldest first. */
  byMonth: z.array(marketGroupRow),
});
export type PublicMarketStatsView = z.infer<typeof publicMarketStatsView>;

export const adminMarketStatsView = publicMarketStatsView.extend({
  byIntermediary: z.array(z.object({ org: z.object({ id: objectId, name: z.string() }).nullable(), count: z.number().int(), amount: z.number() })),
  registration: z.object({ registered: z.number().int(), total: z.number().int(), rate: z.number().nullable() }),
  /** Days from a room's opening (interest) to its move to 签约, over the rooms that reached it. */
  signingDays: z.object({ rooms: z.number().int(), median: z.number().nullable() }),
});
export type AdminMarketStatsView = z.infer<typeof adminMarketStatsView>;

export const marketStatsExportQuery = z.strictObject({ lang: z.enum(['zh-CN', 'en']).default('zh-CN') });

/** The label of a contract type or payment kind in a language (unknown codes read as themselves). */
export function contractTypeLabel(code: string, locale: 'zh' | 'en'): string {
  return CONTRACT_TYPES.find((t) => t.code === code)?.[locale] ?? code;
}
export function paymentKindLabel(code: string, locale: 'zh' | 'en'): string {
  return PAYMENT_KINDS.find((t) => t.code === code)?.[locale] ?? code;
}
