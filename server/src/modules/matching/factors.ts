/**
 * The factors of a recommendation between a technology need and a research result, each a fit in
 * [0, 1] with a sentence a person can read in Chinese and English. Pure functions: the service
 * feeds them the two listings' fields.
 */
import { CITIES, DISCIPLINES, INDUSTRY_SECTIONS, MANUFACTURING_DIVISIONS, MATURITY_LEVELS, PRICE_BANDS, type MatchReasonView, type PriceBand } from '@kezhuan/shared';

type Factor = MatchReasonView['factor'];

/** Points each factor can contribute; they add up to 100. */
export const FACTOR_WEIGHTS: Record<Factor, number> = {
  terms: 40,
  industry: 15,
  discipline: 10,
  maturity: 10,
  budget: 10,
  city: 5,
  freshness: 10,
};

export interface FactorFit {
  factor: Factor;
  fit: number;
  zh: string;
  en: string;
}

const DAY = 86_400_000;
const wan = (yuan: number) => `${(yuan / 10_000).toLocaleString('zh-CN', { maximumFractionDigits: 1 })} 万元`;
const yuanEn = (yuan: number) => `CNY ${Math.round(yuan).toLocaleString("en")}`;

/** Terms of one listing found in the other's text; `terms` are the source listing's key terms. */
export function termsFit(terms: readonly string[], found: readonly string[]): FactorFit {
  const wanted = Math.min(terms.length, 5);
  const fit = wanted === 0 ? 0 : Math.min(1, found.length / wanted);
  if (found.length === 0) {
    return { factor: 'terms', fit: 0, zh: '没有共同的关键词', en: 'No key terms in common' };
  }
  const list = found.slice(0, 5);
  return {
    factor: 'terms',
    fit,
    zh: `关键词匹配：${list.join('、')}（${found.length}/${terms.length}）`,
    en: `Matching terms: ${list.join(', ')} (${found.length}/${terms.length})`,
  };
}

function disciplineName(code: string) {
  return DISCIPLINES.find((d) => d.code === code);
}

/** `aHidden`: the first listing's discipline is not disclosed to this viewer. */
export function disciplineFit(a: string | null, b: string | null, aHidden = false): FactorFit {
  if (aHidden) {
    return { factor: 'discipline', fit: 0.5, zh: '需求的学科未公开', en: 'The need’s discipline is not disclosed' };
  }
  if (!a || !b) {
    return { factor: 'discipline', fit: 0.5, zh: '一方未注明学科', en: 'Discipline not given on one side' };
  }
  const da = disciplineName(a);
  const db = disciplineName(b);
  if (a === b) {
    return { factor: 'discipline', fit: 1, zh: `学科一致：${da?.zh ?? a}`, en: `Same discipline: ${da?.en ?? a}` };
  }
  if (da && db && da.category === db.category) {
    return { factor: 'discipline', fit: 0.5, zh: `学科相近：${da.zh} / ${db.zh}`, en: `Related disciplines: ${da.en} / ${db.en}` };
  }
  return { factor: 'discipline', fit: 0, zh: `学科不同：${da?.zh ?? a} / ${db?.zh ?? b}`, en: `Different disciplines: ${da?.en ?? a} / ${db?.en ?? b}` };
}

function industryName(code: string): { zh: string; en: string } {
  return MANUFACTURING_DIVISIONS.find((d) => d.code === code) ?? INDUSTRY_SECTIONS.find((s) => s.code === code) ?? { zh: code, en: code };
}

/** Industries agree on the code, or share a GB/T 4754 section (C36 and C28 are both 制造业). */
export function industryFit(a: string, b: string): FactorFit {
  const na = industryName(a);
  if (a === b) {
    return { factor: 'industry', fit: 1, zh: `行业一致：${na.zh}`, en: `Same industry: ${na.en}` };
  }
  if (a.charAt(0) === b.charAt(0)) {
    const section = industryName(a.charAt(0));
    return { factor: 'industry', fit: 0.6, zh: `同属${section.zh}`, en: `Both in ${section.en}` };
  }
  const nb = industryName(b);
  return { factor: 'industry', fit: 0, zh: `行业不同：${na.zh} / ${nb.zh}`, en: `Different industries: ${na.en} / ${nb.en}` };
}

/**
 * How well a result's maturity suits a need: an enterprise with a near deadline needs a technology
 * close to production; a distant deadline leaves room for joint development from an earlier stage.
 * A deadline not disclosed to the viewer counts as none, and the sentence says it is not disclosed.
 */
export function maturityFit(maturity: string | null, deadline: Date | null, now: Date, deadlineHidden = false): FactorFit {
  const level = MATURITY_LEVELS.find((m) => m.code === maturity);
  if (!level) {
    return { factor: 'maturity', fit: 0.5, zh: '成熟度未注明', en: 'Maturity not given' };
  }
  const rank = MATURITY_LEVELS.indexOf(level); // 0 lab … 3 industrial
  const months = deadline ? (deadline.getTime() - now.getTime()) / (30 * DAY) : 12;
  const needed = months <= 6 ? 3 : months <= 12 ? 2 : months <= 24 ? 1 : 0;
  const fit = rank >= needed ? 1 : Math.max(0.1, 1 - (needed - rank) * 0.35);
  const horizon = deadlineHidden ? '需求期限未公开' : deadline ? `距期限约 ${Math.max(0, Math.round(months))} 个月` : '未设期限';
  const horizonEn = deadlineHidden ? 'deadline not disclosed' : deadline ? `about ${Math.max(0, Math.round(months))} months to the deadline` : 'no deadline';
  return {
    factor: 'maturity',
    fit,
    zh: `成熟度：${level.zh}，${horizon}${fit === 1 ? '，可按期落地' : '，需要进一步开发'}`,
    en: `Maturity: ${level.en}; ${horizonEn}${fit === 1 ? ', ready in time' : ', needs further development'}`,
  };
}

/**
 * A need's budget as the viewer may see it: amounts (either bound open; both null is 面议), only its
 * band (the amounts are not disclosed to this viewer), or nothing known.
 */
export type BudgetSeen = { amounts: { min: number | null; max: number | null } } | { band: PriceBand } | null;

function rangeText(min: number | null, max: number | null): { zh: string; en: string } {
  if (min !== null && max !== null) {
    return { zh: `${wan(min)}–${wan(max)}`, en: `${yuanEn(min)}–${yuanEn(max)}` };
  }
  return max !== null ? { zh: `不超过 ${wan(max)}`, en: `up to ${yuanEn(max)}` } : { zh: `不低于 ${wan(min ?? 0)}`, en: `at least ${yuanEn(min ?? 0)}` };
}

/** Over budget: the further over, the weaker the fit. */
const overFit = (price: number, limit: number) => (price / limit <= 1.5 ? 0.5 : price / limit <= 3 ? 0.2 : 0);

/**
 * A result's price against a need's budget, in a sentence that is true: within, below or above the
 * range, against the band alone when the amounts are not disclosed, and 面议 or unknown as neutral.
 */
export function budgetFit(price: number | null, budget: BudgetSeen): FactorFit {
  if (price === null) {
    return { factor: 'budget', fit: 0.6, zh: '成果价格面议', en: 'Price negotiable' };
  }
  const p = { zh: `报价 ${wan(price)}`, en: `Price ${yuanEn(price)}` };
  if (budget === null) {
    return { factor: 'budget', fit: 0.5, zh: `${p.zh}，需求预算未注明`, en: `${p.en}; budget not given` };
  }
  if ('band' in budget) {
    const band = PRICE_BANDS.find((b) => b.code === budget.band);
    if (!band || band.min === null) {
      return { factor: 'budget', fit: 0.6, zh: `${p.zh}，需求预算面议`, en: `${p.en}; budget negotiable` };
    }
    if (price >= band.max) {
      return { factor: 'budget', fit: overFit(price, band.max), zh: `${p.zh}，高于需求的预算区间（${band.zh}）`, en: `${p.en}, above the budget band (${band.en})` };
    }
    if (price < band.min) {
      return { factor: 'budget', fit: 0.8, zh: `${p.zh}，低于需求的预算区间（${band.zh}）`, en: `${p.en}, below the budget band (${band.en})` };
    }
    return { factor: 'budget', fit: 0.8, zh: `${p.zh}，在需求的预算区间（${band.zh}）内`, en: `${p.en}, within the budget band (${band.en})` };
  }
  const { min, max } = budget.amounts;
  if (min === null && max === null) {
    return { factor: 'budget', fit: 0.6, zh: `${p.zh}，需求预算面议`, en: `${p.en}; budget negotiable` };
  }
  const range = rangeText(min, max);
  if (max !== null && price > max) {
    return { factor: 'budget', fit: overFit(price, max), zh: `${p.zh}，超出预算 ${range.zh}`, en: `${p.en}, above the budget (${range.en})` };
  }
  if (min !== null && price < min) {
    return { factor: 'budget', fit: 0.8, zh: `${p.zh}，低于预算 ${range.zh}`, en: `${p.en}, below the budget (${range.en})` };
  }
  return { factor: 'budget', fit: 1, zh: `${p.zh}，在预算 ${range.zh} 内`, en: `${p.en}, within the budget (${range.en})` };
}

export function cityFit(a: string, b: string): FactorFit {
  const ca = CITIES.find((c) => c.code === a);
  if (a === b) {
    return { factor: 'city', fit: 1, zh: `同在${ca?.zh ?? a}`, en: `Both in ${ca?.en ?? a}` };
  }
  const cb = CITIES.find((c) => c.code === b);
  return { factor: 'city', fit: 0.5, zh: `${ca?.zh ?? a}与${cb?.zh ?? b}，均在吉林省内`, en: `${ca?.en ?? a} and ${cb?.en ?? b}, both in Jilin` };
}

/** Newer listings first: full marks within 90 days, falling to 0.2 at two years. */
export function freshnessFit(publishedAt: Date | null, now: Date): FactorFit {
  if (!publishedAt) {
    return { factor: 'freshness', fit: 0.2, zh: '发布时间不详', en: 'Publication date unknown' };
  }
  const days = Math.max(0, Math.round((now.getTime() - publishedAt.getTime()) / DAY));
  const fit = days <= 90 ? 1 : Math.max(0.2, 1 - ((days - 90) / (730 - 90)) * 0.8);
  return { factor: 'freshness', fit, zh: `${days} 天前发布`, en: `Published ${days} days ago` };
}

/** Weights the fits into a 0–100 score and the reasons the API shows, strongest first. */
export function combine(fits: readonly FactorFit[]): { score: number; reasons: MatchReasonView[] } {
  const reasons = fits.map((f) => ({ ...f, fit: Math.round(f.fit * 100) / 100, points: Math.round(f.fit * FACTOR_WEIGHTS[f.factor] * 10) / 10 }));
  const score = Math.round(reasons.reduce((s, r) => s + r.points, 0));
  reasons.sort((a, b) => b.points - a.points);
  return { score: Math.min(100, score), reasons };
}
