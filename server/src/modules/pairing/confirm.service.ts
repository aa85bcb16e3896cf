/**
 * After the review: the administrator confirms a run (its pairs become pairings, both sides are
 * notified, the requests leave the pool); each side accepts or declines with a reason (a decline
 * sends the request back to the pool and frees the commissioner's place for the next run).
 */
import type { PairingAnswerInput, PairingView } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import { audit } from '../audit/audit.service';
import { notifyMany } from '../notifications/notification.bulk';
import { notify } from '../notifications/notification.service';
import { OrgModel } from '../orgs/org.model';
import { ServiceRequestModel } from '../service-requests/service-request.model';
import type { UserDoc } from '../users/user.model';
import { PairingModel, type PairingRecord } from './pairing.model';
import { pairingNames } from './pairing.names';
import { commissionerPairingsQuery, orgPairingsQuery } from './pairing.queries';
import { loadsOfTerm } from './run.inputs';
import { PairingRunModel } from './run.model';
import { answerSide, assertMayRun, assertPairingParty, type PairingSide } from './pairing.policy';
import { presentPairing } from './run.presenter';
import { findRun, runPairs } from './review.service';
import { CommissionerModel } from '../commissioners/commissioner.model';

/** Tells both sides of every confirmed pair, in one bulk store (a 1,000-pair run is 2,000 notifications). */
async function notifyPaired(pairs: PairingRecord[]): Promise<void> {
  const names = await pairingNames(pairs);
  await notifyMany(pairs.flatMap((p) => {
    const title = names.request.get(String(p.request))?.title ?? '';
    const org = names.org.get(String(p.org)) ?? '';
    const person = names.commissioner.get(String(p.commissioner)) ?? '';
    return [
      { user: p.commissionerUser, input: {
        kind: 'pairing.match', key: `pairing.match:${String(p._id)}`, link: '/me/pairings',
        title: `您已与${org}配对`, titleEn: `You are paired with ${org}`,
        body: `服务需求：${title}。请接受或谢绝。`, bodyEn: `Service request: ${title}. Please accept or decline.`,
      } },
      { user: p.owner, input: {
        kind: 'pairing.match', key: `pairing.match:${String(p._id)}`, link: '/me/pairings',
        title: `“${title}”已配对科技特派员${person}`, titleEn: `"${title}" is paired with commissioner ${person}`,
        body: '请接受或谢绝。', bodyEn: 'Please accept or decline.',
      } },
    ];
  }));
}

/**
 * Confirms a proposed run: pairs whose request is no longer open, or whose commissioner has since
 * filled his places (another run confirmed meanwhile), are dropped and counted; the rest are confirmed.
 */
export async function confirmRun(admin: UserDoc, runId: string, ip: string): Promise<{ confirmed: number; dropped: number }> {
  assertMayRun(admin);
  const run = await findRun(runId);
  const claimed = await PairingRunModel.findOneAndUpdate({ _id: run._id, status: 'proposed' }, { $set: { status: 'confirmed', confirmedAt: new Date(), confirmedBy: admin._id } }).lean();
  if (!claimed) {
    throw createError('INVALID_STATE', { message: '只有待确认的配对结果可以确认', messageEn: 'Only a proposed run can be confirmed' });
  }
  const pairs = await runPairs(run);
  const [open, commissioners, load] = await Promise.all([
    ServiceRequestModel.find({ _id: { $in: pairs.map((p) => p.request) } }, { status: 1 }).lean(),
    CommissionerModel.find({ _id: { $in: pairs.map((p) => p.commissioner) } }, { capacity: 1, status: 1 }).lean(),
    loadsOfTerm(run.term),
  ]);
  const isOpen = new Set(open.filter((r) => r.status === 'open').map((r) => String(r._id)));
  const capacity = new Map(commissioners.filter((c) => c.status === 'approved').map((c) => [String(c._id), c.capacity]));
  const kept: PairingRecord[] = [];
  for (const p of pairs) {
    const c = String(p.commissioner);
    const held = load.get(c) ?? 0;
    if (isOpen.has(String(p.request)) && held < (capacity.get(c) ?? 0)) {
      kept.push(p);
      load.set(c, held + 1);
    }
  }
  const now = new Date();
  const keptIds = kept.map((p) => p._id);
  await PairingModel.updateMany({ _id: { $in: keptIds }, status: 'proposed' }, { $set: { status: 'confirmed', confirmedAt: now } });
  await PairingModel.deleteMany({ run: run._id, status: 'proposed' });
  await ServiceRequestModel.updateMany({ _id: { $in: kept.map((p) => p.request) }, status: 'open' }, { $set: { status: 'paired' } });
  await PairingRunModel.updateOne({ _id: run._id }, { $set: { 'totals.pairs': kept.length, 'totals.score': Math.round(kept.reduce((s, p) => s + p.score, 0) * 100) / 100 } });
  await audit({ action: 'pairing.run_confirm', actor: admin._id, target: { kind: 'pairing_run', id: runId }, detail: { confirmed: kept.length, dropped: pairs.length - kept.length }, ip });
  await notifyPaired(kept.map((p) => ({ ...p, status: 'confirmed', confirmedAt: now })));
  return { confirmed: kept.length, dropped: pairs.length - kept.length };
}

async function presentFor(user: UserDoc, pairs: PairingRecord[]): Promise<PairingView[]> {
  const names = await pairingNames(pairs);
  const orgs = await OrgModel.find({ _id: { $in: pairs.map((p) => p.org) } }, { createdBy: 1 }).lean();
  const creator = new Map(orgs.map((o) => [String(o._id), o.createdBy ?? null]));
  return pairs.map((p) => presentPairing(p, names, answerSide(user, p, creator.get(String(p.org)) ?? null)));
}

/** One side accepts or declines a confirmed pairing. */
export async function answerPairing(user: UserDoc, id: string, input: PairingAnswerInput): Promise<PairingView> {
  const pairing = await PairingModel.findById(id).lean<PairingRecord>();
  const org = pairing ? await OrgModel.findById(pairing.org, { createdBy: 1 }).lean() : null;
  assertPairingParty(user, pairing, org?.createdBy ?? null);
  const side: PairingSide | null = answerSide(user, pairing, org?.createdBy ?? null);
  if (!side) {
    throw createError('INVALID_STATE', { message: '这一方已经答复过，或配对已结束', messageEn: 'This side has answered already, or the pairing is closed' });
  }
  const field = side === 'commissioner' ? 'commissionerAnswer' : 'enterpriseAnswer';
  const answer = { accepted: input.accept, reason: input.reason ?? null, by: user._id, at: new Date() };
  const updated = await PairingModel.findOneAndUpdate(
    { _id: pairing._id, status: 'confirmed', [field]: null },
    { $set: { [field]: answer, ...(input.accept ? {} : { status: 'declined' }) } },
    { returnDocument: 'after' },
  ).lean<PairingRecord>();
  if (!updated) {
    throw createError('INVALID_STATE', { message: '这一方已经答复过，或配对已结束', messageEn: 'This side has answered already, or the pairing is closed' });
  }
  let final = updated;
  if (!input.accept) {
    // Back to the pool: the next run sees the request open again, and the commissioner's place is free.
    await ServiceRequestModel.updateOne({ _id: pairing.request, status: 'paired' }, { $set: { status: 'open', openedAt: new Date() } });
  } else if (updated.commissionerAnswer?.accepted && updated.enterpriseAnswer?.accepted) {
    final = (await PairingModel.findOneAndUpdate({ _id: pairing._id, status: 'confirmed' }, { $set: { status: 'accepted' } }, { returnDocument: 'after' }).lean<PairingRecord>()) ?? updated;
  }
  await notifyOtherSide(final, side, input);
  return (await presentFor(user, [final]))[0]!;
}

async function notifyOtherSide(p: PairingRecord, side: PairingSide, input: PairingAnswerInput): Promise<void> {
  const names = await pairingNames([p]);
  const who = side === 'commissioner' ? (names.commissioner.get(String(p.commissioner)) ?? '') : (names.org.get(String(p.org)) ?? '');
  const title = names.request.get(String(p.request))?.title ?? '';
  const to: Types.ObjectId = side === 'commissioner' ? p.owner : p.commissionerUser;
  await notify(to, {
    kind: 'pairing.answer', key: `pairing.answer:${String(p._id)}:${side}`, link: '/me/pairings',
    title: input.accept ? `${who}接受了“${title}”的配对` : `${who}谢绝了“${title}”的配对`,
    titleEn: input.accept ? `${who} accepted the pairing for "${title}"` : `${who} declined the pairing for "${title}"`,
    body: input.reason ?? '', bodyEn: input.reason ?? '',
  });
}

/** "My pairings": as a commissioner, or as a member of an enterprise. */
export async function myPairings(user: UserDoc, side: PairingSide, q: { page: number; pageSize: number }) {
  if (side === 'enterprise' && (!user.org || user.orgStatus === 'pending')) {
    return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  }
  const { filter, sort } = side === 'commissioner' ? commissionerPairingsQuery(user._id) : orgPairingsQuery(user.org!);
  const [docs, total] = await Promise.all([
    PairingModel.find(filter).sort(sort).skip((q.page - 1) * q.pageSize).limit(q.pageSize).lean<PairingRecord[]>(),
    PairingModel.countDocuments(filter),
  ]);
  return { items: await presentFor(user, docs), total, page: q.page, pageSize: q.pageSize };
}
