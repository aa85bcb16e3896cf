import { describe, expect, it } from 'vitest';
import { assessNeedQuality, assessResultQuality } from './quality';

const longText = (n: number) => '高'.repeat(n);

describe('result quality', () => {
  it('scores an empty form 0 with every check failing, and weights that add up to 100', () => {
    const q = assessResultQuality({});
    expect(q.score).toBe(0);
    expect(q.checks.every((c) => !c.ok)).toBe(true);
    expect(q.checks.reduce((s, c) => s + c.weight, 0)).toBe(100);
    expect(q.checks.map((c) => c.key)).toEqual([
      'advantages_quantified', 'ip_stated', 'maturity_stated', 'applications_present', 'summary_length', 'keywords_count', 'price_stated',
    ]);
    for (const c of q.checks) {
      expect(c.message.zh).toBeTruthy();
      expect(c.message.en).toBeTruthy();
    }
  });

  it('scores a complete result 100', () => {
    const q = assessResultQuality({
      summary: longText(100),
      keywords: ['玉米', '生物基', '聚乳酸'],
      maturity: 'pilot',
      ip: { items: [{ status: 'granted' }] },
      applications: longText(20),
      advantages: [{ value: '不含数字' }, { value: '降低 35' }],
      negotiable: true,
    });
    expect(q.score).toBe(100);
  });

  it('counts characters, not bytes, and needs a number in an advantage', () => {
    const q = assessResultQuality({ summary: longText(99), applications: `  ${longText(19)}  `, advantages: [{ value: '显著提高' }], price: 0, keywords: ['a', ' ', 'b'] });
    const ok = Object.fromEntries(q.checks.map((c) => [c.key, c.ok]));
    expect(ok).toMatchObject({ summary_length: false, applications_present: false, advantages_quantified: false, price_stated: true, keywords_count: false });
    expect(q.score).toBe(15);
    expect(assessResultQuality({ advantages: [{ value: '提高３０％' }] }).score).toBe(20); // full-width digits count
  });
});

describe('need quality', () => {
  it('scores each check by its weight', () => {
    expect(assessNeedQuality({}).score).toBe(0);
    expect(assessNeedQuality({ problem: longText(100) }).score).toBe(25);
    expect(assessNeedQuality({ desiredOutcome: '良品率达到99%' }).score).toBe(25);
    expect(assessNeedQuality({ desiredOutcome: '大幅提高良品率' }).score).toBe(0);
    expect(assessNeedQuality({ budgetMax: 500_000 }).score).toBe(20);
    // An implausible budget (50 元, meant as 50 万元; or a lone minimum of 0) is not a stated budget.
    expect(assessNeedQuality({ budgetMin: 10, budgetMax: 50 }).score).toBe(0);
    expect(assessNeedQuality({ budgetMin: 0 }).score).toBe(0);
    expect(assessNeedQuality({ budgetMin: 0, budgetMax: 10_000 }).score).toBe(20);
    expect(assessNeedQuality({ negotiable: true, deadline: '2030-01-01', keywords: ['a', 'b', 'c'] }).score).toBe(50);
    const all = assessNeedQuality({ problem: longText(120), desiredOutcome: '能耗降低20%', budgetMin: 0, budgetMax: 300_000, deadline: '2030-01-01', keywords: ['a', 'b', 'c'] });
    expect(all.score).toBe(100);
    expect(all.checks.reduce((s, c) => s + c.weight, 0)).toBe(100);
  });
});
