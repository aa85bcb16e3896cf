import type { MeView, RecommendationView, ResultFullView, SearchHitView } from '@kezhuan/shared';

export const ORG_ID = 'aaaaaaaaaaaaaaaaaaaaaaaa';
export const RESULT_ID = 'bbbbbbbbbbbbbbbbbbbbbbbb';
export const NEED_ID = 'cccccccccccccccccccccccc';

/** A signed-in user of the given role in organisation ORG_ID. */
export function buildUser(role: MeView['role'] = 'researcher', overrides: Partial<MeView> = {}): MeView {
  return {
    id: '0123456789abcdef01234567',
    email: 'li@example.cn',
    phone: '13800000000',
    displayName: '李明',
    title: '',
    bio: '',
    locale: 'zh-CN',
    role,
    org: { id: ORG_ID, name: '吉林大学', type: 'university', city: '220100', uscc: '', verified: true, verificationState: 'verified', createdAt: '2025-01-01T00:00:00.000Z' },
    membership: { orgRole: 'member', status: 'active' },
    createdAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** The owner's full view of a research result. */
export function buildResultView(overrides: Partial<ResultFullView> = {}): ResultFullView {
  return {
    disclosure: 'full',
    id: RESULT_ID,
    kind: 'result',
    title: '高性能碳纤维原丝预氧化工艺',
    summary: '针对碳纤维原丝预氧化阶段能耗高的问题，开发了梯度温控预氧化工艺。',
    keywords: ['碳纤维', '预氧化'],
    discipline: '430',
    industry: 'C28',
    maturity: 'pilot',
    trl: 6,
    ip: { items: [{ type: 'invention', number: 'ZL201410345054.1', status: 'granted' }] },
    transferModes: ['license'],
    price: 3_500_000,
    negotiable: false,
    priceBand: '100w_500w',
    city: '220100',
    team: [{ name: '李明', role: '负责人' }],
    applications: '适用于碳纤维生产企业的预氧化工序改造。',
    advantages: [{ metric: '能耗', value: '降低 30', unit: '%', baseline: null }],
    org: { id: ORG_ID, name: '吉林大学', type: 'university', verified: true },
    status: 'draft',
    publishedAt: null,
    lastConfirmedAt: null,
    expiresAt: null,
    updatedAt: '2026-01-01T00:00:00.000Z',
    contact: { name: '李明', phone: '13800000000', email: 'li@example.cn' },
    attachments: [],
    history: [],
    returnReason: null,
    submittedAt: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    quality: { score: 80, checks: [] },
    ...overrides,
  };
}

export function buildHit(overrides: Partial<SearchHitView> = {}): SearchHitView {
  return {
    id: RESULT_ID,
    kind: 'results',
    title: '高性能碳纤维原丝预氧化工艺',
    highlights: { title: '高性能<mark>碳纤维</mark>原丝预氧化工艺' },
    keywords: ['碳纤维', '预氧化'],
    org: { id: ORG_ID, name: '吉林大学', type: 'university' },
    city: '220100',
    discipline: '430',
    industry: 'C28',
    maturity: 'pilot',
    modes: ['license'],
    amount: 3_500_000,
    amountMin: null,
    band: '100w_500w',
    publishedAt: '2026-01-01T00:00:00.000Z',
    matchedTerms: ['碳纤维'],
    ...overrides,
  };
}

export function buildRecommendation(overrides: Partial<RecommendationView> = {}): RecommendationView {
  return {
    hit: buildHit(),
    score: 87,
    reasons: [
      { factor: 'terms', fit: 0.8, points: 32, zh: '关键词匹配：碳纤维、预氧化', en: 'Matching terms: carbon fibre, pre-oxidation' },
      { factor: 'industry', fit: 1, points: 15, zh: '行业一致', en: 'Same industry' },
      { factor: 'budget', fit: 1, points: 10, zh: '预算覆盖报价', en: 'The budget covers the price' },
      { factor: 'city', fit: 0.2, points: 1.5, zh: '不在同一城市', en: 'Different cities' },
    ],
    feedback: null,
    mayJudge: { interested: true, notFit: true },
    deal: null,
    ...overrides,
  };
}
