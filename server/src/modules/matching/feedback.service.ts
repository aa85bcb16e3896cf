import type { FeedbackSummaryView, MatchFeedbackInput } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import type { ListingActor } from '../listings/listing.policy';
import { findReadable } from '../listings/listing.store';
import { TechNeedModel } from '../needs/need.model';
import { notify } from '../notifications/notification.service';
import { ResearchResultModel } from '../results/result.model';
import { MatchFeedbackModel } from './feedback.model';

type Id = Types.ObjectId | string;

/** The actor's verdicts on these pairs, keyed `need:result`. */
export async function verdictsOf(user: Id, pairs: { need: Id; result: Id }[]): Promise<Map<string, 'interested' | 'not_fit'>> {
  if (pairs.length === 0) {
    return new Map();
  }
  const docs = await MatchFeedbackModel.find({ user, $or: pairs.map((p) => ({ need: p.need, result: p.result })) }, { need: 1, result: 1, verdict: 1 }).lean();
  return new Map(docs.map((d) => [`${String(d.need)}:${String(d.result)}`, d.verdict]));
}

/**
 * Records "interested" or "not a fit" on a pair. The actor must belong to the organisation of one
 * side; the verdict is about the other side, whose owner is told when someone is interested.
 */
export async function giveFeedback(actor: ListingActor, input: MatchFeedbackInput): Promise<{ verdict: string }> {
  const now = new Date();
  const [need, result] = await Promise.all([
    findReadable(TechNeedModel, 'need', input.needId, actor, now),
    findReadable(ResearchResultModel, 'result', input.resultId, actor, now),
  ]);
  const org = actor.orgId ? String(actor.orgId) : '';
  const about = org === String(need.org) ? 'result' : org === String(result.org) ? 'need' : null;
  if (!about) {
    throw createError('FORBIDDEN', { message: '只有需求方或成果方机构的成员可以评价此匹配', messageEn: 'Only members of the need’s or the result’s organisation can judge this match' });
  }
  const before = await MatchFeedbackModel.findOneAndUpdate(
    { need: need._id, result: result._id, user: actor.id },
    { $set: { about, verdict: input.verdict, reason: input.verdict === 'not_fit' ? (input.reason ?? 'other') : null, note: input.note ?? '' } },
    { upsert: true, new: false },
  ).lean();
  if (input.verdict === 'interested' && before?.verdict !== 'interested') {
    const judged = about === 'result' ? result : need;
    const from = about === 'result' ? need : result;
    const kindZh = about === 'result' ? '成果' : '需求';
    const kindEn = about === 'result' ? 'result' : 'need';
    await notify(judged.owner, {
      kind: 'listing.interest',
      title: `有人对您的${kindZh}“${judged.title}”感兴趣`,
      titleEn: `Someone is interested in your ${kindEn} “${judged.title}”`,
      body: `来自：${from.title}`,
      bodyEn: `From: ${from.title}`,
      link: about === 'result' ? `/needs/${String(need._id)}` : `/results/${String(result._id)}`,
      key: `interest:${String(need._id)}:${String(result._id)}:${String(actor.id)}`,
    });
  }
  return { verdict: input.verdict };
}

/** How others judged a listing, in aggregate: for its own organisation and administrators. */
export async function feedbackSummary(kind: 'need' | 'result', id: string, actor: ListingActor): Promise<FeedbackSummaryView> {
  const model = kind === 'need' ? TechNeedModel : ResearchResultModel;
  const listing = await findReadable(model as typeof TechNeedModel, kind, id, actor, new Date());
  if (actor.role !== 'admin' && String(actor.orgId) !== String(listing.org)) {
    throw createError('FORBIDDEN');
  }
  const docs = await MatchFeedbackModel.find({ [kind]: listing._id, about: kind }, { verdict: 1, reason: 1 }).lean();
  const reasons: Record<string, number> = {};
  let interested = 0;
  for (const d of docs) {
    if (d.verdict === 'interested') {
      interested += 1;
    } else if (d.reason) {
      reasons[d.reason] = (reasons[d.reason] ?? 0) + 1;
    }
  }
  return { interested, notFit: docs.length - interested, reasons };
}
