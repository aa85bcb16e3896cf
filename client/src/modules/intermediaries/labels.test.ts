import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import { kindLabel, orderStatusLabel, priceText } from './labels';

const t = (key: string, args?: Record<string, unknown>) => i18n.global.t(key, args ?? {});
const price = (p: Partial<{ mode: 'fixed' | 'range' | 'negotiable'; amount: number; min: number; max: number }>) => ({ mode: 'negotiable' as const, amount: null, min: null, max: null, ...p });

describe('intermediary labels', () => {
  it('names kinds and order statuses in the UI language, unknown codes as they are', () => {
    expect(kindLabel('evaluation', 'zh-CN')).toBe('技术评估');
    expect(kindLabel('evaluation', 'en')).toBe('Technology evaluation');
    expect(orderStatusLabel('delivered', 'zh-CN')).toBe('已交付待验收');
    expect(kindLabel('nope', 'zh-CN')).toBe('nope');
  });

  it('writes a price as 面议, an amount or a range with thousands separators', () => {
    expect(priceText(price({}), t, 'zh-CN')).toBe('面议');
    expect(priceText(price({ mode: 'fixed', amount: 38000 }), t, 'zh-CN')).toBe('38,000 元');
    expect(priceText(price({ mode: 'range', min: 20000, max: 50000 }), t, 'zh-CN')).toBe('20,000 – 50,000 元');
  });
});
