import { describe, expect, it } from 'vitest';
import { summaryKeyLabel } from './service-summary-labels';

describe('summaryKeyLabel', () => {
  it('names cities, counties and industries in both languages, and the unknown as such', () => {
    expect(summaryKeyLabel('city', '220100', 'zh')).toBe('长春市');
    expect(summaryKeyLabel('city', '220100', 'en')).toBe('Changchun');
    expect(summaryKeyLabel('county', '220102', 'zh')).toBe('南关区');
    expect(summaryKeyLabel('industry', 'C36', 'zh')).toContain('汽车');
    expect(summaryKeyLabel('county', '-', 'zh')).toBe('未限定区县');
    expect(summaryKeyLabel('city', '-', 'en')).toBe('Not given');
    expect(summaryKeyLabel('city', '999999', 'zh')).toBe('999999');
  });
});
