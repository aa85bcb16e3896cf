import type { FeedbackSummaryView, InterestView, MatchFeedbackInput } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import type { ListingActor } from '../listings/listing.policy';
import { effectiveStatus } from '../listings/lifecycle';
import { openDealFromInterest } from '../deals/deal.open';
import { findReadable, listingRef } from '../listings/listing.store';
import { TechNeedModel } from '../needs/need.model';
import { notify } from '../notifications/notification.service';
import { OrgModel } from '../orgs/org.model';
import { ResearchResultModel } from '../results/result.model';
import { MatchFeedbackModel } from './feedback.model';
import { judgeDecision, maySeeInterest, partySide, type JudgeRefusal, type PairSide } from './match.policy';

type Id = Types.ObjectId | string;

/** The actor's verdicts on these pairs, keyed `need:result`. */
export async function verdictsOf(user: Id, pairs: { need: Id; result: Id }[]): Promise<Map<string, 'interested' | 'not_fit'>> {
  if (pairs.length === 0) {
    return new Map();
  }
  const docs = await MatchFeedbackModel.find({ user, $or: pairs.map((p) => ({ need: p.need, result: p.result })) }, { need: 1, result: 1, verdict: 1 }).lean();
  return new Map(docs.map((d) => [`${String(d.need)}:${String(d.result)}`, d.verdict]));
}

const REFUSALS: Record<JudgeRefusal, (mine: string) => { message: string; messageEn: string }> = {
  not_party: () => ({
    message: '只有需求方或成果方机构的成员可以评价此匹配',
    messageEn: 'Only members of the need’s or the result’s organisation can judge this match',
  }),
  own_not_published: (mine) => ({
    message: `您的${mine === 'need' ? '需求' : '成果'}尚未发布（或已撤回、已过期），发布后才能表达兴趣`,
    messageEn: `Your ${mine} is not published (or was withdrawn or has expired); interest can be shown once it is published`,
  }),
  other_not_published: (mine) => ({
    message: `对方的${mine === 'need' ? '成果' : '需求'}当前未发布，不能表达兴趣`,
    messageEn: `The other ${mine === 'need' ? 'result' : 'need'} is not published; interest cannot be shown`,
  }),
};

/**
 * Records "interested" or "not a fit" on a pair, as the match policy allows: the actor's
 * organisation owns one side; the verdict is about the other side. On interest, the other side's
 * owner is told which organisation is interested and through which of its published listings, and
 * the deal room of the pair opens (deals/deal.open.ts).
 */
export async function giveFeedback(actor: ListingActor, input: MatchFeedbackInput): Promise<{ verdict: string; deal?: string }> {
  const now = new Date();
  const [need, result] = await Promise.all([
    findReadable(TechNeedModel, 'need', input.needId, actor, now),
    findReadable(ResearchResultModel, 'result', input.resultId, actor, now),
  ]);
  const decision = judgeDecision(actor, input.verdict, listingRef('need', need, now), listingRef('result', result, now));
  if (!decision.ok) {
    const mine = partySide(actor, { org: String(need.org) }, { org: String(result.org) }) ?? 'need';
    const code = decision.why === 'not_party' ? 'FORBIDDEN' : 'INVALID_STATE';
    throw createError(code, REFUSALS[decision.why](mine));
  }
  const { about } = decision;
  const before = await MatchFeedbackModel.findOneAndUpdate(
    { need: need._id, result: result._id, user: actor.id },
    {
      $set: {
        about,
        org: actor.orgId,
        verdict: input.verdict,
        reason: input.verdict === 'not_fit' ? (input.reason ?? 'other') : null,
        note: input.note ?? '',
      },
    },
    { upsert: true, new: false },
  ).lean();
  if (input.verdict === 'interested' && before?.verdict !== 'interested') {
    const judged = about === 'result' ? result : need;
    const from = about === 'result' ? need : result;
    const org = await OrgModel.findById(actor.orgId, { name: 1 }).lean();
    const orgName = org?.name ?? '';
    const kindZh = about === 'result' ? '成果' : '需求';
    const kindEn = about === 'result' ? 'result' : 'need';
    await notify(judged.owner, {
      kind: 'listing.interest',
      title: `${orgName}对您的${kindZh}“${judged.title}”感兴趣`,
      titleEn: `${orgName} is interested in your ${kindEn} “${judged.title}”`,
      body: `来自其${about === 'result' ? '需求' : '成果'}：${from.title}`,
      bodyEn: `Through its ${about === 'result' ? 'need' : 'result'}: ${from.title}`,
      link: about === 'result' ? `/needs/${String(need._id)}` : `/results/${String(result._id)}`,
      key: `interest:${String(need._id)}:${String(result._id)}:${String(actor.id)}`,
    });
  }
  if (input.verdict === 'interested') {
    // Interest opens the deal room of this listing and pair of organisations (or returns the open one).
    const room = await openDealFromInterest(actor, need, result, about);
    return room ? { verdict: input.verdict, deal: String(room._id) } : { verdict: input.verdict };
  }
  return { verdict: input.verdict };
}

/** Organisations interested in a listing, once each per listing of theirs, through listings still published. */
async function interestIn(kind: PairSide, listingId: Types.ObjectId, now: Date): Promise<InterestView[]> {
  const docs = await MatchFeedbackModel.find({ [kind]: listingId, about: kind, verdict: 'interested' }, { need: 1, result: 1, user: 1, org: 1, updatedAt: 1 })
    .sort({ updatedAt: 1 })
    .lean();
  const fromKind: PairSide = kind === 'need' ? 'result' : 'need';
  const fromIds = [...new Set(docs.map((d) => String(d[fromKind])))];
  const model = (fromKind === 'need' ? TechNeedModel : ResearchResultModel) as typeof TechNeedModel;
  const listings = await model.find({ _id: { $in: fromIds } }, { title: 1, org: 1, status: 1, lastConfirmedAt: 1 }).lean();
  const live = new Map(listings.filter((l) => effectiveStatus(l, now) === 'published').map((l) => [String(l._id), l]));
  const orgIds = [...new Set([...live.values()].map((l) => String(l.org)))];
  const orgs = new Map((await OrgModel.find({ _id: { $in: orgIds } }, { name: 1 }).lean()).map((o) => [String(o._id), o.name]));
  const out = new Map<string, InterestView>();
  for (const d of docs) {
    const from = live.get(String(d[fromKind]));
    // The interest stands for the organisation that owns the offered listing, while it is published.
    if (!from || (d.org && String(d.org) !== String(from.org)) || out.has(String(from._id))) {
      continue;
    }
    const org = String(from.org);
    out.set(String(from._id), {
      org: { id: org, name: orgs.get(org) ?? '' },
      at: (d.updatedAt as Date).toISOString(),
      from: { kind: fromKind, id: String(from._id), title: from.title },
    });
  }
  return [...out.values()];
}

/** How others judged a listing: "not a fit" in aggregate, and who is interested; for its organisation and administrators. */
export async function feedbackSummary(kind: 'need' | 'result', id: string, actor: ListingActor): Promise<FeedbackSummaryView> {
  const now = new Date();
  const model = kind === 'need' ? TechNeedModel : ResearchResultModel;
  const listing = await findReadable(model as typeof TechNeedModel, kind, id, actor, now);
  if (!maySeeInterest(actor, { org: String(listing.org) })) {
    throw createError('FORBIDDEN');
  }
  const docs = await MatchFeedbackModel.find({ [kind]: listing._id, about: kind, verdict: 'not_fit' }, { reason: 1 }).lean();
  const reasons: Record<string, number> = {};
  for (const d of docs) {
    if (d.reason) {
      reasons[d.reason] = (reasons[d.reason] ?? 0) + 1;
    }
  }
  const interest = await interestIn(kind, listing._id, now);
  return { interested: interest.length, notFit: docs.length, reasons, interest };
}
