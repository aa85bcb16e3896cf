/**
 * The listing quality check (信息完整度): a score from 0 to 100 and the checks behind it, so an
 * owner sees what would make a listing easier to find and to trust. Pure: the client form runs it
 * live on a half-filled form, the server on the stored listing (shown in the owner's view).
 */

export interface QualityCheck {
  key: string;
  ok: boolean;
  /** Points this check contributes when ok; the weights of one assessment add up to 100. */
  weight: number;
  message: { zh: string; en: string };
}

export interface QualityAssessment {
  score: number;
  checks: QualityCheck[];
}

/** The fields the result check reads; everything is optional because forms are filled gradually. */
export interface ResultQualityInput {
  summary?: string | null;
  keywords?: readonly string[] | null;
  maturity?: string | null;
  ip?: { items?: readonly { status?: string | null }[] | null } | null;
  applications?: string | null;
  advantages?: readonly { value?: string | null }[] | null;
  price?: number | null;
  negotiable?: boolean | null;
}

export interface NeedQualityInput {
  problem?: string | null;
  desiredOutcome?: string | null;
  keywords?: readonly string[] | null;
  budgetMin?: number | null;
  budgetMax?: number | null;
  negotiable?: boolean | null;
  deadline?: string | null;
}

/**
 * `plausibleAmount`: the smallest budget (yuan) that counts as stated: 1 万元. Forms take amounts in
 * 万元, so "50" meant as 50 万元 but stored as 50 元 is the usual slip, and is no budget at all.
 */
export const QUALITY_THRESHOLDS = { summaryMin: 100, applicationsMin: 20, keywordsMin: 3, problemMin: 100, plausibleAmount: 10_000 } as const;

/** Length in characters as people count them (a Chinese character is one). */
function chars(s: string | null | undefined): number {
  return [...(s ?? '').trim()].length;
}

/** Contains a number written in digits (ASCII or full-width). */
function hasDigit(s: string | null | undefined): boolean {
  return /[0-9０-９]/.test(s ?? '');
}

function isAmount(n: number | null | undefined): boolean {
  return typeof n === 'number' && Number.isFinite(n) && n >= 0;
}

/** A budget whose upper end (or lower end, when only that is given) reaches 1 万元. */
function isPlausibleBudget(input: { budgetMin?: number | null; budgetMax?: number | null }): boolean {
  const top = isAmount(input.budgetMax) ? input.budgetMax : input.budgetMin;
  return isAmount(top) && (top as number) >= QUALITY_THRESHOLDS.plausibleAmount;
}

type Rule = [key: string, weight: number, ok: boolean, zh: string, en: string];

function assess(rules: readonly Rule[]): QualityAssessment {
  const checks = rules.map(([key, weight, ok, zh, en]) => ({ key, ok, weight, message: { zh, en } }));
  const score = checks.reduce((sum, c) => sum + (c.ok ? c.weight : 0), 0);
  return { score, checks };
}

/** Scores a research result (or a draft of one). */
export function assessResultQuality(input: ResultQualityInput): QualityAssessment {
  const t = QUALITY_THRESHOLDS;
  const ipItems = input.ip?.items ?? [];
  return assess([
    ['advantages_quantified', 20, (input.advantages ?? []).some((a) => hasDigit(a.value)),
      '至少列出一项量化的技术优势（含具体数值，如“能耗降低30%”）', 'List at least one quantified advantage (with a number, e.g. "30% less energy")'],
    ['ip_stated', 15, ipItems.length > 0 && ipItems.every((i) => Boolean(i.status)),
      '说明知识产权情况（专利号及状态；未申请专利的可登记为技术秘密）', 'State the intellectual property (numbers and status; unpatented know-how counts)'],
    ['maturity_stated', 10, Boolean(input.maturity),
      '选择成熟度（实验室、小试、中试或产业化）', 'Choose the maturity (laboratory, bench, pilot or industrialised)'],
    ['applications_present', 15, chars(input.applications) >= t.applicationsMin,
      `描述应用场景（不少于${t.applicationsMin}字）`, `Describe where it applies (at least ${t.applicationsMin} characters)`],
    ['summary_length', 15, chars(input.summary) >= t.summaryMin,
      `成果简介不少于${t.summaryMin}字`, `Write a summary of at least ${t.summaryMin} characters`],
    ['keywords_count', 10, (input.keywords ?? []).filter((k) => k.trim()).length >= t.keywordsMin,
      `填写至少${t.keywordsMin}个关键词，便于检索`, `Give at least ${t.keywordsMin} keywords so it can be found`],
    ['price_stated', 15, isAmount(input.price) || input.negotiable === true,
      '填写转让价格或选择“面议”', 'Give a price or choose "negotiable"'],
  ]);
}

/** Scores a technology need (or a draft of one). */
export function assessNeedQuality(input: NeedQualityInput): QualityAssessment {
  const t = QUALITY_THRESHOLDS;
  return assess([
    ['problem_length', 25, chars(input.problem) >= t.problemMin,
      `技术难题描述不少于${t.problemMin}字`, `Describe the problem in at least ${t.problemMin} characters`],
    ['outcome_measurable', 25, hasDigit(input.desiredOutcome),
      '预期目标应可衡量（含具体指标数值，如“良品率达到99%”）', 'Make the desired outcome measurable (with a number, e.g. "99% yield")'],
    ['budget_stated', 20, isPlausibleBudget(input) || input.negotiable === true,
      '填写预算范围（不低于 1 万元）或选择“面议”', 'Give a budget range (at least 10,000 yuan) or choose "negotiable"'],
    ['deadline_set', 15, Boolean(input.deadline),
      '设定期望完成时间', 'Set a deadline'],
    ['keywords_count', 15, (input.keywords ?? []).filter((k) => k.trim()).length >= t.keywordsMin,
      `填写至少${t.keywordsMin}个关键词，便于匹配`, `Give at least ${t.keywordsMin} keywords so it can be matched`],
  ]);
}
