import { describe, expect, it } from 'vitest';
import { chinaToday, needCreateInput, needInput, needUpdateInput } from './need';

const validNeed = {
  title: '汽车轻量化碳纤维部件低成本成型',
  problem: '现有碳纤维部件成型周期长、成本高，难以在中低端车型上推广。',
  desiredOutcome: '成型周期缩短到5分钟以内',
  keywords: ['碳纤维', '轻量化'],
  industry: 'C36',
  budgetMin: 500_000,
  budgetMax: 2_000_000,
  deadline: '2099-12-31',
  cooperationModes: ['commissioned', 'joint_research'],
  city: '220200',
  confidentiality: 'public',
  contact: { name: '李工', phone: '13812345678', email: 'li@faw.example.cn' },
};

describe('technology need input', () => {
  it('accepts a budget range or 面议, not both and not neither', () => {
    expect(needCreateInput.safeParse(validNeed).success).toBe(true);
    expect(needCreateInput.safeParse({ ...validNeed, budgetMin: null, budgetMax: 300_000 }).success).toBe(true);
    expect(needCreateInput.safeParse({ ...validNeed, negotiable: true }).success).toBe(false);
    expect(needCreateInput.safeParse({ ...validNeed, budgetMin: undefined, budgetMax: undefined }).success).toBe(false);
    const range = needCreateInput.safeParse({ ...validNeed, budgetMin: 3_000_000 });
    expect(range.error?.issues.map((i) => i.message)).toEqual(['kz.budget_range']);
  });

  it('reports the budget and deadline rules together with other fields\' errors', () => {
    const r = needCreateInput.safeParse({ ...validNeed, title: '', budgetMin: 3_000_000, deadline: '2001-01-01' });
    expect(r.error?.issues.map((i) => `${i.path.join('.')}:${i.message.startsWith('kz.') ? i.message : 'zod'}`)).toEqual([
      'title:zod', 'budgetMax:kz.budget_range', 'deadline:kz.deadline_past',
    ]);
  });

  it('refuses a past deadline when it is given, but a stored need may keep one', () => {
    expect(needCreateInput.safeParse({ ...validNeed, deadline: '2001-01-01' }).error?.issues[0]?.message).toBe('kz.deadline_past');
    expect(needUpdateInput.safeParse({ deadline: '2001-01-01' }).success).toBe(false);
    expect(needUpdateInput.safeParse({ title: '新标题' }).success).toBe(true);
    expect(needInput.safeParse({ ...validNeed, deadline: '2001-01-01' }).success).toBe(true);
    expect(needCreateInput.safeParse({ ...validNeed, deadline: chinaToday() }).success).toBe(true);
  });

  it('knows the date in China around midnight UTC', () => {
    expect(chinaToday(new Date('2024-03-01T17:00:00Z'))).toBe('2024-03-02');
    expect(chinaToday(new Date('2024-03-01T15:59:00Z'))).toBe('2024-03-01');
  });

  it('refuses lifecycle fields and unknown cooperation modes', () => {
    expect(needCreateInput.safeParse({ ...validNeed, status: 'published' }).success).toBe(false);
    expect(needCreateInput.safeParse({ ...validNeed, cooperationModes: ['barter'] }).success).toBe(false);
    expect(needUpdateInput.safeParse({ org: '0123456789abcdef01234567' }).success).toBe(false);
  });
});
