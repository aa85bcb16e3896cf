/**
 * Which financing products fit a result, a need or a deal room, and why: pure scoring over the
 * subject's facts and each product's conditions. A condition the product states and the subject
 * meets is a reason; one it misses is unmet; a fact the subject does not have (a need's maturity)
 * counts neither way. An IP pledge loan needs granted patents.
 */
import { CITIES, DEAL_CLOSED_STAGES, INDUSTRIES, MATURITY_LEVELS, type DealStage, type FinancingSubjectKind, type FitReason } from '@kezhuan/shared';
import type { FinancingProductRecord } from './financing.model';

/** What scoring knows of a subject; null: not known. */
export interface FitSubject {
  kind: FinancingSubjectKind;
  maturity: string | null;
  industry: string | null;
  /** The cities concerned: a result's organisation, a need's city, a deal's parties. */
  cities: string[];
  /** Granted patents the subject can pledge; null when unknown (a need). */
  grantedPatents: number | null;
  /** The money concerned (yuan): a need's budget, a deal's contract amount, a result's price. */
  amount: number | null;
  stage: DealStage | null;
}

export interface FitOutcome<P> {
  product: P;
  fits: boolean;
  score: number;
  reasons: FitReason[];
  unmet: FitReason[];
}

type Conditions = FinancingProductRecord['conditions'];
type Scored = Pick<FinancingProductRecord, 'kind' | 'conditions'>;

const label = (list: readonly { code: string; zh: string; en: string }[], code: string) => list.find((t) => t.code === code) ?? { zh: code, en: code };
const labels = (list: readonly { code: string; zh: string; en: string }[], codes: readonly string[]) => ({
  zh: codes.map((c) => label(list, c).zh).join('、'),
  en: codes.map((c) => label(list, c).en).join(', '),
});

/** An amount in yuan as people say it: 万元 in Chinese, yuan with separators in English. */
export function money(yuan: number): FitReason {
  const wan = yuan / 10_000;
  return { zh: `${Number.isInteger(wan) ? wan : wan.toFixed(1)}万元`, en: `¥${yuan.toLocaleString('en-US')}` };
}

function rangeText(c: Conditions): FitReason {
  if (c.amountMin !== null && c.amountMax !== null) {
    return { zh: `${money(c.amountMin).zh}至${money(c.amountMax).zh}`, en: `${money(c.amountMin).en} to ${money(c.amountMax).en}` };
  }
  if (c.amountMin !== null) {
    return { zh: `${money(c.amountMin).zh}以上`, en: `from ${money(c.amountMin).en}` };
  }
  return { zh: `${money(c.amountMax ?? 0).zh}以内`, en: `up to ${money(c.amountMax ?? 0).en}` };
}

function checkList(out: { reasons: FitReason[]; unmet: FitReason[] }, list: readonly { code: string; zh: string; en: string }[], wanted: readonly string[], have: readonly string[], what: FitReason): void {
  if (!wanted.length || !have.length) {
    return;
  }
  const hit = have.filter((h) => wanted.includes(h));
  const asked = labels(list, wanted);
  if (hit.length) {
    const got = labels(list, hit);
    out.reasons.push({ zh: `${what.zh}为${got.zh}，在产品支持的范围内（${asked.zh}）`, en: `${what.en} ${got.en} is among those the product serves (${asked.en})` });
  } else {
    const got = labels(list, have);
    out.unmet.push({ zh: `产品只面向${what.zh}为${asked.zh}的项目，此处为${got.zh}`, en: `The product serves ${what.en} ${asked.en} only; here it is ${got.en}` });
  }
}

/** One product against one subject. */
export function fitProduct<P extends Scored>(product: P, s: FitSubject): FitOutcome<P> {
  const out = { reasons: [] as FitReason[], unmet: [] as FitReason[] };
  const c = product.conditions;
  if (s.stage && DEAL_CLOSED_STAGES.includes(s.stage)) {
    out.unmet.push({ zh: '洽谈已结束', en: 'The deal is closed' });
  }
  checkList(out, MATURITY_LEVELS, c.maturities, s.maturity ? [s.maturity] : [], { zh: '成熟度', en: 'maturity' });
  checkList(out, INDUSTRIES, c.industries, s.industry ? [s.industry] : [], { zh: '行业', en: 'industry' });
  checkList(out, CITIES, c.cities, s.cities, { zh: '所在地', en: 'location' });
  if ((c.amountMin !== null || c.amountMax !== null) && s.amount !== null && s.amount > 0) {
    const range = rangeText(c);
    const m = money(s.amount);
    if (c.amountMin !== null && s.amount < c.amountMin) {
      out.unmet.push({ zh: `金额${m.zh}低于产品起点（${range.zh}）`, en: `The amount ${m.en} is below the product’s range (${range.en})` });
    } else if (c.amountMax !== null && s.amount > c.amountMax) {
      out.unmet.push({ zh: `金额${m.zh}超出产品额度（${range.zh}）`, en: `The amount ${m.en} is above the product’s range (${range.en})` });
    } else {
      out.reasons.push({ zh: `金额${m.zh}在产品额度内（${range.zh}）`, en: `The amount ${m.en} is within the product’s range (${range.en})` });
    }
  }
  if (product.kind === 'ip_pledge') {
    if (s.grantedPatents === null) {
      out.reasons.push({ zh: '需以企业已授权的专利作质押（申请时说明）', en: 'Needs the enterprise’s granted patents as pledge (state them when applying)' });
    } else if (s.grantedPatents > 0) {
      out.reasons.push({ zh: `有${s.grantedPatents}项已授权专利可作质押`, en: `${s.grantedPatents} granted patent(s) can be pledged` });
    } else {
      out.unmet.push({ zh: '知识产权质押贷款需要已授权的专利，此处没有', en: 'An IP pledge loan needs granted patents; there are none here' });
    }
  }
  if (product.kind === 'venture' && s.stage && ['signing', 'implementation'].includes(s.stage)) {
    out.reasons.push({ zh: '洽谈已进入签约/实施，适合引入投资', en: 'The deal is at signing or implementation, a time for investment' });
  }
  const score = out.reasons.length;
  return { product, fits: out.unmet.length === 0, score, reasons: out.reasons, unmet: out.unmet };
}

/** Products that fit, best first, then those missing one condition (at most `limit` in all). */
export function fitProducts<P extends Scored>(products: readonly P[], s: FitSubject, limit = 12): FitOutcome<P>[] {
  const scored = products.map((p) => fitProduct(p, s));
  const fitting = scored.filter((o) => o.fits).sort((a, b) => b.score - a.score);
  const nearly = scored.filter((o) => o.unmet.length === 1).sort((a, b) => b.score - a.score);
  return [...fitting, ...nearly].slice(0, limit);
}
