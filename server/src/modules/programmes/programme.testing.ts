/** Test builders for calls and applications (no shared fixtures). */
import { callInput } from '@kezhuan/shared';
import { Types } from 'mongoose';
import { CallModel } from './call.model';
import { chinaToday } from './programme.dates';

const DAY_MS = 86_400_000;
const day = (offset: number) => chinaToday(new Date(Date.now() + offset * DAY_MS));

/** A complete call as the administrator posts it, open from yesterday to 30 days ahead. */
export function validCallInput(overrides: Record<string, unknown> = {}) {
  return {
    programmeType: 'key_transformation',
    year: Number(day(0).slice(0, 4)),
    title: '吉林省重点科技成果转化项目申报指南',
    description: '支持高校院所与企业联合开展科技成果中试熟化和产业化，优先支持产学研联合申报。',
    eligibility: { orgTypes: ['enterprise', 'university', 'institute'], cities: [], verifiedRequired: true, resultRequired: false, minMaturity: null, joint: 'favoured' },
    fundingMin: 500_000,
    fundingMax: 2_000_000,
    totalBudget: 50_000_000,
    opensAt: day(-1),
    closesAt: day(30),
    requiredDocuments: ['可行性研究报告'],
    criteria: [{ name: '技术先进性', weight: 40 }, { name: '产业化前景', weight: 60 }],
    ...overrides,
  };
}

/** A published call stored directly (the publish route has its own test). */
export async function buildCall(overrides: Record<string, unknown> = {}, status: 'draft' | 'published' = 'published') {
  const input = callInput.parse(validCallInput(overrides));
  return CallModel.create({ ...input, status, publishedAt: status === 'published' ? new Date() : null, createdBy: new Types.ObjectId() });
}

/** A small but complete application body. */
export function validApplicationInput(overrides: Record<string, unknown> = {}) {
  return {
    title: '秸秆制聚乳酸百吨级中试及产业化',
    description: '在长春建设百吨级聚乳酸中试线，完成工艺定型后建设千吨级生产线，面向可降解包装市场。',
    budget: [
      { item: '设备购置', ownFunds: 800_000, requestedFunds: 600_000 },
      { item: '材料及测试', ownFunds: 200_000, requestedFunds: 400_000 },
    ],
    milestones: [{ name: '完成中试', dueDate: day(365), kind: 'pilot', target: 1 }],
    ...overrides,
  };
}

/** The shortest file that passes the PDF content check. */
export const PDF_BYTES = Buffer.from('%PDF-1.4\n%test\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
