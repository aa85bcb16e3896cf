import { needCreateInput, type NeedFullView } from '@kezhuan/shared';
import { describe, expect, it } from 'vitest';
import { buildUser, NEED_ID, ORG_ID } from '../../testing/fixtures';
import { emptyNeedForm, needFormFromView, needInputFromForm } from './form';

function needView(overrides: Partial<NeedFullView> = {}): NeedFullView {
  return {
    disclosure: 'full',
    id: NEED_ID,
    kind: 'need',
    title: '预氧化炉节能改造',
    industry: 'C28',
    city: '220200',
    budgetBand: '100w_500w',
    confidentiality: 'public',
    status: 'published',
    publishedAt: null,
    lastConfirmedAt: null,
    expiresAt: null,
    updatedAt: '2026-01-01T00:00:00.000Z',
    keywords: ['碳纤维'],
    discipline: null,
    county: null,
    cooperationModes: ['license'],
    deadline: '2020-01-01',
    org: { id: ORG_ID, name: '吉林化纤', type: 'enterprise', verified: true },
    problem: '预氧化炉能耗高，温度场不均。',
    desiredOutcome: '能耗降低 20%',
    budgetMin: 2_000_000,
    budgetMax: 5_000_000,
    negotiable: false,
    contact: { name: '王强', phone: '0432-63502000', email: 'w@example.cn' },
    history: [],
    returnReason: null,
    submittedAt: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    quality: { score: 60, checks: [] },
    ...overrides,
  };
}

describe('technology-need form model', () => {
  it('starts public, with the user as contact', () => {
    const m = emptyNeedForm(buildUser('enterprise'));
    expect(m.confidentiality).toBe('public');
    expect(m.contact.name).toBe('李明');
  });

  it('turns empty optional fields into null', () => {
    const model = emptyNeedForm(buildUser('enterprise'));
    Object.assign(model, {
      title: '秸秆利用',
      problem: '秸秆综合利用率低，附加值不高。',
      desiredOutcome: '利用率 90%',
      keywords: ['秸秆'],
      industry: 'C13',
      budgetMin: 500_000,
      budgetMax: null,
      cooperationModes: ['transfer'],
    });
    const input = needInputFromForm(model);
    expect(input).toMatchObject({ budgetMin: 500_000, budgetMax: null, discipline: null, deadline: null, county: null });
    expect(needCreateInput.safeParse(input).success).toBe(true);
  });

  it('sends negotiable instead of a budget', () => {
    const model = needFormFromView(needView());
    expect(model.budgetMin).toBe(2_000_000);
    model.negotiable = true;
    const input = needInputFromForm(model);
    expect(input).toMatchObject({ negotiable: true });
    expect('budgetMin' in input).toBe(false);
  });

  it('keeps a stored deadline even when it has passed', () => {
    expect(needInputFromForm(needFormFromView(needView())).deadline).toBe('2020-01-01');
  });
});
