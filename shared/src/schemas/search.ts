/**
 * The marketplace search and matching API: queries with filters and facets, hits with highlights,
 * suggestions, explained recommendations, feedback on them, and saved searches.
 */
import { z } from 'zod';
import { CITY_CODES, ORG_TYPES } from '../constants';
import {
  COOPERATION_MODE_CODES,
  DISCIPLINE_CODES,
  INDUSTRY_CODES,
  MATURITY_CODES,
  PRICE_BAND_CODES,
  TRANSFER_MODE_CODES,
} from '../vocab';
import { inputString, objectId, pagination } from './common';

/** One value or several (`?city=220100&city=220200`), always an array after parsing. */
const multi = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.enum(values), z.array(z.enum(values)).max(values.length)])
    .transform((v) => (Array.isArray(v) ? v : [v]) as T[number][])
    .optional();

const amount = z.coerce.number().min(0).max(1e12).optional();

const common = {
  q: inputString().trim().max(200).default(''),
  discipline: multi(DISCIPLINE_CODES),
  industry: multi(INDUSTRY_CODES),
  city: multi(CITY_CODES),
  orgType: multi(ORG_TYPES),
  ...pagination,
};

export const RESULT_SORTS = ['relevance', 'newest', 'price_asc', 'price_desc'] as const;
export const NEED_SORTS = ['relevance', 'newest', 'budget_desc', 'deadline_asc'] as const;

export const resultSearchQuery = z.strictObject({
  ...common,
  maturity: multi(MATURITY_CODES),
  transferModes: multi(TRANSFER_MODE_CODES),
  priceBand: multi(PRICE_BAND_CODES),
  priceMin: amount,
  priceMax: amount,
  sort: z.enum(RESULT_SORTS).default('relevance'),
});
export type ResultSearchQuery = z.infer<typeof resultSearchQuery>;

export const needSearchQuery = z.strictObject({
  ...common,
  cooperationModes: multi(COOPERATION_MODE_CODES),
  budgetBand: multi(PRICE_BAND_CODES),
  budgetMin: amount,
  budgetMax: amount,
  sort: z.enum(NEED_SORTS).default('relevance'),
});
export type NeedSearchQuery = z.infer<typeof needSearchQuery>;

export const SEARCH_KINDS = ['results', 'needs'] as const;
export const searchKind = z.enum(SEARCH_KINDS);
export type SearchKind = z.infer<typeof searchKind>;

export const exportFormat = z.enum(['xlsx', 'csv']);

/** A hit: public fields only; `highlights` hold HTML with <mark> around matched terms (escaped otherwise). */
export const searchHitView = z.object({
  id: objectId,
  kind: searchKind,
  title: z.string(),
  /** field → highlighted HTML snippet (title, summary/problem, keywords …) */
  highlights: z.record(z.string(), z.string()),
  keywords: z.array(z.string()),
  org: z.object({ id: z.string(), name: z.string(), type: z.string() }),
  city: z.string(),
  discipline: z.string().nullable(),
  industry: z.string(),
  maturity: z.string().nullable(),
  modes: z.array(z.string()),
  /** Price (results) or budget maximum (needs) in yuan; null when 面议. */
  amount: z.number().nullable(),
  amountMin: z.number().nullable(),
  band: z.string(),
  publishedAt: z.string().nullable(),
  matchedTerms: z.array(z.string()),
});
export type SearchHitView = z.infer<typeof searchHitView>;

export const searchResponse = z.object({
  hits: z.array(searchHitView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** facet → value → count */
  facets: z.record(z.string(), z.record(z.string(), z.number().int())),
  engine: z.enum(['meilisearch', 'embedded']),
  tookMs: z.number(),
  /** The query's words as searched (after segmentation and stop words). */
  terms: z.array(z.string()).default([]),
  /** No hit contains every word: the hits are partial matches (the top hit lacks `missingTerms`). */
  partial: z.boolean().default(false),
  /** Words of the query that the best hit does not contain. */
  missingTerms: z.array(z.string()).default([]),
  /** On an empty result: a query from the index's own vocabulary that finds something (碳纤唯 → 碳纤维). */
  suggestion: z.string().nullable().default(null),
  /** On an empty result: how many listings of the other kind the same text finds. */
  other: z.object({ kind: searchKind, total: z.number().int() }).nullable().default(null),
});
export type SearchResponse = z.infer<typeof searchResponse>;

export const suggestQuery = z.strictObject({ kind: searchKind, q: inputString().trim().min(1).max(50) });
export const suggestResponse = z.object({ suggestions: z.array(z.string()) });

/** Why a recommendation was made: one line per factor, with its share of the score. */
export const MATCH_FACTORS = ['terms', 'discipline', 'industry', 'maturity', 'budget', 'city', 'freshness'] as const;
export const matchReasonView = z.object({
  factor: z.enum(MATCH_FACTORS),
  /** 0–1: how well this factor fits. */
  fit: z.number().min(0).max(1),
  /** Points this factor contributed to the 0–100 score. */
  points: z.number(),
  zh: z.string(),
  en: z.string(),
});
export type MatchReasonView = z.infer<typeof matchReasonView>;

export const FEEDBACK_REASONS = [
  'too_early',
  'unclear_benefit',
  'unclear_route',
  'wrong_field',
  'price',
  'ip_unclear',
  'already_solved',
  'other',
] as const;
export const feedbackReason = z.enum(FEEDBACK_REASONS);
export const feedbackVerdict = z.enum(['interested', 'not_fit']);

export const recommendationView = z.object({
  hit: searchHitView,
  score: z.number().int().min(0).max(100),
  reasons: z.array(matchReasonView),
  /** My earlier verdict on this pair, if any. */
  feedback: feedbackVerdict.nullable(),
  /** Which verdicts I may give: only for my organisation's own side, "interested" only between published listings. */
  mayJudge: z.object({ interested: z.boolean(), notFit: z.boolean() }),
  /** The deal room my organisation has on this pair (opened by interest), newest first; null when none. */
  deal: objectId.nullable(),
});
export type RecommendationView = z.infer<typeof recommendationView>;
export const recommendationsResponse = z.object({
  items: z.array(recommendationView),
  /** The listing's key terms the candidates were sought with (from what the caller may see of it). */
  terms: z.array(z.string()),
});
export type RecommendationsResponse = z.infer<typeof recommendationsResponse>;

/** "Interested" or "not a fit" on a recommended pair (a need and a result). */
export const matchFeedbackInput = z
  .strictObject({
    needId: objectId,
    resultId: objectId,
    verdict: feedbackVerdict,
    reason: feedbackReason.optional(),
    note: inputString().trim().max(500).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.verdict === 'not_fit' && !v.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'kz.feedback_reason' });
    }
  });
export type MatchFeedbackInput = z.infer<typeof matchFeedbackInput>;

/** An organisation interested in the owner's listing: who, when, and through which of its published listings. */
export const interestView = z.object({
  org: z.object({ id: objectId, name: z.string() }),
  at: z.string(),
  from: z.object({ kind: z.enum(['need', 'result']), id: objectId, title: z.string() }),
});
export type InterestView = z.infer<typeof interestView>;

/** What a listing's owner sees: "not a fit" in aggregate (never who), and which organisations are interested. */
export const feedbackSummaryView = z.object({
  interested: z.number().int(),
  notFit: z.number().int(),
  reasons: z.record(z.string(), z.number().int()),
  interest: z.array(interestView),
});
export type FeedbackSummaryView = z.infer<typeof feedbackSummaryView>;

export const savedSearchInput = z.strictObject({
  kind: searchKind,
  name: inputString().trim().min(1).max(60),
  /** The search as the search page sends it (query-string parameters, without page). */
  params: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/), z.union([z.string().max(200), z.array(z.string().max(40)).max(20)])),
  subscribed: z.boolean().default(true),
});
export type SavedSearchInput = z.infer<typeof savedSearchInput>;
export const savedSearchUpdate = z.strictObject({ name: inputString().trim().min(1).max(60).optional(), subscribed: z.boolean().optional() });
export const savedSearchView = z.object({
  id: objectId,
  kind: searchKind,
  name: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  subscribed: z.boolean(),
  createdAt: z.string(),
});
export type SavedSearchView = z.infer<typeof savedSearchView>;
