import { describe, expect, it } from 'vitest';
import { keyTerms, termsFoundIn } from './key-terms';

describe('key terms of a listing', () => {
  it('puts the listing’s keywords first and adds the most telling words of its text', () => {
    const terms = keyTerms({
      title: '大丝束碳纤维低成本预氧化工艺与能耗优化',
      keywords: ['碳纤维', '预氧化'],
      body: '公司生产48K大丝束碳纤维，预氧化工序时间长、能耗占全线40%以上，希望优化温度梯度和牵伸制度。',
    });
    expect(terms.slice(0, 2)).toEqual(['碳纤维', '预氧化']);
    expect(terms.length).toBeLessThanOrEqual(6);
    expect(terms).toContain('丝束');
    expect(terms.some((t) => /^\d/.test(t))).toBe(false);
  });

  it('finds terms in another text, also through a synonym', () => {
    expect(termsFoundIn(['碳纤维', '电动汽车', '区块链'], '一种用于新能源汽车的碳纤维电池壳体')).toEqual(['碳纤维', '电动汽车']);
  });

  it('does not take a short Latin abbreviation for a Chinese term (碳纤维 is not any "CF")', () => {
    expect(termsFoundIn(['碳纤维'], '复合肥（CF）在玉米上的施用效果')).toEqual([]);
    expect(termsFoundIn(['碳纤维'], '碳素纤维增强复合材料')).toEqual(['碳纤维']);
  });
});
