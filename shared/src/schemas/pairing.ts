/**
 * The pairing run of the 双千 action: the options an administrator starts it with, and the score
 * parts of a commissioner–request pair, each with its sentence in Chinese and English.
 */
import { z } from 'zod';
import { objectId, pagination } from './common';
import { commissionerTerm } from './commissioner';

/** The parts of a pair's score, in the order the review table shows them. */
export const PAIRING_SCORE_PARTS = ['text', 'discipline', 'industry', 'distance', 'preference', 'capacity'] as const;
export type PairingScorePart = (typeof PAIRING_SCORE_PARTS)[number];
export type PairingWeights = Record<PairingScorePart, number>;

/** Default weights (they add up to 100, so a part's points read as percent of the score). */
export const DEFAULT_PAIRING_WEIGHTS: PairingWeights = { text: 40, discipline: 10, industry: 20, distance: 15, preference: 10, capacity: 5 };

/** same_city: only commissioners serving the request's city; nearby: distance lowers the score; anywhere: distance does not count. */
export const PAIRING_REGION_RULES = ['same_city', 'nearby', 'anywhere'] as const;
export type PairingRegionRule = (typeof PAIRING_REGION_RULES)[number];

export const PAIRING_ALGORITHMS = ['optimal', 'stable'] as const;
export type PairingAlgorithm = (typeof PAIRING_ALGORITHMS)[number];

const weight = z.number().int().min(0, { message: 'kz.pairing_weight' }).max(100, { message: 'kz.pairing_weight' });

/** The options of a run; what is left out takes its default. */
export const pairingRunOptions = z.strictObject({
  weights: z
    .strictObject(Object.fromEntries(PAIRING_SCORE_PARTS.map((p) => [p, weight.optional()])) as Record<PairingScorePart, z.ZodOptional<typeof weight>>)
    .default({})
    .transform((w) => ({ ...DEFAULT_PAIRING_WEIGHTS, ...Object.fromEntries(Object.entries(w).filter(([, v]) => v !== undefined)) }) as PairingWeights)
    .refine((w) => PAIRING_SCORE_PARTS.some((p) => w[p] > 0), { message: 'kz.pairing_weights_zero' }),
  regionRule: z.enum(PAIRING_REGION_RULES).default('nearby'),
  /** Pairs scoring under this (0–100) are not proposed. */
  minScore: z.number().min(0).max(100).default(20),
  algorithm: z.enum(PAIRING_ALGORITHMS).default('optimal'),
});
export type PairingRunOptions = z.infer<typeof pairingRunOptions>;

/** Start a run over the open requests and the approved commissioners of a term. */
export const pairingRunInput = pairingRunOptions.extend({ term: commissionerTerm });
export type PairingRunInput = z.infer<typeof pairingRunInput>;

/** One part of a pair's score: its fit (0–1), the points it gave, and why, in a sentence. */
export const pairingScorePartView = z.object({
  part: z.enum(PAIRING_SCORE_PARTS),
  fit: z.number(),
  points: z.number(),
  zh: z.string(),
  en: z.string(),
});
export type PairingScorePartView = z.infer<typeof pairingScorePartView>;

export const PAIRING_RUN_STATUSES = ['running', 'proposed', 'confirmed', 'failed'] as const;
export type PairingRunStatus = (typeof PAIRING_RUN_STATUSES)[number];

const named = z.object({ id: objectId, name: z.string() });

/** A proposed (or, after confirmation, confirmed) pair of a run, with the explanation of its score. */
export const pairingRunPairView = z.object({
  id: objectId,
  /** The request with its city and county, for the review table's region filter. */
  request: named.extend({ city: z.string(), county: z.string().nullable() }),
  commissioner: named,
  score: z.number(),
  parts: z.array(pairingScorePartView),
  manual: z.boolean(),
});
export type PairingRunPairView = z.infer<typeof pairingRunPairView>;

/** A run as the administrator sees it: options, inputs, totals, timings and progress. */
export const pairingRunView = z.object({
  id: objectId,
  term: z.number(),
  status: z.enum(PAIRING_RUN_STATUSES),
  options: z.object({
    weights: z.record(z.string(), z.number()),
    regionRule: z.enum(PAIRING_REGION_RULES),
    minScore: z.number(),
    algorithm: z.enum(PAIRING_ALGORITHMS),
  }),
  progress: z.object({ stage: z.string(), done: z.number(), total: z.number() }),
  inputs: z.object({ requests: z.number(), commissioners: z.number(), feasiblePairs: z.number() }),
  totals: z.object({
    score: z.number(),
    pairs: z.number(),
    /** Stable runs: the optimal total of the same graph, and the blocking pairs (0 for a stable result). */
    optimalScore: z.number().nullable(),
    blockingPairs: z.number().nullable(),
  }),
  timings: z.object({ readMs: z.number(), matrixMs: z.number(), solveMs: z.number(), storeMs: z.number() }),
  error: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type PairingRunView = z.infer<typeof pairingRunView>;

/** Two runs compared: pairs only in `b` (added), only in `a` (removed), and the change of total. */
export const pairingRunCompareView = z.object({
  a: objectId,
  b: objectId,
  added: z.array(z.object({ request: objectId, commissioner: objectId, score: z.number() })),
  removed: z.array(z.object({ request: objectId, commissioner: objectId, score: z.number() })),
  kept: z.number(),
  totalDelta: z.number(),
});

export const pairingCompareQuery = z.strictObject({ a: objectId, b: objectId });

/** Add a pair by hand, or give a paired request another commissioner (a swap). */
export const pairingPairSetInput = z.strictObject({ request: objectId, commissioner: objectId });
export type PairingPairSetInput = z.infer<typeof pairingPairSetInput>;

export const pairingRunPairParams = z.strictObject({ id: objectId, pairId: objectId });

/** The administrator's view after a manual edit: the pair (none after a removal) and the new total. */
export const pairingEditView = z.object({ pair: pairingRunPairView.nullable(), total: z.number(), pairs: z.number() });

/** A side's answer to a confirmed pairing; declining needs a reason. */
export const pairingAnswerInput = z
  .strictObject({ accept: z.boolean(), reason: z.string().trim().max(500).optional() })
  .refine((v) => v.accept || (v.reason ?? '').length >= 2, { path: ['reason'], message: 'kz.decline_reason' });
export type PairingAnswerInput = z.infer<typeof pairingAnswerInput>;

export const PAIRING_STATUSES = ['proposed', 'confirmed', 'accepted', 'declined'] as const;

const answerView = z.object({ accepted: z.boolean(), reason: z.string().nullable(), at: z.string() }).nullable();

/** A pairing as either side sees it ("my pairings"). */
export const pairingView = z.object({
  id: objectId,
  term: z.number(),
  status: z.enum(PAIRING_STATUSES),
  request: z.object({ id: objectId, title: z.string(), city: z.string(), county: z.string().nullable() }),
  enterprise: named,
  commissioner: named,
  score: z.number(),
  parts: z.array(pairingScorePartView),
  commissionerAnswer: answerView,
  enterpriseAnswer: answerView,
  confirmedAt: z.string().nullable(),
  /** The side the caller may still answer for, if any. */
  mayAnswer: z.enum(['commissioner', 'enterprise']).nullable(),
});
export type PairingView = z.infer<typeof pairingView>;

export const pairingRunListQuery = z.strictObject({ term: commissionerTerm });
export const myPairingsQuery = z.strictObject({ side: z.enum(['commissioner', 'enterprise']), ...pagination });
export const pairingConfirmView = z.object({ run: pairingRunView, confirmed: z.number(), dropped: z.number() });
export const pairingRunPairsView = z.object({ run: pairingRunView, items: z.array(pairingRunPairView) });
