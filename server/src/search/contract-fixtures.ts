import type { SearchDocument } from './types';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);

/** Builds a 科技成果 document with sensible defaults. */
export function buildResultDoc(overrides: Partial<SearchDocument> & { id: string }): SearchDocument {
  return {
    _v: 1,
    title: '',
    summary: '',
    keywords: [],
    advantages: '',
    applications: '',
    orgName: '吉林大学',
    discipline: '430',
    industry: 'C36',
    maturity: 'pilot',
    transferModes: ['transfer'],
    ipStatus: 'granted',
    price: 300_000,
    priceBand: '10w_50w',
    city: '220100',
    orgId: 'org-jlu',
    orgType: 'university',
    status: 'published',
    publishedAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

/**
 * Seven results covering Chinese inside longer text, English, mixed text, a synonym pair, HTML in a
 * title, a price 面议 (null) and distinct dates, cities and transfer modes.
 */
export const RESULT_DOCS: SearchDocument[] = [
  buildResultDoc({
    id: 'r1',
    title: '高性能碳纤维复合材料的制备方法',
    summary: '本成果提供一种碳纤维增强树脂基复合材料，强度高、重量轻，可用于新能源汽车车身轻量化。',
    keywords: ['碳纤维', '复合材料', '轻量化'],
    maturity: 'pilot',
    transferModes: ['transfer', 'license'],
    price: 800_000,
    priceBand: '50w_100w',
    publishedAt: T0 + 1 * DAY,
    orgName: '吉林大学',
  }),
  buildResultDoc({
    id: 'r2',
    title: '玉米秸秆制备燃料乙醇的工艺',
    summary: '以玉米秸秆为原料，经预处理、酶解和发酵制备燃料乙醇，适用于吉林省玉米主产区。',
    keywords: ['玉米', '秸秆', '燃料乙醇'],
    industry: 'C14',
    maturity: 'industrial',
    transferModes: ['equity'],
    price: null,
    priceBand: 'negotiable',
    city: '220200',
    orgId: 'org-nenu',
    publishedAt: T0 + 2 * DAY,
    orgName: '东北师范大学',
  }),
  buildResultDoc({
    id: 'r3',
    title: 'Graphene sensor for battery monitoring',
    summary: 'A flexible graphene strain sensor that monitors lithium battery swelling in real time.',
    keywords: ['graphene', 'sensor'],
    industry: 'C39',
    maturity: 'lab',
    transferModes: ['license'],
    price: 50_000,
    priceBand: 'lt10w',
    publishedAt: T0 + 3 * DAY,
    orgName: 'Changchun Institute of Optics',
  }),
  buildResultDoc({
    id: 'r4',
    title: '基于深度学习的AI视觉检测系统',
    summary: '采用 Deep Learning 模型检测汽车零部件表面缺陷，准确率达到99%。',
    keywords: ['人工智能', '机器视觉', '缺陷检测'],
    industry: 'I65',
    maturity: 'pilot_small',
    transferModes: ['co_development', 'license'],
    price: 1_500_000,
    priceBand: '100w_500w',
    publishedAt: T0 + 4 * DAY,
    orgName: '长春理工大学',
  }),
  buildResultDoc({
    id: 'r5',
    title: '电动汽车动力电池管理系统 BMS <v2> & 均衡',
    summary: '面向电动汽车的动力电池管理系统，实现电池状态估计与均衡控制。',
    keywords: ['电池管理', '电动汽车'],
    maturity: 'industrial',
    transferModes: ['transfer'],
    price: 2_000_000,
    priceBand: '100w_500w',
    city: '220200',
    publishedAt: T0 + 5 * DAY,
    orgName: '一汽研发总院',
    orgType: 'enterprise',
  }),
  buildResultDoc({
    id: 'r6',
    title: '人参皂苷提取纯化技术',
    summary: '从长白山人参中高效提取人参皂苷，收率提高30%，可用于中药制剂与保健食品。',
    keywords: ['人参', '皂苷', '中药'],
    industry: 'C27',
    maturity: 'industrial',
    transferModes: ['license', 'service'],
    price: 600_000,
    priceBand: '50w_100w',
    city: '220500',
    publishedAt: T0 + 6 * DAY,
    orgName: '吉林农业大学',
  }),
  // Says 新能源汽车, never 电动汽车: the synonym case.
  buildResultDoc({
    id: 'r7',
    title: '新能源汽车热管理技术',
    summary: '新能源汽车整车热管理方案，提升冬季续航里程，适合东北寒冷地区。',
    keywords: ['热管理', '新能源汽车'],
    transferModes: ['co_development'],
    price: 400_000,
    priceBand: '10w_50w',
    publishedAt: T0 + 7 * DAY,
  }),
];

/** A result with a long summary whose only match is near its end (snippets). */
export const LONG_DOC = buildResultDoc({
  id: 'r8',
  title: '寒区道路养护综合方案',
  summary: `${'本方案针对东北寒区道路冻融破坏问题，系统研究了路面材料配比、排水设计与养护周期。'.repeat(6)}最后提出融雪剂替代品石墨烯涂层。`,
  keywords: ['道路养护'],
  publishedAt: T0 - DAY,
});
