/**
 * Demo funding decisions and funded projects (issue 15), seeded after the programmes: each past
 * call's accepted applications, oldest submission first, are funded (within the call's range and
 * what is left of its budget) or not funded (with a reason); the projects they create carry
 * milestones in every state — accepted with reports, reported and awaiting acceptance, overdue,
 * pending — and yearly reports. The demo enterprise's organisation gets a funded project with a
 * milestone still to report. Deterministic (mulberry32).
 */
import { MILESTONE_KIND_CODES, budgetTotals } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { mulberry32 } from '../lib/prng';
import { DealRoomModel } from '../modules/deals/deal.model';
import { createFundedProject } from '../modules/funded-projects/funded-project.create';
import { FundedProjectModel, type FundedProjectRecord, type MilestoneRecord } from '../modules/funded-projects/funded-project.model';
import { isOverdue } from '../modules/funded-projects/funded-project.presenter';
import { approvedMemberFilter } from '../modules/orgs/membership.rules';
import { ApplicationModel, type ApplicationRecord } from '../modules/programmes/application.model';
import { CallModel, type CallRecord } from '../modules/programmes/call.model';
import { FundingDecisionModel } from '../modules/programmes/funding.model';
import { reserveBudget } from '../modules/programmes/funding.service';
import { callRanking } from '../modules/programmes/review.service';
import { chinaToday } from '../modules/programmes/programme.dates';
import { UserModel } from '../modules/users/user.model';

const DAY = 86_400_000;
const REJECT_REASONS = ['产业化路径和市场分析不够充分', '技术成熟度尚未达到中试要求', '自筹资金落实情况证明不足', '与本年度支持重点契合度不高'];
const NARRATIVES = [
  '完成中试线建设和工艺参数优化，产品性能指标达到合同要求，已与下游企业签订试用协议。',
  '生产线建成投产，产能逐步释放，新增销售收入，带动本地配套企业发展。',
  '产品通过第三方检测并进入省内重点用户采购目录，市场开拓顺利，研发团队持续改进工艺。',
];

export interface DemoFundedInput {
  now: Date;
  admin: Types.ObjectId;
  /** The demo enterprise's organisation: gets a funded project with a milestone to report. */
  featuredEnterprise: Types.ObjectId | null;
}

type Scenario = 'completed' | 'running' | 'late';

/** Reports and states for a project's milestones by scenario; `running` re-dates them around today (extended period). */
function followUp(p: FundedProjectRecord, scenario: Scenario, now: Date, rand: () => number, by: Types.ObjectId): { milestones: MilestoneRecord[]; periodTo: string } {
  const today = chinaToday(now);
  const offsets = [-420, -160, 30, 90, 200, 330];
  const report = (m: MilestoneRecord, state: 'submitted' | 'accepted', date: string) => ({
    actual: m.kind === 'revenue' || m.kind === 'jobs' || m.kind === 'patents' ? Math.round(m.target * (0.9 + rand() * 0.4)) : 1,
    date, evidence: `${m.name}佐证材料：验收报告、检测报告及现场照片`, state, reason: null, at: new Date(`${date}T02:00:00Z`), by,
  });
  const back = (day: string, n: number) => chinaToday(new Date(Date.parse(`${day}T00:00:00Z`) - n * DAY));
  const ms = [...p.milestones].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const out = ms.map((m, i): MilestoneRecord => {
    if (scenario === 'completed' || (scenario === 'late' && i < 2)) {
      return { ...m, state: 'accepted', report: report(m, 'accepted', back(m.dueDate, 10 + Math.floor(rand() * 40))) };
    }
    if (scenario === 'late') {
      return m; // past due, never reported: overdue
    }
    const due = chinaToday(new Date(now.getTime() + offsets[Math.min(i, offsets.length - 1)]! * DAY));
    const moved = { ...m, dueDate: due };
    if (i === 0) {
      return { ...moved, state: 'accepted', report: report(moved, 'accepted', back(due, 12)) };
    }
    if (i === 2) {
      return { ...moved, state: 'reported', report: report(moved, 'submitted', back(today, 3)) };
    }
    return moved; // i === 1: overdue; later ones pending
  });
  return { milestones: out, periodTo: out.map((m) => m.dueDate).sort().at(-1) ?? p.periodTo };
}

function yearlyReports(p: FundedProjectRecord, scenario: Scenario, now: Date, rand: () => number, by: Types.ObjectId) {
  const thisYear = Number(chinaToday(now).slice(0, 4));
  const last = scenario === 'running' ? thisYear - 1 : Math.min(thisYear - 1, p.year + 3);
  const reports = [];
  for (let y = p.year + 1, i = 0; y <= last; y += 1, i += 1) {
    const figures: Record<string, number> = { revenue: Math.round(50 + rand() * 400 * (i + 1)), jobs: Math.round(5 + rand() * 30), patents: Math.floor(rand() * 4) };
    const awaiting = scenario === 'running' && y === last;
    reports.push({ year: y, narrative: NARRATIVES[i % NARRATIVES.length]!, figures, state: awaiting ? 'submitted' : 'accepted', reason: null, at: new Date(`${y + 1}-01-20T02:00:00Z`), by });
  }
  // Keep only the last few years of a long-running project (the page lists them newest first).
  return reports.slice(-4);
}

/** Funds or rejects the past calls' accepted and reviewed applications, best ranked first; returns counts. */
export async function seedDemoFundedProjects(input: DemoFundedInput): Promise<{ funded: number; rejected: number; overdue: number }> {
  const rand = mulberry32(20150815);
  const thisYear = Number(chinaToday(input.now).slice(0, 4));
  const calls = await CallModel.find({ status: { $ne: 'draft' }, year: { $lt: thisYear } }).sort({ year: 1, _id: 1 }).lean<CallRecord[]>();
  const projects: { project: FundedProjectRecord; scenario: Scenario }[] = [];
  let rejected = 0;
  const fund = async (call: CallRecord, app: ApplicationRecord, amount: number) => {
    const decidedAt = new Date(`${call.year}-09-15T02:00:00Z`);
    await ApplicationModel.updateOne({ _id: app._id }, { $set: { status: 'funded' } });
    const project = await createFundedProject(app, call, amount, decidedAt);
    await FundedProjectModel.updateOne({ _id: project._id }, { $set: { createdAt: decidedAt } }, { timestamps: false });
    await FundingDecisionModel.create({ call: call._id, application: app._id, decision: 'fund', amount, reason: null, project: project._id, decidedBy: input.admin, decidedAt });
    return project;
  };
  for (const call of calls) {
    // Decided in the order of the expert review's ranking; an application whose reviews are not all in
    // (the demo keeps one on the last past call) waits for them.
    const ranking = (await callRanking(call._id)).items;
    const waiting = new Set(ranking.filter((r) => r.reviewsAssigned > 0 && r.reviewsDone < r.reviewsAssigned).map((r) => r.applicationId));
    const rank = new Map(ranking.map((r, i) => [r.applicationId, i]));
    const apps = (await ApplicationModel.find({ call: call._id, status: { $in: ['accepted', 'under_review'] } }).sort({ submittedAt: 1, _id: 1 }).lean<ApplicationRecord[]>())
      .filter((a) => !waiting.has(String(a._id)))
      .sort((a, b) => (rank.get(String(a._id)) ?? Infinity) - (rank.get(String(b._id)) ?? Infinity));
    for (const [i, app] of apps.entries()) {
      const requested = budgetTotals(app.budget).requested;
      const amount = Math.max(call.fundingMin, Math.round((Math.min(requested, call.fundingMax) * (0.7 + rand() * 0.3)) / 10_000) * 10_000);
      if (i % 3 === 2 || !(await reserveBudget(call, amount))) {
        await ApplicationModel.updateOne({ _id: app._id }, { $set: { status: 'rejected' } });
        await FundingDecisionModel.create({
          call: call._id, application: app._id, decision: 'reject', amount: null, reason: REJECT_REASONS[i % REJECT_REASONS.length]!, project: null,
          decidedBy: input.admin, decidedAt: new Date(`${call.year}-09-15T02:00:00Z`),
        });
        rejected += 1;
        continue;
      }
      const scenarios: Scenario[] = ['completed', 'late', 'running'];
      projects.push({ project: await fund(call, app, amount), scenario: scenarios[projects.length % 3]! });
    }
  }
  // The demo enterprise's organisation: a funded project of its own, still running.
  const fe = input.featuredEnterprise;
  if (fe && !projects.some((p) => p.project.org.equals(fe))) {
    const call = [...calls].reverse().find((c) => c.programmeType !== 'major_transformation') ?? calls.at(-1);
    const owner = await UserModel.findOne({ ...approvedMemberFilter(fe), role: { $ne: 'admin' } }, { _id: 1 }).sort({ _id: 1 }).lean();
    const draft = await ApplicationModel.findOne({ org: fe }).sort({ _id: 1 }).lean<ApplicationRecord>();
    if (call && owner && draft && !(await ApplicationModel.exists({ call: call._id, org: fe }))) {
      const amount = Math.min(call.fundingMax, Math.max(call.fundingMin, budgetTotals(draft.budget).requested));
      const start = Date.parse(`${call.year + 1}-01-01T00:00:00Z`);
      const due = (months: number) => new Date(start + months * 30 * DAY).toISOString().slice(0, 10);
      const app = (await ApplicationModel.create({
        call: call._id, org: fe, owner: owner._id, status: 'accepted', title: `${draft.title.replace(/成果转化与产业化$/, '')}中试熟化与示范应用`,
        description: draft.description, results: draft.results, needs: draft.needs, partners: draft.partners,
        budget: draft.budget.map((b) => ({ ...b, requestedFunds: Math.round((b.requestedFunds * amount) / Math.max(1, budgetTotals(draft.budget).requested)) })),
        milestones: [
          { name: '完成中试', kind: MILESTONE_KIND_CODES[0], dueDate: due(12), target: 1 },
          { name: '建成生产线并投产', kind: 'production', dueDate: due(24), target: 1 },
          { name: '实现首次销售', kind: 'first_sale', dueDate: due(30), target: 1 },
          { name: '年销售收入（万元）', kind: 'revenue', dueDate: due(36), target: 800 },
          { name: '新增就业', kind: 'jobs', dueDate: due(36), target: 40 },
        ],
        submittedAt: new Date(`${call.opensAt}T03:00:00Z`), checkedAt: new Date(`${call.closesAt}T03:00:00Z`), checkedBy: input.admin,
      })).toObject() as ApplicationRecord;
      if (await reserveBudget(call, amount)) {
        projects.push({ project: await fund(call, app, amount), scenario: 'running' });
      }
    }
  }
  // The demo enterprise's own projects are running, with milestones still to report.
  for (const p of projects) {
    if (fe && p.project.org.equals(fe)) {
      p.scenario = 'running';
    }
  }
  let overdue = 0;
  const today = chinaToday(input.now);
  for (const { project: p, scenario } of projects) {
    const by = (await UserModel.findOne({ ...approvedMemberFilter(p.org), role: { $ne: 'admin' } }, { _id: 1 }).sort({ _id: 1 }).lean())?._id ?? input.admin;
    const { milestones, periodTo } = followUp(p, scenario, input.now, rand, by);
    const overdueCount = milestones.filter((m) => isOverdue(m, today)).length;
    overdue += overdueCount;
    const deal = await DealRoomModel.findOne({ orgs: p.org }, { _id: 1 }).sort({ _id: 1 }).lean();
    await FundedProjectModel.updateOne({ _id: p._id }, {
      $set: {
        milestones, periodTo, overdueCount, yearlyReports: yearlyReports(p, scenario, input.now, rand, by),
        state: milestones.every((m) => m.state === 'accepted') ? 'completed' : 'active',
        deals: deal ? [deal._id] : [],
      },
    });
  }
  return { funded: projects.length, rejected, overdue };
}
