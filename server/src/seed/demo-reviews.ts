/**
 * The expert-review demo (issue 15): an expert pool of demo researchers and commissioners (fields
 * and key terms from their organisations' published results), the past calls' accepted
 * applications assigned to three free reviewers each (by field match, conflicts excluded) and
 * scored — complete except the last past call's newest application, with one outlier — and the
 * current call's accepted applications assigned with the scores pending (but the last, left for the
 * administrator to assign); the demo researcher has pending assignments, so his workbench
 * (/reviews) is not empty. Deterministic (mulberry32).
 */
import { weightedTotal } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { mulberry32 } from '../lib/prng';
import { ResearchResultModel } from '../modules/results/result.model';
import { UserModel } from '../modules/users/user.model';
import { ApplicationModel, type ApplicationRecord } from '../modules/programmes/application.model';
import { CallModel, type CallRecord } from '../modules/programmes/call.model';
import { ExpertModel, type ExpertRecord } from '../modules/programmes/experts.model';
import { ReviewModel } from '../modules/programmes/review.model';
import { applicationFields, conflictsOf, fieldMatch } from '../modules/programmes/review.conflicts';

const SEED = 1516;
const DAY = 86_400_000;
const POOL = 40;
const COMMENTS = ['技术路线清晰，已有中试基础', '市场前景较好，需细化销售计划', '合作分工明确', '经费预算基本合理', '团队实力较强'];

const top = <T extends string>(xs: T[]): T[] => {
  const counts = new Map<T, number>();
  xs.forEach((x) => counts.set(x, (counts.get(x) ?? 0) + 1));
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 2).map(([k]) => k);
};

/** `featured`: the account whose workbench must not be empty (the demo researcher). */
export async function seedDemoReviews(input: { now: Date; admin: Types.ObjectId; featured: Types.ObjectId | null }): Promise<{ experts: number; reviews: number; submitted: number }> {
  const rand = mulberry32(SEED);
  const candidates = await UserModel.find({ role: { $in: ['researcher', 'commissioner'] }, org: { $ne: null }, orgStatus: { $ne: 'pending' } }, { org: 1, displayName: 1 })
    .sort({ _id: 1 }).limit(400).lean();
  const featured = candidates.find((u) => input.featured?.equals(u._id));
  const chosen = [...(featured ? [featured] : []), ...candidates.filter((u) => u !== featured).filter((_, i) => i % Math.max(1, Math.floor(candidates.length / POOL)) === 0)].slice(0, POOL);
  const results = await ResearchResultModel.find({ org: { $in: chosen.map((u) => u.org!) }, status: 'published' }, { org: 1, discipline: 1, industry: 1, keywords: 1 }).sort({ _id: 1 }).lean();
  const experts: ExpertRecord[] = [];
  for (const u of chosen) {
    const mine = results.filter((r) => r.org.equals(u.org!));
    const doc = await ExpertModel.create({
      user: u._id, org: u.org, disciplines: top(mine.map((r) => r.discipline)), industries: top(mine.map((r) => r.industry)),
      terms: [...new Set(mine.flatMap((r) => r.keywords.slice(0, 2)))].slice(0, 6), stakes: [], active: true, createdBy: input.admin,
    });
    experts.push(doc.toObject() as ExpertRecord);
  }
  const accounts = new Map(chosen.map((u) => [String(u._id), u]));
  const calls = await CallModel.find({ status: { $ne: 'draft' } }).sort({ year: 1, _id: 1 }).lean<CallRecord[]>();
  const currentYear = Number(new Date(input.now.getTime() + 8 * 3600_000).toISOString().slice(0, 4));
  const past = calls.filter((c) => c.year < currentYear);
  const rows: Record<string, unknown>[] = [];
  let outlierDone = false;
  let keptForAdmin = false;
  for (const c of calls) {
    const apps = await ApplicationModel.find({ call: c._id, status: 'accepted' }).sort({ submittedAt: 1, _id: 1 }).lean<ApplicationRecord[]>();
    const isPast = past.includes(c);
    const lastPast = c === past[past.length - 1];
    // The current call from its newest application back: the first the demo researcher is free on is kept.
    for (const [ai, app] of (isPast ? apps : [...apps].reverse()).entries()) {
      const fields = await applicationFields(app);
      const free = experts
        .filter((e) => conflictsOf(e, { _id: e.user, org: accounts.get(String(e.user))?.org ?? null }, app, () => '').length === 0)
        .map((e) => ({ e, score: fieldMatch(e, fields).score }))
        .sort((a, b) => b.score - a.score || String(a.e._id).localeCompare(String(b.e._id)));
      const picked = free.slice(0, 3).map((x) => x.e);
      const featuredFree = featured ? free.find((x) => x.e.user.equals(featured._id))?.e : undefined;
      // The current call's last accepted application the demo researcher may review is left for the
      // administrator to assign (the browser test does); he reviews the others where he is free to,
      // and holds the one pending review of the last past call.
      if (!isPast && featuredFree && !keptForAdmin) {
        keptForAdmin = true;
        continue;
      }
      const pendingSlot = !isPast || (lastPast && ai === apps.length - 1);
      if (pendingSlot && featuredFree && !picked.includes(featuredFree)) {
        picked[Math.min(2, picked.length - 1)] = featuredFree;
      }
      const base = 60 + Math.floor(rand() * 30);
      const assignedAt = isPast ? new Date(Date.parse(`${c.closesAt}T00:00:00+08:00`) + 20 * DAY) : new Date(input.now.getTime() - 2 * DAY);
      for (const [ri, e] of picked.entries()) {
        const pending = !isPast || (lastPast && ai === apps.length - 1 && ri === 2);
        const outlier: boolean = isPast && !outlierDone && ri === 2 && ai === 0;
        outlierDone ||= outlier;
        const scores = c.criteria.map((cr, ci) => ({
          criterion: cr.name,
          score: Math.max(0, Math.min(100, (outlier ? base - 35 : base) + Math.floor(rand() * 11) - 5)),
          comment: COMMENTS[(ai + ri + ci) % COMMENTS.length]!,
        }));
        rows.push({
          call: c._id, application: app._id, expert: e._id, reviewer: e.user, assignedBy: input.admin, assignedAt,
          status: pending ? 'assigned' : 'submitted',
          scores: pending ? [] : scores,
          recommendation: pending ? null : outlier ? 'reject' : base > 75 ? 'fund' : 'fund_with_changes',
          weightedTotal: pending ? null : weightedTotal(c.criteria, scores),
          submittedAt: pending ? null : new Date(assignedAt.getTime() + (10 + ri) * DAY),
        });
      }
      if (picked.length) {
        await ApplicationModel.updateOne({ _id: app._id }, { $set: { status: 'under_review' } });
      }
    }
  }
  if (rows.length) {
    await ReviewModel.insertMany(rows, { lean: true });
  }
  return { experts: experts.length, reviews: rows.length, submitted: rows.filter((r) => r.status === 'submitted').length };
}
