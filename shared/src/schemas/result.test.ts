import { describe, expect, it } from 'vitest';
import { toFieldErrors } from '../i18n/issues';
import { resultInput, resultUpdateInput } from './result';

export const validResult = {
  title: '玉米秸秆制备聚乳酸关键技术',
  summary: '以玉米秸秆为原料，经预处理、酶解、发酵制备L-乳酸并聚合为聚乳酸，原料成本降低。',
  keywords: ['玉米秸秆', '聚乳酸', '生物基材料'],
  discipline: '530',
  industry: 'C28',
  maturity: 'pilot',
  trl: 6,
  ip: { items: [{ type: 'invention', number: 'ZL 2014 1 0345054.1', status: 'granted' }, { type: 'know_how', status: 'none' }] },
  transferModes: ['license', 'co_development', 'license'],
  price: 800_000,
  city: '220100',
  contact: { name: '王老师', phone: '0431-85166666', email: 'Wang@JLU.edu.cn ' },
};

function paths(r: { success: boolean; error?: { issues: Parameters<typeof toFieldErrors>[0] } }) {
  return r.error ? toFieldErrors(r.error.issues).map((f) => `${f.path}:${f.message}`) : [];
}

describe('research result input', () => {
  it('accepts a complete result and normalises it', () => {
    const r = resultInput.parse(validResult);
    expect(r.ip?.items[0]?.number).toBe('ZL201410345054.1');
    expect(r.transferModes).toEqual(['license', 'co_development']);
    expect(r.contact.email).toBe('wang@jlu.edu.cn');
  });

  it('asks to choose a missing or unknown select value instead of reciting the code table', () => {
    const { industry: _i, ...noIndustry } = validResult;
    const missing = resultInput.safeParse(noIndustry);
    const fields = toFieldErrors(missing.error?.issues ?? []);
    expect(fields).toEqual([expect.objectContaining({ path: 'industry', message: '请选择应用行业', messageEn: 'Choose the application industry' })]);
    const unknown = toFieldErrors(resultInput.safeParse({ ...validResult, discipline: '999', transferModes: ['gift'] }).error?.issues ?? []);
    expect(unknown.map((f) => `${f.path}:${f.message}`)).toEqual(['discipline:请选择学科领域', 'transferModes.0:请选择转化方式']);
    expect(unknown.every((f) => !/可选|C28|530|license/.test(f.message + f.messageEn))).toBe(true);
  });

  it('strips bidi overrides, zero-width and control characters from every text field, keeping line breaks', () => {
    const r = resultInput.parse({
      ...validResult,
      title: '\u202E玉米秸秆\u200B制备\u0007聚乳酸\u2066技术\u2069',
      summary: '第一段：以玉米秸秆为原料。\r\n第二段：\u202D经预处理、酶解、发酵制备。',
      keywords: ['\u200F玉米秸秆', '聚乳酸'],
      contact: { ...validResult.contact, name: '王\u0000老师' },
    });
    expect(r.title).toBe('玉米秸秆制备聚乳酸技术');
    expect(r.summary).toBe('第一段：以玉米秸秆为原料。\r\n第二段：经预处理、酶解、发酵制备。');
    expect(r.keywords).toEqual(['玉米秸秆', '聚乳酸']);
    expect(r.contact.name).toBe('王老师');
    // A title made only of such characters is empty, not "filled".
    expect(resultInput.safeParse({ ...validResult, title: '\u202E\u202C' }).success).toBe(false);
  });

  it('keeps every keyword of a paper with 15 of them, and refuses more than 20 instead of cutting', () => {
    const fifteen = Array.from({ length: 15 }, (_, i) => `关键词${i + 1}`);
    expect(resultInput.parse({ ...validResult, keywords: fifteen }).keywords).toEqual(fifteen);
    const many = resultInput.safeParse({ ...validResult, keywords: Array.from({ length: 21 }, (_, i) => `词${i}`) });
    expect(many.success).toBe(false);
    expect(paths(many)[0]).toMatch(/^keywords:/);
  });

  it('wants a price or 面议, exactly one', () => {
    const { price: _p, ...noPrice } = validResult;
    expect(paths(resultInput.safeParse(noPrice))).toEqual(['price:请填写价格或选择“面议”（二选一）']);
    expect(resultInput.safeParse({ ...validResult, negotiable: true }).success).toBe(false);
    expect(resultInput.safeParse({ ...noPrice, negotiable: true }).success).toBe(true);
    expect(resultInput.safeParse({ ...noPrice, negotiable: false }).success).toBe(false);
  });

  it('checks patent numbers, IP status and TRL against maturity', () => {
    const bad = resultInput.safeParse({
      ...validResult,
      trl: 9,
      ip: { items: [{ type: 'invention', number: 'ZL201410345054.2', status: 'granted' }, { type: 'utility', number: 'ZL201410345054.1', status: 'granted' }, { type: 'invention', number: 'ZL201620406833.2', status: 'pending' }, { type: 'know_how', status: 'granted' }] },
    });
    expect(paths(bad).map((p) => p.split(':')[0])).toEqual(['ip.items.0.number', 'ip.items.1.number', 'ip.items.2.number', 'ip.items.2.status', 'ip.items.3.status', 'trl']);
  });

  it('reports the price and TRL rules beside other fields\' errors, not only once those are fixed', () => {
    const { price: _p, ...noPrice } = validResult;
    const both = paths(resultInput.safeParse({ ...noPrice, title: '', trl: 9 })).map((p) => p.split(':')[0]);
    expect(both).toEqual(['title', 'price', 'trl']);
    // A rule whose own fields are invalid stays quiet: the field's own message says what is wrong.
    expect(paths(resultInput.safeParse({ ...noPrice, price: -1 })).map((p) => p.split(':')[0])).toEqual(['price']);
    expect(paths(resultInput.safeParse({ ...validResult, maturity: 'x', trl: 9 })).map((p) => p.split(':')[0])).toEqual(['maturity']);
  });

  it('refuses unknown fields, operators and lifecycle fields', () => {
    for (const extra of [{ status: 'published' }, { owner: 'x' }, { searchV: 9 }, { history: [] }, { _id: 'x' }]) {
      expect(resultInput.safeParse({ ...validResult, ...extra }).success).toBe(false);
      expect(resultUpdateInput.safeParse({ title: '新标题', ...extra }).success).toBe(false);
    }
    expect(resultInput.safeParse({ ...validResult, title: { $ne: null } }).success).toBe(false);
    expect(resultInput.safeParse({ ...validResult, discipline: '999' }).success).toBe(false);
  });

  it('takes partial edits but not empty ones, and adds no defaults', () => {
    expect(resultUpdateInput.parse({ title: ' 新标题 ' })).toEqual({ title: '新标题' });
    expect(resultUpdateInput.safeParse({}).success).toBe(false);
  });
});
