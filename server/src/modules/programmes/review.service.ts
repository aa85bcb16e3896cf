/**
 * Expert review: proposals, assignment (accepted → under_review on the first), withdrawal before
 * the score is in, the reviewer's draft and final scores, the administrator's reopening, and the
 * statistics and ranking of a call. Every step is audited; reviewers are told of assignments.
 */
import {
  budgetTotals,
  reviewStats,
  weightedTotal,
  OUTLIER_POINTS,
  type ApplicationReviewsView,
  type CallRankingView,
  type FieldError,
  type MyReviewView,
  type ProposalView,
  type ReviewAdminView,
  type ScoreInput,
} from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import { audit } from '../audit/audit.service';
import { notify } from '../notifications/notification.service';
import { OrgModel } from '../orgs/org.model';
import { ResearchResultModel } from '../results/result.model';
import { UserModel, type UserDoc } from '../users/user.model';
import { ApplicationModel, type ApplicationRecord } from './application.model';
import { loadApplication } from './application.service';
import { CallModel, type CallRecord } from './call.model';
import { applicationFields, conflictsOf, fieldMatch, orgNames } from './review.conflicts';
import { ExpertModel, type ExpertRecord } from './experts.model';
import { presentExperts } from './experts.service';
import { ReviewModel, type ReviewRecord } from './review.model';
import { callReviewsQuery, expertsQuery, myReviewsQuery, rankedApplicationsQuery } from './review.queries';

const target = (id: unknown) => ({ kind: 'programme_review', id: String(id) });
const REVIEWABLE = ['accepted', 'under_review'] as const;

function invalid(fields: FieldError[]): never {
  throw createError('VALIDATION_FAILED', { fields });
}

async function accountsOf(experts: ExpertRecord[]) {
  const users = await UserModel.find({ _id: { $in: experts.map((e) => e.user) } }, { org: 1, orgStatus: 1, displayName: 1 }).lean();
  return new Map(users.map((u) => [String(u._id), u]));
}

/** Active experts ranked by field match for an application, conflicted ones last with their reasons. */
export async function proposals(appId: string): Promise<ProposalView[]> {
  const app = await loadApplication(appId);
  if (app.status === 'draft') {
    throw createError('NOT_FOUND');
  }
  const { filter, sort } = expertsQuery(true);
  const [experts, fields, assigned] = await Promise.all([
    ExpertModel.find(filter).sort(sort).limit(1000).lean<ExpertRecord[]>(),
    applicationFields(app),
    ReviewModel.find({ application: app._id }, { expert: 1 }).lean(),
  ]);
  const accounts = await accountsOf(experts);
  const name = await orgNames([app.org, ...app.partners, ...experts.flatMap((e) => [...(e.org ? [e.org] : []), ...e.stakes])]);
  const views = await presentExperts(experts);
  const taken = new Set(assigned.map((r) => String(r.expert)));
  const out = experts.map((e, i) => ({
    expert: views[i]!,
    ...fieldMatch(e, fields),
    conflicts: conflictsOf(e, accounts.get(String(e.user)) ?? { _id: e.user }, app, name),
    assigned: taken.has(String(e._id)),
  }));
  return out.sort((a, b) => Number(a.conflicts.length > 0) - Number(b.conflicts.length > 0) || b.score - a.score || a.expert.user.displayName.localeCompare(b.expert.user.displayName));
}

/** Assigns experts to an accepted (or already reviewed) application; any conflict refuses all (400, reasons). */
export async function assignReviewers(admin: UserDoc, appId: string, expertIds: string[], ip: string, now = new Date()): Promise<void> {
  const app = await loadApplication(appId);
  if (!(REVIEWABLE as readonly string[]).includes(app.status)) {
    throw createError('INVALID_STATE', { message: '只有通过形式审查的申报书可以分配评审专家', messageEn: 'Only applications that passed the formal check can be assigned reviewers' });
  }
  const call = await CallModel.findById(app.call).lean<CallRecord>();
  if (!call?.criteria.length) {
    throw createError('INVALID_STATE', { message: '该指南没有评审指标', messageEn: 'The call has no review criteria' });
  }
  const experts = await ExpertModel.find({ _id: { $in: expertIds }, active: true }).lean<ExpertRecord[]>();
  if (experts.length !== expertIds.length) {
    invalid([{ path: 'body.experts', code: 'custom', message: '专家不在专家库中或已停用', messageEn: 'An expert is not in the pool or is inactive' }]);
  }
  const accounts = await accountsOf(experts);
  const name = await orgNames([app.org, ...app.partners, ...experts.flatMap((e) => e.stakes)]);
  const fields: FieldError[] = [];
  experts.forEach((e) => {
    const c = conflictsOf(e, accounts.get(String(e.user)) ?? { _id: e.user }, app, name);
    if (c.length) {
      const who = accounts.get(String(e.user))?.displayName ?? '';
      fields.push({ path: `body.experts.${expertIds.indexOf(String(e._id))}`, code: 'custom', message: `${who}存在利益冲突：${c.map((x) => x.zh).join('；')}`, messageEn: `${who} has a conflict of interest: ${c.map((x) => x.en).join('; ')}` });
    }
  });
  if (fields.length) {
    invalid(fields);
  }
  for (const e of experts) {
    // A plain insert on the unique {application, reviewer}: a second assignment of the same reviewer
    // (also one racing this) is refused by the index and changes nothing (lib/ensure-doc.ts says why
    // not an upsert).
    const created = await ReviewModel.create({
      application: app._id, reviewer: e.user, call: app.call, expert: e._id, status: 'assigned', scores: [], recommendation: null, weightedTotal: null,
      assignedBy: admin._id, assignedAt: now, submittedAt: null,
    }).catch(async (err: unknown) => {
      if (await ReviewModel.exists({ application: app._id, reviewer: e.user })) {
        return null;
      }
      throw err;
    });
    if (!created) {
      continue;
    }
    await audit({ action: 'programme.review_assign', actor: admin._id, target: target(created._id), detail: { application: appId, reviewer: String(e.user) }, ip });
    await notify(e.user, {
      kind: 'programme.review',
      key: `programme.review:${String(created._id)}`,
      title: `请评审申报书“${app.title}”`,
      titleEn: `Please review the application "${app.title}"`,
      body: call.title,
      bodyEn: call.title,
      link: `/reviews/${String(created._id)}`,
    });
  }
  await ApplicationModel.updateOne({ _id: app._id, status: 'accepted' }, { $set: { status: 'under_review' } });
}

async function loadReview(id: string): Promise<ReviewRecord> {
  const r = await ReviewModel.findById(id).lean<ReviewRecord>();
  if (!r) {
    throw createError('NOT_FOUND');
  }
  return r;
}

/** Withdraws an assignment whose score is not in yet. */
export async function withdrawReview(admin: UserDoc, id: string, ip: string): Promise<void> {
  const r = await loadReview(id);
  const gone = await ReviewModel.deleteOne({ _id: r._id, status: { $ne: 'submitted' } });
  if (!gone.deletedCount) {
    throw createError('INVALID_STATE', { message: '评分已提交，不能撤回', messageEn: 'The score is in: the assignment cannot be withdrawn' });
  }
  await audit({ action: 'programme.review_withdraw', actor: admin._id, target: target(id), detail: { application: String(r.application), reviewer: String(r.reviewer) }, ip });
}

/** Reopens a submitted review to draft (the reviewer is told). */
export async function reopenReview(admin: UserDoc, id: string, ip: string): Promise<void> {
  const r = await loadReview(id);
  const done = await ReviewModel.updateOne({ _id: r._id, status: 'submitted' }, { $set: { status: 'draft', submittedAt: null } });
  if (!done.modifiedCount) {
    throw createError('INVALID_STATE', { message: '只有已提交的评分可以退回', messageEn: 'Only submitted scores can be reopened' });
  }
  await audit({ action: 'programme.review_reopen', actor: admin._id, target: target(id), detail: { application: String(r.application), reviewer: String(r.reviewer) }, ip });
  await notify(r.reviewer, { kind: 'programme.review', key: `programme.review_reopen:${id}:${Date.now()}`, title: '您的评分已被退回修改', titleEn: 'Your score was reopened for changes', link: `/reviews/${id}` });
}

/** The reviewer's own assignment (404 to anyone else, administrators included: they have their view). */
async function ownReview(user: UserDoc, id: string): Promise<ReviewRecord> {
  const r = await ReviewModel.findOne({ _id: id, reviewer: user._id }).lean<ReviewRecord>();
  if (!r) {
    throw createError('NOT_FOUND');
  }
  return r;
}

function checkScores(call: CallRecord, input: ScoreInput, complete: boolean): void {
  const names = call.criteria.map((c) => c.name);
  const fields: FieldError[] = [];
  const seen = new Set<string>();
  input.scores.forEach((s, i) => {
    if (!names.includes(s.criterion) || seen.has(s.criterion)) {
      fields.push({ path: `body.scores.${i}.criterion`, code: 'custom', message: '评分指标须为该指南的指标且不重复', messageEn: "Criteria must be the call's, each once" });
    }
    seen.add(s.criterion);
  });
  if (complete) {
    names.filter((n) => !seen.has(n)).forEach((n) => fields.push({ path: `body.scores.${n}`, code: 'custom', message: `请为“${n}”评分`, messageEn: `Score "${n}"` }));
    if (!input.recommendation) {
      fields.push({ path: 'body.recommendation', code: 'custom', message: '请给出总体推荐意见', messageEn: 'Give an overall recommendation' });
    }
  }
  if (fields.length) {
    invalid(fields);
  }
}

/** Saves a draft, or (submit) the final scores: every criterion and a recommendation. */
export async function saveScores(user: UserDoc, id: string, input: ScoreInput, submit: boolean, ip: string, now = new Date()): Promise<ReviewRecord> {
  const r = await ownReview(user, id);
  const call = await CallModel.findById(r.call).lean<CallRecord>();
  checkScores(call!, input, submit);
  const total = input.scores.length ? weightedTotal(call!.criteria, input.scores) : null;
  const updated = await ReviewModel.findOneAndUpdate(
    { _id: r._id, status: { $ne: 'submitted' } },
    { $set: { scores: input.scores, recommendation: input.recommendation, weightedTotal: total, status: submit ? 'submitted' : 'draft', submittedAt: submit ? now : null } },
    { returnDocument: 'after' },
  ).lean<ReviewRecord>();
  if (!updated) {
    throw createError('INVALID_STATE', { message: '评分已提交，不能修改', messageEn: 'The score is submitted and final' });
  }
  if (submit) {
    await audit({ action: 'programme.review_submit', actor: user._id, target: target(id), detail: { application: String(r.application), weightedTotal: total }, ip });
  }
  return updated;
}

const scoreRows = (call: CallRecord | undefined, r: ReviewRecord) =>
  r.scores.map((s) => ({ criterion: s.criterion, weight: call?.criteria.find((c) => c.name === s.criterion)?.weight ?? 0, score: s.score, comment: s.comment ?? '' }));

/** The reviewer's assignments with the application as reviewers see it: no other reviewers. */
export async function presentMyReviews(docs: ReviewRecord[]): Promise<MyReviewView[]> {
  const [calls, apps] = await Promise.all([
    CallModel.find({ _id: { $in: docs.map((d) => d.call) } }, { title: 1, year: 1, criteria: 1 }).lean<CallRecord[]>(),
    ApplicationModel.find({ _id: { $in: docs.map((d) => d.application) } }).lean<ApplicationRecord[]>(),
  ]);
  const appMap = new Map(apps.map((a) => [String(a._id), a]));
  const [name, results] = await Promise.all([
    orgNames(apps.flatMap((a) => [a.org, ...a.partners])),
    ResearchResultModel.find({ _id: { $in: apps.flatMap((a) => a.results) } }, { title: 1 }).lean(),
  ]);
  const resultTitle = new Map(results.map((x) => [String(x._id), x.title]));
  const callMap = new Map(calls.map((c) => [String(c._id), c]));
  return docs.map((r) => {
    const call = callMap.get(String(r.call));
    const a = appMap.get(String(r.application))!;
    const named = (id: Types.ObjectId) => ({ id: String(id), name: name(id) });
    return {
      id: String(r._id),
      status: r.status,
      call: { id: String(r.call), title: call?.title ?? '', year: call?.year ?? 0, criteria: (call?.criteria ?? []).map((c) => ({ name: c.name, weight: c.weight })) },
      application: {
        id: String(a._id),
        title: a.title,
        description: a.description,
        org: named(a.org),
        partners: a.partners.map(named),
        results: a.results.map((x) => ({ id: String(x), title: resultTitle.get(String(x)) ?? '' })),
        budget: a.budget.map((b) => ({ item: b.item, ownFunds: b.ownFunds, requestedFunds: b.requestedFunds })),
        milestones: a.milestones.map((m) => ({ name: m.name, dueDate: m.dueDate, kind: m.kind, target: m.target })),
      },
      scores: scoreRows(call, r),
      recommendation: r.recommendation,
      weightedTotal: r.weightedTotal,
      assignedAt: r.assignedAt.toISOString(),
      submittedAt: r.submittedAt?.toISOString() ?? null,
    };
  });
}

export async function listMyReviews(user: UserDoc, q: { status?: ReviewRecord['status']; page: number; pageSize: number }) {
  const { filter, sort } = myReviewsQuery(user._id, q.status);
  const [docs, total] = await Promise.all([
    ReviewModel.find(filter).sort(sort).skip((q.page - 1) * q.pageSize).limit(q.pageSize).lean<ReviewRecord[]>(),
    ReviewModel.countDocuments(filter),
  ]);
  return { items: await presentMyReviews(docs), total, page: q.page, pageSize: q.pageSize };
}

export async function readMyReview(user: UserDoc, id: string): Promise<MyReviewView> {
  return (await presentMyReviews([await ownReview(user, id)]))[0]!;
}

/** An application's reviews for the administrator: scores, mean, spread, outliers, completion. */
export async function applicationReviews(appId: string): Promise<ApplicationReviewsView> {
  const app = await loadApplication(appId);
  const [call, docs] = await Promise.all([
    CallModel.findById(app.call).lean<CallRecord>(),
    ReviewModel.find({ application: app._id }).sort({ reviewer: 1 }).lean<ReviewRecord[]>(),
  ]);
  const users = await UserModel.find({ _id: { $in: docs.map((d) => d.reviewer) } }, { displayName: 1 }).lean();
  const userName = new Map(users.map((u) => [String(u._id), u.displayName]));
  const done = docs.filter((d) => d.status === 'submitted' && d.weightedTotal !== null);
  const stats = reviewStats(done.map((d) => d.weightedTotal!));
  const reviews: ReviewAdminView[] = docs.map((d) => ({
    id: String(d._id),
    applicationId: appId,
    reviewer: { id: String(d.reviewer), displayName: userName.get(String(d.reviewer)) ?? '', expertId: String(d.expert) },
    status: d.status,
    scores: scoreRows(call ?? undefined, d),
    recommendation: d.recommendation,
    weightedTotal: d.weightedTotal,
    outlier: stats.outliers[done.indexOf(d)] ?? false,
    assignedAt: d.assignedAt.toISOString(),
    submittedAt: d.submittedAt?.toISOString() ?? null,
  }));
  return { applicationId: appId, reviews, mean: stats.mean, spread: stats.spread, stdDev: stats.stdDev, done: done.length, assigned: docs.length, outlierPoints: OUTLIER_POINTS };
}

/** Per application of a call: mean and spread of the submitted weighted totals, reviews done of assigned (figures only). */
export interface ReviewFigures { mean: number | null; spread: number | null; done: number; assigned: number }

/**
 * The expert review's figures per application of a call, as the ranking and the call's export show them. Reads
 * application, status and total only, so no reviewer, score sheet or comment can travel with the figures.
 */
export async function reviewFiguresByApplication(callId: Types.ObjectId): Promise<Map<string, ReviewFigures>> {
  const { filter, sort } = callReviewsQuery(callId);
  const reviews = await ReviewModel.find(filter, { application: 1, status: 1, weightedTotal: 1 }).sort(sort).lean<Pick<ReviewRecord, 'application' | 'status' | 'weightedTotal'>[]>();
  const byApp = new Map<string, { totals: number[]; assigned: number }>();
  for (const r of reviews) {
    const entry = byApp.get(String(r.application)) ?? { totals: [], assigned: 0 };
    entry.assigned += 1;
    if (r.status === 'submitted' && r.weightedTotal !== null) {
      entry.totals.push(r.weightedTotal);
    }
    byApp.set(String(r.application), entry);
  }
  return new Map([...byApp].map(([key, e]) => {
    const s = reviewStats(e.totals);
    return [key, { mean: s.mean, spread: s.spread, done: e.totals.length, assigned: e.assigned }];
  }));
}

/** A call's reviewed applications (accepted or later) by mean weighted score, unscored last. */
export async function callRanking(callId: Types.ObjectId): Promise<CallRankingView> {
  const ranked = rankedApplicationsQuery(callId);
  const [apps, figures] = await Promise.all([
    ApplicationModel.find(ranked.filter, { title: 1, org: 1, status: 1, budget: 1 }).sort(ranked.sort).lean<ApplicationRecord[]>(),
    reviewFiguresByApplication(callId),
  ]);
  const orgs = await OrgModel.find({ _id: { $in: apps.map((a) => a.org) } }, { name: 1 }).lean();
  const orgName = new Map(orgs.map((o) => [String(o._id), o.name]));
  const items = apps.map((a) => {
    const f = figures.get(String(a._id)) ?? { mean: null, spread: null, done: 0, assigned: 0 };
    return {
      applicationId: String(a._id),
      title: a.title,
      org: { id: String(a.org), name: orgName.get(String(a.org)) ?? '' },
      status: a.status,
      requestedFunds: budgetTotals(a.budget).requested,
      mean: f.mean,
      spread: f.spread,
      reviewsDone: f.done,
      reviewsAssigned: f.assigned,
    };
  });
  items.sort((a, b) => (b.mean ?? -1) - (a.mean ?? -1) || a.title.localeCompare(b.title));
  return { callId: String(callId), items };
}
