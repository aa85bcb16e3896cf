/**
 * The funding decision (资助决定) on a call's accepted or under-review applications: fund with an
 * amount (≤ requested, within the call's per-project range, within what is left of the call's total
 * budget) or reject with a reason. The budget is reserved atomically on the call's ledger before the
 * application moves, and released if the application was decided meanwhile, so concurrent decisions
 * cannot overspend. The applicant organisation's members are told; every decision is audited.
 */
import { budgetTotals, type FundingDecisionInput, type FundingOverviewView } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import { ensureDoc } from '../../lib/ensure-doc';
import { audit } from '../audit/audit.service';
import { createFundedProject } from '../funded-projects/funded-project.create';
import { notifyOrgMembers } from '../funded-projects/funded-project.notify';
import { OrgModel } from '../orgs/org.model';
import type { UserDoc } from '../users/user.model';
import { ApplicationModel, type ApplicationRecord } from './application.model';
import type { CallRecord } from './call.model';
import { readCall } from './call.service';
import { CallBudgetModel, FundingDecisionModel, type FundingDecisionRecord } from './funding.model';

export const DECIDABLE = ['accepted', 'under_review'] as const;

/** Sum funded so far on the call. */
export async function fundedSoFar(call: Types.ObjectId): Promise<number> {
  return (await CallBudgetModel.findOne({ call }, { funded: 1 }).lean())?.funded ?? 0;
}

/** Reserves `amount` on the call's ledger, or returns false when it would exceed the total budget. */
export async function reserveBudget(call: Pick<CallRecord, '_id' | 'totalBudget'>, amount: number): Promise<boolean> {
  // The ledger is made by a plain insert, not an upsert (lib/ensure-doc.ts says why).
  await ensureDoc(CallBudgetModel, { call: call._id }, { call: call._id, funded: 0 });
  const res = await CallBudgetModel.updateOne({ call: call._id, funded: { $lte: call.totalBudget - amount } }, { $inc: { funded: amount } });
  return res.modifiedCount === 1;
}

function releaseBudget(call: Types.ObjectId, amount: number) {
  return CallBudgetModel.updateOne({ call }, { $inc: { funded: -amount } });
}

/** The call's funding page: budget used, and its decidable and decided applications with requested funds. */
export async function fundingOverview(callId: string): Promise<FundingOverviewView> {
  const call = await readCall(callId, true);
  const apps = await ApplicationModel.find({ call: call._id, status: { $in: [...DECIDABLE, 'funded', 'rejected'] } })
    .sort({ submittedAt: 1 })
    .lean<ApplicationRecord[]>();
  const [orgs, decisions, funded] = await Promise.all([
    OrgModel.find({ _id: { $in: apps.map((a) => a.org) } }, { name: 1 }).lean(),
    FundingDecisionModel.find({ call: call._id }).lean<FundingDecisionRecord[]>(),
    fundedSoFar(call._id),
  ]);
  const orgName = new Map(orgs.map((o) => [String(o._id), o.name]));
  const byApp = new Map(decisions.map((d) => [String(d.application), d]));
  return {
    call: { id: String(call._id), title: call.title, year: call.year, programmeType: call.programmeType, fundingMin: call.fundingMin, fundingMax: call.fundingMax },
    budget: { total: call.totalBudget, funded, remaining: call.totalBudget - funded },
    applications: apps.map((a) => {
      const d = byApp.get(String(a._id));
      return {
        id: String(a._id),
        title: a.title,
        org: { id: String(a.org), name: orgName.get(String(a.org)) ?? '' },
        status: a.status,
        requested: budgetTotals(a.budget).requested,
        amount: d?.amount ?? null,
        reason: d?.reason ?? null,
        projectId: d?.project ? String(d.project) : null,
      };
    }),
  };
}

const money = (v: number) => `${(v / 10_000).toLocaleString('zh-CN')} 万元`;

/** Funds or rejects one application; returns the call's funding page afterwards. */
export async function decideFunding(admin: UserDoc, appId: string, input: FundingDecisionInput, ip: string, now = new Date()): Promise<FundingOverviewView> {
  const app = await ApplicationModel.findById(appId).lean<ApplicationRecord>();
  if (!app || app.status === 'draft') {
    throw createError('NOT_FOUND');
  }
  const notDecidable = () => createError('INVALID_STATE', { message: '只有通过形式审查或评审中的申报书可以作资助决定', messageEn: 'Only accepted or under-review applications can be decided' });
  if (!(DECIDABLE as readonly string[]).includes(app.status)) {
    throw notDecidable();
  }
  const call = await readCall(String(app.call), true);
  const fund = input.decision === 'fund';
  const amount = fund ? input.amount : 0;
  if (fund) {
    const requested = budgetTotals(app.budget).requested;
    const max = Math.min(requested, call.fundingMax);
    if (amount > max || amount < call.fundingMin) {
      throw createError('VALIDATION_FAILED', {
        message: '资助金额超出范围', messageEn: 'Amount out of range',
        fields: [{ path: 'body.amount', code: 'range', message: `资助金额须在 ${call.fundingMin} 至 ${max} 元之间（不超过申请额）`, messageEn: `The amount must be between ${call.fundingMin} and ${max} yuan (not above the request)` }],
      });
    }
    if (!(await reserveBudget(call, amount))) {
      const left = call.totalBudget - (await fundedSoFar(call._id));
      throw createError('CONFLICT', { message: `超出指南总预算：剩余 ${left} 元`, messageEn: `Over the call's total budget: ${left} yuan left` });
    }
  }
  const moved = await ApplicationModel.findOneAndUpdate(
    { _id: app._id, status: { $in: DECIDABLE } },
    { $set: { status: fund ? 'funded' : 'rejected' } },
    { returnDocument: 'after' },
  ).lean<ApplicationRecord>();
  if (!moved) {
    if (fund) {
      await releaseBudget(call._id, amount);
    }
    throw notDecidable();
  }
  const project = fund ? await createFundedProject(moved, call, amount, now) : null;
  await FundingDecisionModel.create({
    call: call._id, application: app._id, decision: input.decision, amount: fund ? amount : null,
    reason: input.decision === 'reject' ? input.reason : null, project: project?._id ?? null, decidedBy: admin._id, decidedAt: now,
  });
  await audit({
    action: fund ? 'programme.funding_fund' : 'programme.funding_reject', actor: admin._id,
    target: { kind: 'programme_application', id: appId },
    detail: fund ? { amount, project: project!.number } : { reason: input.reason },
    ip,
  });
  await notifyOrgMembers(app.org, {
    kind: 'programme.project',
    key: `programme.funding:${appId}`,
    title: fund ? `申报书“${app.title}”获得立项资助 ${money(amount)}，项目编号 ${project!.number}` : `申报书“${app.title}”未获资助`,
    titleEn: fund ? `"${app.title}" was funded (${amount} yuan), project ${project!.number}` : `"${app.title}" was not funded`,
    body: input.decision === 'reject' ? input.reason : '',
    bodyEn: input.decision === 'reject' ? input.reason : '',
    link: project ? `/projects/${String(project._id)}` : `/applications/${appId}`,
  });
  return fundingOverview(String(call._id));
}
