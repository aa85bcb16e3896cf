import { describe, expect, it } from 'vitest';
import { budgetFit, cityFit, combine, disciplineFit, freshnessFit, industryFit, maturityFit, termsFit } from './factors';

const now = new Date('2026-06-01T00:00:00Z');
const months = (n: number) => new Date(now.getTime() + n * 30 * 86_400_000);

describe('recommendation factors', () => {
  it('rates industries equal, in one section, or apart', () => {
    expect(industryFit('C36', 'C36')).toMatchObject({ fit: 1, zh: '行业一致：汽车制造业' });
    expect(industryFit('C36', 'C28')).toMatchObject({ fit: 0.6, zh: '同属制造业' });
    expect(industryFit('C36', 'A').fit).toBe(0);
  });

  it('rates disciplines equal, in one category, or apart', () => {
    expect(disciplineFit('430', '430').fit).toBe(1);
    expect(disciplineFit('430', '460').fit).toBe(0.5);
    expect(disciplineFit('430', '110').fit).toBe(0);
    expect(disciplineFit(null, '110').fit).toBe(0.5);
    expect(disciplineFit(null, '110', true)).toMatchObject({ fit: 0.5, zh: '需求的学科未公开' });
  });

  it('asks more maturity for nearer deadlines', () => {
    expect(maturityFit('industrial', months(3), now).fit).toBe(1);
    expect(maturityFit('lab', months(3), now).fit).toBeLessThan(0.2);
    expect(maturityFit('lab', months(30), now).fit).toBe(1);
    expect(maturityFit('pilot', months(9), now).zh).toContain('中试');
    // A deadline the viewer may not see is neither stated nor called "none".
    expect(maturityFit('pilot', null, now, true).zh).toBe('成熟度：中试，需求期限未公开，可按期落地');
  });

  it('compares price with budget in sentences that are true, zh and en', () => {
    const range = { amounts: { min: 500_000, max: 1_000_000 } };
    expect(budgetFit(800_000, range)).toMatchObject({ fit: 1, zh: '报价 80 万元，在预算 50 万元–100 万元 内', en: 'Price CNY 800,000, within the budget (CNY 500,000–CNY 1,000,000)' });
    // Below the range is cheaper than asked for, not "within".
    expect(budgetFit(300_000, range)).toMatchObject({ fit: 0.8, zh: '报价 30 万元，低于预算 50 万元–100 万元', en: 'Price CNY 300,000, below the budget (CNY 500,000–CNY 1,000,000)' });
    expect(budgetFit(1_400_000, range)).toMatchObject({ fit: 0.5, zh: '报价 140 万元，超出预算 50 万元–100 万元', en: 'Price CNY 1,400,000, above the budget (CNY 500,000–CNY 1,000,000)' });
    expect(budgetFit(5_000_000, { amounts: { min: null, max: 1_000_000 } })).toMatchObject({ fit: 0, zh: '报价 500 万元，超出预算 不超过 100 万元' });
    // Only a lower bound: a price under it is below, one over it is within (it was "面议" before).
    expect(budgetFit(1_000_000, { amounts: { min: 2_000_000, max: null } })).toMatchObject({ fit: 0.8, zh: '报价 100 万元，低于预算 不低于 200 万元' });
    expect(budgetFit(3_000_000, { amounts: { min: 2_000_000, max: null } })).toMatchObject({ fit: 1, en: 'Price CNY 3,000,000, within the budget (at least CNY 2,000,000)' });
    expect(budgetFit(800_000, { amounts: { min: null, max: null } })).toMatchObject({ fit: 0.6, zh: '报价 80 万元，需求预算面议', en: 'Price CNY 800,000; budget negotiable' });
    expect(budgetFit(null, range)).toMatchObject({ fit: 0.6, zh: '成果价格面议' });
    expect(budgetFit(800_000, null)).toMatchObject({ fit: 0.5, zh: '报价 80 万元，需求预算未注明', en: 'Price CNY 800,000; budget not given' });
  });

  it('compares price with the band alone when the budget is not disclosed', () => {
    expect(budgetFit(800_000, { band: '50w_100w' })).toMatchObject({ fit: 0.8, zh: '报价 80 万元，在需求的预算区间（50万–100万元）内' });
    expect(budgetFit(300_000, { band: '50w_100w' })).toMatchObject({ zh: '报价 30 万元，低于需求的预算区间（50万–100万元）' });
    expect(budgetFit(1_200_000, { band: '50w_100w' })).toMatchObject({ fit: 0.5, en: 'Price CNY 1,200,000, above the budget band (¥500k–1M)' });
    expect(budgetFit(800_000, { band: 'negotiable' }).zh).toBe('报价 80 万元，需求预算面议');
    expect(JSON.stringify(budgetFit(800_000, { band: '50w_100w' }))).not.toMatch(/万元–|CNY 1,000,000/);
  });

  it('prefers the same city and newer listings', () => {
    expect(cityFit('220100', '220100')).toMatchObject({ fit: 1, zh: '同在长春市' });
    expect(cityFit('220100', '222400').fit).toBe(0.5);
    expect(freshnessFit(new Date(now.getTime() - 10 * 86_400_000), now).fit).toBe(1);
    expect(freshnessFit(new Date(now.getTime() - 800 * 86_400_000), now).fit).toBe(0.2);
  });

  it('combines fits into a 0–100 score with the strongest reasons first', () => {
    const all = combine([
      termsFit(['碳纤维', '预氧化', '能耗'], ['碳纤维', '预氧化']),
      industryFit('C28', 'C28'),
      disciplineFit('430', '430'),
      maturityFit('pilot', months(18), now),
      budgetFit(null, null),
      cityFit('220200', '220200'),
      freshnessFit(now, now),
    ]);
    expect(all.score).toBe(Math.round(40 * (2 / 3) + 15 + 10 + 10 + 6 + 5 + 10));
    expect(all.reasons[0]?.factor).toBe('terms');
    expect(all.reasons.map((r) => r.points)).toEqual([...all.reasons.map((r) => r.points)].sort((a, b) => b - a));
    const none = combine([termsFit(['a1'], []), industryFit('A', 'C36')]);
    expect(none.score).toBe(0);
  });
});
