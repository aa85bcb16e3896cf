/** A deal room's page, the caller's rooms and the stage changes the transition table allows. */
import { DEAL_STAGES, type DealDetailView, type DealListQuery, type DealListView, type DealStageInput, type DealUnreadView } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import type { QuerySpec } from '../../lib/query-spec';
import { audit } from '../audit/audit.service';
import { isApprovedMember } from '../orgs/membership.rules';
import { unreadCounts } from './deal.messages';
import { publishDealUpdate } from './deal.events';
import { DealMessageModel, DealReadModel, DealRoomModel, type DealReadRecord, type DealRoomRecord } from './deal.model';
import { tellDealParties } from './deal.notify';
import { loadDealRoom, partyOf, type DealUser } from './deal.policy';
import { loadDealNames, presentDealDetail, presentDealSummary } from './deal.presenter';
import { decideMove, type MoveRefusal } from './deal.transitions';

/** The rooms of an organisation, most recently active first, of one stage or all → {orgs, stage, updatedAt} / {orgs, updatedAt}. */
export function myDealsQuery(org: Types.ObjectId | string, stage?: string): QuerySpec {
  return { filter: stage ? { orgs: org, stage } : { orgs: org }, sort: { updatedAt: -1, _id: -1 } };
}

/** How many rooms, most recently active first, the unread total looks at. */
export const UNREAD_ROOMS_MAX = 200;

/**
 * The caller's unread total: rooms of his organisation with messages → his read markers → only the
 * rooms whose last number is past his marker are counted (usually few).
 */
export async function unreadTotal(user: DealUser): Promise<DealUnreadView> {
  if (user.role === 'admin' || !user.org || !isApprovedMember(user, user.org)) {
    return { unread: 0, rooms: 0 };
  }
  const { filter, sort } = myDealsQuery(user.org);
  const rooms = await DealRoomModel.find(filter, { messageSeq: 1 }).sort(sort).limit(UNREAD_ROOMS_MAX).lean<Pick<DealRoomRecord, '_id' | 'messageSeq'>[]>();
  const live = rooms.filter((r) => r.messageSeq > 0);
  if (live.length === 0) {
    return { unread: 0, rooms: 0 };
  }
  const reads = await DealReadModel.find({ room: { $in: live.map((r) => r._id) }, user: user._id }, { room: 1, seq: 1 }).lean();
  const upTo = new Map(reads.map((r) => [String(r.room), r.seq]));
  const behind = live.filter((r) => r.messageSeq > (upTo.get(String(r._id)) ?? 0));
  const counts = await Promise.all(
    behind.map((r) => DealMessageModel.countDocuments({ room: r._id, seq: { $gt: upTo.get(String(r._id)) ?? 0 }, sender: { $ne: user._id } })),
  );
  return { unread: counts.reduce((a, b) => a + b, 0), rooms: counts.filter((c) => c > 0).length };
}

/** The caller's rooms (through the organisation they are an approved member of); none for administrators. */
export async function listMyDeals(user: DealUser, q: DealListQuery): Promise<DealListView> {
  if (user.role === 'admin' || !user.org || !isApprovedMember(user, user.org)) {
    return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  }
  const { filter, sort } = myDealsQuery(user.org, q.stage);
  const [rooms, total] = await Promise.all([
    DealRoomModel.find(filter).sort(sort).skip((q.page - 1) * q.pageSize).limit(q.pageSize).lean<DealRoomRecord[]>(),
    DealRoomModel.countDocuments(filter),
  ]);
  const [names, unread] = await Promise.all([
    loadDealNames(rooms.flatMap((r) => r.orgs), []),
    unreadCounts(user._id, rooms),
  ]);
  return { items: rooms.map((r) => presentDealSummary(r, names, partyOf(user, r), unread.get(String(r._id)) ?? 0)), total, page: q.page, pageSize: q.pageSize };
}

async function detailOf(user: DealUser, room: DealRoomRecord): Promise<DealDetailView> {
  const party = partyOf(user, room);
  const [reads, unread] = await Promise.all([
    DealReadModel.find({ room: room._id }).lean<DealReadRecord[]>(),
    party ? unreadCounts(user._id, [room]) : new Map<string, number>(),
  ]);
  const people = [...room.history.map((h) => h.by), room.proposal?.by ?? null, ...reads.map((r) => r.user)];
  const names = await loadDealNames(room.orgs, people);
  return presentDealDetail(room, names, party, unread.get(String(room._id)) ?? 0, reads);
}

/** A room's page: participants, and administrators (audited). */
export async function dealDetail(user: DealUser, id: string, ip: string): Promise<DealDetailView> {
  const { room } = await loadDealRoom(user, id, { write: false, ip });
  return detailOf(user, room);
}

const REFUSALS: Record<MoveRefusal, { code: 'INVALID_STATE' | 'FORBIDDEN'; message: string; messageEn: string }> = {
  no_transition: { code: 'INVALID_STATE', message: '当前阶段不能转到该阶段', messageEn: 'The deal cannot go to that stage from its current one' },
  not_allowed: { code: 'FORBIDDEN', message: '您所在的一方不能进行此阶段变更', messageEn: 'Your party may not make this stage change' },
  already_proposed: { code: 'INVALID_STATE', message: '已提出该变更，等待对方确认', messageEn: 'You proposed this change already; the other side must confirm it' },
};

/** The proposal read is still the one stored (no embedded-document equality: field order would matter). */
function proposalFilter(p: DealRoomRecord['proposal']): Record<string, unknown> {
  return p ? { 'proposal.to': p.to, 'proposal.party': p.party, 'proposal.at': p.at } : { proposal: null };
}

const label = (code: string) => DEAL_STAGES.find((s) => s.code === code) ?? { zh: code, en: code };

/**
 * A participant moves the stage, proposes a two-sided change or confirms the other side's proposal
 * (see deal.transitions.ts). Each is conditioned on the stage (and proposal) read, so two changes
 * at once cannot both apply; recorded in the room's history, audited, told to the other parties.
 */
export async function changeStage(user: DealUser, id: string, input: DealStageInput, ip: string): Promise<DealDetailView> {
  const { room, party } = await loadDealRoom(user, id, { write: true, ip });
  const decision = decideMove(room, party, input.to);
  if (!decision.ok) {
    const r = REFUSALS[decision.why];
    throw createError(r.code, { message: r.message, messageEn: r.messageEn });
  }
  const at = new Date();
  const entry = { kind: decision.as, from: room.stage, to: input.to, party, by: user._id, at, reason: input.to === 'terminated' ? (input.reason ?? 'other') : null, note: input.note ?? null };
  const moves = decision.as !== 'propose';
  const closed = input.to === 'done' || input.to === 'terminated';
  const filter = { _id: room._id, stage: room.stage, ...proposalFilter(room.proposal) };
  const set: Record<string, unknown> = moves
    ? { stage: input.to, proposal: null, ...(closed ? { openKey: `closed:${String(room._id)}` } : {}) }
    : { proposal: { to: input.to, party, by: user._id, at } };
  const updated = await DealRoomModel.findOneAndUpdate(filter, { $set: set, $push: { history: entry }, $addToSet: { contacts: user._id } }, { returnDocument: 'after' }).lean<DealRoomRecord>();
  if (!updated) {
    throw createError('CONFLICT', { message: '洽谈状态刚刚发生了变化，请刷新后重试', messageEn: 'The deal changed meanwhile; reload and try again' });
  }
  await audit({ action: 'deal.stage', actor: user._id, target: { kind: 'deal', id: String(room._id) }, detail: { as: decision.as, from: room.stage, to: input.to, reason: entry.reason }, ip });
  const to = label(input.to);
  const [zh, en] = decision.as === 'propose'
    ? [`对方提议进入“${to.zh}”阶段，请确认`, `the other side proposes to move to ${to.en}; please confirm`]
    : [`洽谈进入“${to.zh}”阶段`, `the deal moved to ${to.en}`];
  await tellDealParties(updated, party, 'deal.stage', `${updated.history.length}`, {
    title: `“${room.listing.title}”：${zh}`, titleEn: `"${room.listing.title}": ${en}`,
  });
  publishDealUpdate(String(room._id), 'stage', updated.stage);
  return detailOf(user, updated);
}

/** The proposer withdraws a pending proposal, or the other principal declines it. */
export async function dropProposal(user: DealUser, id: string, ip: string): Promise<DealDetailView> {
  const { room, party } = await loadDealRoom(user, id, { write: true, ip });
  const p = room.proposal;
  if (!p) {
    throw createError('INVALID_STATE', { message: '没有待确认的阶段变更', messageEn: 'There is no pending proposal' });
  }
  if (party !== 'supply' && party !== 'demand') {
    throw createError('FORBIDDEN', REFUSALS.not_allowed);
  }
  const kind = p.party === party ? 'withdraw' : 'decline';
  const entry = { kind, from: room.stage, to: p.to, party, by: user._id, at: new Date(), reason: null, note: null };
  const updated = await DealRoomModel.findOneAndUpdate({ _id: room._id, stage: room.stage, ...proposalFilter(p) }, { $set: { proposal: null }, $push: { history: entry } }, { returnDocument: 'after' }).lean<DealRoomRecord>();
  if (!updated) {
    throw createError('CONFLICT', { message: '洽谈状态刚刚发生了变化，请刷新后重试', messageEn: 'The deal changed meanwhile; reload and try again' });
  }
  await audit({ action: 'deal.stage', actor: user._id, target: { kind: 'deal', id: String(room._id) }, detail: { as: kind, to: p.to }, ip });
  if (kind === 'decline') {
    const to = label(p.to);
    await tellDealParties(updated, party, 'deal.stage', `${updated.history.length}`, {
      title: `“${room.listing.title}”：对方未同意进入“${to.zh}”阶段`, titleEn: `"${room.listing.title}": the other side declined moving to ${to.en}`,
    });
  }
  publishDealUpdate(String(room._id), 'stage', updated.stage);
  return detailOf(user, updated);
}
