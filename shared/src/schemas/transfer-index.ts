/**
 * The transformation evaluation index of universities and institutes (科技成果转化综合评价, plan
 * 三(六)2): indicators counted from the platform's records per organisation and year, each
 * normalised against the best institution and weighted (weights are data, sum 100, changed by
 * administrators as a new audited version).
 */
import { z } from 'zod';
import { CITY_CODES } from '../constants';
import { objectId } from './common';

/**
 * How a raw value becomes 0–1: `log_share` = ln(1+x)/ln(1+max) (counts and amounts, heavily skewed:
 * one large university would flatten everyone else under a linear share), `share` = x/max (values
 * that are already bounded, such as a mean quality score).
 */
export const TRANSFER_INDEX_NORMALISATIONS = ['log_share', 'share'] as const;
export type TransferIndexNormalisation = (typeof TRANSFER_INDEX_NORMALISATIONS)[number];

/** The indicators, in display order, with their default weight (sum 100) and normalisation. */
export const TRANSFER_INDICATORS = [
  { key: 'results_listed', weight: 15, normalisation: 'log_share', unit: 'count', zh: '发布科技成果数', en: 'Results published' },
  { key: 'listing_quality', weight: 5, normalisation: 'share', unit: 'score', zh: '成果信息质量（平均完整度）', en: 'Listing quality (mean score)' },
  { key: 'needs_answered', weight: 10, normalisation: 'log_share', unit: 'count', zh: '响应企业需求数', en: 'Needs answered' },
  { key: 'deals_opened', weight: 10, normalisation: 'log_share', unit: 'count', zh: '开启洽谈数', en: 'Deals opened' },
  { key: 'deals_signed', weight: 15, normalisation: 'log_share', unit: 'count', zh: '进入签约及以后的洽谈数', en: 'Deals reaching signing' },
  { key: 'contract_value', weight: 15, normalisation: 'log_share', unit: 'yuan', zh: '技术合同金额', en: 'Contract value' },
  { key: 'contracts_registered', weight: 5, normalisation: 'log_share', unit: 'count', zh: '认定登记合同数', en: 'Registered contracts' },
  { key: 'commissioners_sent', weight: 10, normalisation: 'log_share', unit: 'count', zh: '选派科技特派员数', en: 'Commissioners sent' },
  { key: 'service_hours', weight: 10, normalisation: 'log_share', unit: 'hours', zh: '特派员已确认服务工时', en: 'Confirmed service hours' },
  { key: 'projects_funded', weight: 5, normalisation: 'log_share', unit: 'count', zh: '立项项目及达成里程碑数', en: 'Projects funded and milestones met' },
] as const;
export type TransferIndicatorKey = (typeof TRANSFER_INDICATORS)[number]['key'];
export const TRANSFER_INDICATOR_KEYS = TRANSFER_INDICATORS.map((i) => i.key) as unknown as readonly [TransferIndicatorKey, ...TransferIndicatorKey[]];
/** Indicators whose records the platform does not hold yet: always 0, shown as "not yet recorded". */
export const TRANSFER_INDICATORS_NOT_RECORDED: readonly TransferIndicatorKey[] = [];
export type TransferIndexWeights = Record<TransferIndicatorKey, number>;
export const DEFAULT_TRANSFER_WEIGHTS = Object.fromEntries(TRANSFER_INDICATORS.map((i) => [i.key, i.weight])) as TransferIndexWeights;

/** A cached ranking older than this is recomputed on the next read. */
export const TRANSFER_INDEX_CACHE_MINUTES = 10;
/** The first year the index can be asked for (the plan's first year). */
export const TRANSFER_INDEX_FIRST_YEAR = 2011;
export const TRANSFER_INDEX_ORG_TYPES = ['university', 'institute'] as const;

const weight = z.number().int({ message: 'kz.index_weight' }).min(0, { message: 'kz.index_weight' }).max(100, { message: 'kz.index_weight' });

/** An administrator's new weights: every indicator, whole numbers, adding up to 100. */
export const transferIndexWeightsInput = z.strictObject({
  weights: z
    .strictObject(Object.fromEntries(TRANSFER_INDICATORS.map((i) => [i.key, weight])) as Record<TransferIndicatorKey, typeof weight>)
    .refine((w) => Object.values(w).reduce((s, v) => s + v, 0) === 100, { message: 'kz.index_weights_sum' }),
  note: z.string().trim().max(200).optional(),
});
export type TransferIndexWeightsInput = z.infer<typeof transferIndexWeightsInput>;

const year = z.coerce.number().int().min(TRANSFER_INDEX_FIRST_YEAR).max(2100);
export const transferIndexQuery = z.strictObject({
  year: year.optional(),
  type: z.enum(TRANSFER_INDEX_ORG_TYPES).optional(),
  city: z.enum(CITY_CODES).optional(),
});
export const transferIndexYearQuery = z.strictObject({ year: year.optional() });
export const transferIndexExportQuery = z.strictObject({ year: year.optional(), lang: z.enum(['zh-CN', 'en']).default('zh-CN') });

export const transferIndexFormulaView = z.object({
  version: z.number(),
  weights: z.record(z.string(), z.number()),
  indicators: z.array(z.object({ key: z.enum(TRANSFER_INDICATOR_KEYS), weight: z.number(), normalisation: z.enum(TRANSFER_INDEX_NORMALISATIONS), recorded: z.boolean() })),
  changedAt: z.string().nullable(),
  note: z.string().nullable(),
});
export type TransferIndexFormulaView = z.infer<typeof transferIndexFormulaView>;

const orgRef = z.object({ id: objectId, name: z.string(), type: z.enum(TRANSFER_INDEX_ORG_TYPES), city: z.string() });

export const transferIndexRankingView = z.object({
  year: z.number(),
  computedAt: z.string(),
  formula: transferIndexFormulaView,
  /** Institutions ranked in the year (before the type/city filter). */
  total: z.number(),
  rows: z.array(z.object({ rank: z.number(), org: orgRef, score: z.number() })),
});
export type TransferIndexRankingView = z.infer<typeof transferIndexRankingView>;

/** A record behind an indicator, for the organisation's members (links on the breakdown page). */
export const transferIndexRecordRef = z.object({ kind: z.enum(['result', 'deal', 'contract', 'commissioner', 'project']), id: objectId, label: z.string() });
export type TransferIndexRecordRef = z.infer<typeof transferIndexRecordRef>;

export const transferIndexBreakdownView = z.object({
  year: z.number(),
  computedAt: z.string(),
  formula: transferIndexFormulaView,
  org: orgRef,
  rank: z.number(),
  total: z.number(),
  score: z.number(),
  /** True when the caller is an approved member: records are listed. */
  member: z.boolean(),
  indicators: z.array(z.object({
    key: z.enum(TRANSFER_INDICATOR_KEYS),
    recorded: z.boolean(),
    /** Null when hidden (a contract value of fewer than 3 contracts, for non-members). */
    raw: z.number().nullable(),
    normalised: z.number(),
    weight: z.number(),
    contribution: z.number(),
    rank: z.number(),
    records: z.array(transferIndexRecordRef).nullable(),
  })),
});
export type TransferIndexBreakdownView = z.infer<typeof transferIndexBreakdownView>;

/** The label of an indicator in a language. */
export function transferIndicatorLabel(key: string, locale: 'zh' | 'en'): string {
  return TRANSFER_INDICATORS.find((i) => i.key === key)?.[locale] ?? key;
}
