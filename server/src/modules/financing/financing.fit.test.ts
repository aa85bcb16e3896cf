import { describe, expect, it } from 'vitest';
import { fitProduct, fitProducts, type FitSubject } from './financing.fit';

const conditions = (c: Partial<Record<string, unknown>> = {}) => ({
  maturities: [], industries: [], cities: [], amountMin: null, amountMax: null, termMonthsMin: null, termMonthsMax: null, rateText: '', documents: [], ...c,
});
const result: FitSubject = { kind: 'result', maturity: 'pilot', industry: 'C28', cities: ['220100'], grantedPatents: 2, amount: 800_000, stage: null };

describe('fitProduct', () => {
  it('gives a reason for each stated condition met, in Chinese and English', () => {
    const o = fitProduct({ kind: 'ip_pledge', conditions: conditions({ maturities: ['pilot', 'industrial'], industries: ['C28'], cities: ['220100'], amountMin: 500_000, amountMax: 5_000_000 }) }, result);
    expect(o.fits).toBe(true);
    expect(o.unmet).toEqual([]);
    expect(o.reasons.map((r) => r.zh)).toEqual([
      '成熟度为中试，在产品支持的范围内（中试、产业化）',
      expect.stringContaining('行业为'),
      '所在地为长春市，在产品支持的范围内（长春市）',
      '金额80万元在产品额度内（50万元至500万元）',
      '有2项已授权专利可作质押',
    ]);
    expect(o.reasons[0]?.en).toBe('maturity Pilot-scale trial is among those the product serves (Pilot-scale trial, Industrialised)');
    expect(o.score).toBe(5);
  });

  it('an IP pledge loan without granted patents is unmet; a need’s unknown patents are not held against it', () => {
    expect(fitProduct({ kind: 'ip_pledge', conditions: conditions() }, { ...result, grantedPatents: 0 }).unmet[0]?.zh).toBe('知识产权质押贷款需要已授权的专利，此处没有');
    const need = fitProduct({ kind: 'ip_pledge', conditions: conditions({ maturities: ['industrial'] }) }, { ...result, kind: 'need', maturity: null, grantedPatents: null });
    expect(need.fits).toBe(true);
    expect(need.reasons[0]?.zh).toContain('需以企业已授权的专利作质押');
  });

  it('names the unmet conditions: wrong city, amount out of range, a closed deal', () => {
    const o = fitProduct({ kind: 'credit_guarantee', conditions: conditions({ cities: ['222400'], amountMax: 300_000 }) }, { ...result, kind: 'deal', stage: 'terminated' });
    expect(o.fits).toBe(false);
    expect(o.unmet.map((u) => u.zh)).toEqual(['洽谈已结束', '产品只面向所在地为延边朝鲜族自治州的项目，此处为长春市', '金额80万元超出产品额度（30万元以内）']);
  });
});

describe('fitProducts', () => {
  it('lists fitting products best first, then those missing one condition, and drops the rest', () => {
    const wide = { kind: 'venture' as const, conditions: conditions() };
    const exact = { kind: 'leasing' as const, conditions: conditions({ maturities: ['pilot'], industries: ['C28'] }) };
    const nearly = { kind: 'leasing' as const, conditions: conditions({ maturities: ['lab'] }) };
    const far = { kind: 'leasing' as const, conditions: conditions({ maturities: ['lab'], cities: ['222400'] }) };
    expect(fitProducts([wide, far, nearly, exact], result).map((o) => o.product)).toEqual([exact, wide, nearly]);
  });
});
