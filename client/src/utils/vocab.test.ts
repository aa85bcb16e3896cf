import { describe, expect, it } from 'vitest';
import { formatRange, formatYuan } from './money';
import { isTerm, termLabel, termOptions } from './vocab';

describe('vocabulary labels', () => {
  it('labels codes in Chinese and English and shows unknown codes as they are', () => {
    expect(termLabel('industry', 'C36', 'zh-CN')).toBe('汽车制造业');
    expect(termLabel('maturity', 'pilot', 'en')).toBe('Pilot-scale trial');
    expect(termLabel('city', '222400', 'zh-CN')).toBe('延边朝鲜族自治州');
    expect(termLabel('orgType', 'institute', 'en')).toBe('Research institute');
    expect(termLabel('status', 'submitted', 'zh-CN')).toBe('审核中');
    expect(termLabel('band', 'negotiable', 'zh-CN')).toBe('面议');
    expect(termLabel('discipline', '999', 'zh-CN')).toBe('999');
    expect(termLabel('discipline', null)).toBe('');
  });

  it('knows which codes belong to a vocabulary and lists options in order', () => {
    expect(isTerm('transferMode', 'license')).toBe(true);
    expect(isTerm('transferMode', 'talent')).toBe(false);
    expect(termOptions('ipStatus', 'en')).toEqual([
      { value: 'pending', label: 'Pending' },
      { value: 'granted', label: 'Granted' },
      { value: 'none', label: 'None' },
    ]);
  });
});

describe('amounts', () => {
  it('formats amounts for reading in both languages', () => {
    expect(formatYuan(1_200_000, 'zh-CN')).toBe('120 万元');
    expect(formatYuan(8000, 'zh-CN')).toBe('8,000 元');
    expect(formatYuan(1_200_000, 'en')).toBe('¥1.2M');
    expect(formatYuan(50_000, 'en')).toBe('¥50k');
  });

  it('formats budget ranges with open ends', () => {
    expect(formatRange(300_000, 800_000, 'zh-CN')).toBe('30 万元 – 80 万元');
    expect(formatRange(null, 800_000, 'zh-CN')).toBe('80 万元以内');
    expect(formatRange(300_000, null, 'en')).toBe('from ¥300k');
    expect(formatRange(null, null)).toBeNull();
  });
});
