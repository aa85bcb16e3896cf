/**
 * The province's plan targets (e.g. 吉林省科技成果转化“十二五”规划 section 二(二)): a plan is data — its
 * period and its targets — so a later plan (2016–2020, …) is added, not coded. A target's value comes
 * from a registered counter over the platform's records when one is registered under the target's
 * `counter` name, else from administrators' manual entries (city, year, count, evidence).
 */
import { z } from 'zod';
import { cityCode, inputString, objectId, text } from './common';

/** How a target is meant to be counted: from platform records (by a registered counter) or entered by hand. */
export const PLAN_COUNTING = ['records', 'manual'] as const;
export type PlanCounting = (typeof PLAN_COUNTING)[number];
/** Where a target's value came from this time: a registered counter, or the sum of manual entries. */
export const PLAN_VALUE_SOURCES = ['counter', 'manual'] as const;
export type PlanValueSource = (typeof PLAN_VALUE_SOURCES)[number];

export const PLAN_YEAR_MIN = 2000;
export const PLAN_YEAR_MAX = 2100;
const year = z.coerce.number({ message: 'kz.plan_year' }).int({ message: 'kz.plan_year' }).min(PLAN_YEAR_MIN, { message: 'kz.plan_year' }).max(PLAN_YEAR_MAX, { message: 'kz.plan_year' });

export const planCode = inputString().trim().regex(/^[a-z0-9][a-z0-9-]{2,39}$/, { message: 'kz.plan_code' });
export const planTargetKey = inputString().trim().regex(/^[a-z][a-z0-9_]{1,39}$/, { message: 'kz.plan_target_key' });
/** A counter's registered name, e.g. `carriers.alliance` or `programme.key_transformation`. */
export const planCounterName = inputString().trim().regex(/^[a-z][a-z0-9_.]{1,59}$/, { message: 'kz.plan_counter' });

export const planTargetInput = z.strictObject({
  key: planTargetKey,
  zh: text(80),
  en: text(120),
  /** The number to reach: over the whole period, or each year when `perYear`. */
  target: z.number({ message: 'kz.plan_target' }).int({ message: 'kz.plan_target' }).min(1, { message: 'kz.plan_target' }).max(1_000_000, { message: 'kz.plan_target' }),
  unitZh: text(10),
  unitEn: text(20),
  counting: z.enum(PLAN_COUNTING),
  /** The counter that counts it from records (used when registered; manual entries otherwise). */
  counter: planCounterName.nullable().default(null),
  perYear: z.boolean().default(false),
});
export type PlanTargetInput = z.infer<typeof planTargetInput>;

export const planInput = z
  .strictObject({
    code: planCode,
    titleZh: text(120),
    titleEn: text(200),
    startYear: year,
    endYear: year,
    /** Where the targets come from (document and section). */
    source: inputString().trim().max(300).default(''),
    targets: z.array(planTargetInput).min(1, { message: 'kz.plan_targets' }).max(40, { message: 'kz.plan_targets' }),
  })
  .refine((p) => p.startYear <= p.endYear && p.endYear - p.startYear <= 20, { message: 'kz.plan_period', path: ['endYear'] })
  .refine((p) => new Set(p.targets.map((t) => t.key)).size === p.targets.length, { message: 'kz.plan_target_keys', path: ['targets'] });
export type PlanInput = z.infer<typeof planInput>;

const evidenceUrl = inputString().trim().max(500).pipe(z.url({ protocol: /^https?$/, message: 'kz.plan_evidence_url' }));

/** An administrator's count for one target, city and year, with its evidence (a document named, a link). */
export const planEntryInput = z.strictObject({
  target: planTargetKey,
  city: cityCode,
  year,
  count: z.number({ message: 'kz.plan_count' }).int({ message: 'kz.plan_count' }).min(0, { message: 'kz.plan_count' }).max(100_000, { message: 'kz.plan_count' }),
  evidence: text(1000),
  evidenceUrl: evidenceUrl.nullable().default(null),
});
export type PlanEntryInput = z.infer<typeof planEntryInput>;
/** A correction: the new figures and evidence, and why. */
export const planEntryUpdate = z.strictObject({
  count: planEntryInput.shape.count,
  evidence: text(1000),
  evidenceUrl: evidenceUrl.nullable().default(null),
  reason: text(300),
});
export type PlanEntryUpdate = z.infer<typeof planEntryUpdate>;

export const planParams = z.strictObject({ code: planCode });
export const planEntryParams = z.strictObject({ code: planCode, id: objectId });
export const planExportQuery = z.strictObject({ lang: z.enum(['zh-CN', 'en']).optional() });

export const planSummaryView = z.object({
  code: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  startYear: z.number().int(),
  endYear: z.number().int(),
  source: z.string(),
});
export type PlanSummaryView = z.infer<typeof planSummaryView>;
export const planListView = z.object({ items: z.array(planSummaryView) });
export type PlanListView = z.infer<typeof planListView>;

export const planTargetView = z.object({
  key: z.string(),
  zh: z.string(),
  en: z.string(),
  target: z.number().int(),
  /** The whole period's target: `target` × years when per year. */
  periodTarget: z.number().int(),
  unitZh: z.string(),
  unitEn: z.string(),
  counting: z.enum(PLAN_COUNTING),
  counter: z.string().nullable(),
  perYear: z.boolean(),
  source: z.enum(PLAN_VALUE_SOURCES),
  value: z.number().int(),
  /** City code (or `-` for records without a city) → count. */
  byCity: z.record(z.string(), z.number().int()),
  /** Year → count, every year of the period present. */
  byYear: z.record(z.string(), z.number().int()),
});
export type PlanTargetView = z.infer<typeof planTargetView>;

export const planEntryHistoryView = z.object({
  at: z.string(),
  by: z.string().nullable(),
  count: z.number().int(),
  evidence: z.string(),
  evidenceUrl: z.string().nullable(),
  reason: z.string().nullable(),
});
export const planEntryView = z.object({
  id: z.string(),
  target: z.string(),
  city: z.string(),
  year: z.number().int(),
  count: z.number().int(),
  evidence: z.string(),
  evidenceUrl: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
  /** Earlier versions, oldest first. */
  history: z.array(planEntryHistoryView),
});
export type PlanEntryView = z.infer<typeof planEntryView>;

export const planDashboardView = z.object({
  plan: planSummaryView,
  years: z.array(z.number().int()),
  targets: z.array(planTargetView),
  /** Administrators only: the manual entries with their evidence. */
  entries: z.array(planEntryView).optional(),
});
export type PlanDashboardView = z.infer<typeof planDashboardView>;
