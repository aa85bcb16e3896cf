/**
 * Inviting an intermediary into a deal room: the provider or the enterprise invites a verified
 * intermediary organisation (one pending invitation at a time, at most one intermediary per
 * room); its members accept — it becomes a participant — or decline. An invitation that came with
 * a service order is answered together with the order.
 */
import type { DealIntermediaryView, DealInvitationInput, IntermediaryAnswerInput } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import { audit } from '../audit/audit.service';
import { DealRoomModel, type DealRoomRecord } from '../deals/deal.model';
import { publishDealUpdate } from '../deals/deal.events';
import { loadDealRoom, type DealUser } from '../deals/deal.policy';
import { isApprovedMember } from '../orgs/membership.rules';
import { DealInvitationModel, ServiceOrderModel, type DealInvitationRecord, type ServiceOrderRecord } from './intermediary.model';
import { namesFor, orgNames, presentInvitation, presentOrder } from './intermediary.presenter';
import { assertOpen, assertPrincipal, bringIn, conflictOtherIntermediary, intermediaryOrgOr400, otherOrgs, roomHasOther, tellOrgs } from './intermediary.room';

/** The intermediary part of a room for a participant (administrators read it audited by loadDealRoom). */
export async function dealIntermediary(user: DealUser, dealId: string, ip: string): Promise<DealIntermediaryView> {
  const { room, party } = await loadDealRoom(user, dealId, { write: false, ip });
  return intermediaryViewOf(room, party);
}

export async function intermediaryViewOf(room: DealRoomRecord, party: DealIntermediaryView['myParty']): Promise<DealIntermediaryView> {
  const [invitations, orders] = await Promise.all([
    DealInvitationModel.find({ room: room._id }).sort({ createdAt: -1 }).lean<DealInvitationRecord[]>(),
    ServiceOrderModel.find({ room: room._id }).sort({ createdAt: -1 }).lean<ServiceOrderRecord[]>(),
  ]);
  const names = await namesFor(invitations, orders);
  const orgId = room.intermediaryOrg;
  const intermediary = orgId ? { id: String(orgId), name: names.org.get(String(orgId)) ?? (await orgNames([orgId])).get(String(orgId)) ?? '' } : null;
  return {
    intermediary,
    invitations: invitations.map((i) => presentInvitation(i, names)),
    orders: orders.map((o) => presentOrder(o, names, party === 'intermediary')),
    myParty: party,
  };
}

/** Records a pending invitation of `org` (shared by invitations and orders that bring an intermediary in). */
export async function createInvitation(
  room: DealRoomRecord, org: Types.ObjectId, party: 'supply' | 'demand', by: Types.ObjectId, note: string | null, order: Types.ObjectId | null,
): Promise<DealInvitationRecord> {
  const pending = await DealInvitationModel.findOne({ room: room._id, status: 'pending' }).lean<DealInvitationRecord>();
  if (pending) {
    throw createError('CONFLICT', { message: '已有一份待答复的中介邀请', messageEn: 'An invitation to an intermediary is already awaiting an answer' });
  }
  return (await DealInvitationModel.create({ room: room._id, org, party, invitedBy: by, note, order })).toObject() as DealInvitationRecord;
}

export async function inviteIntermediary(user: DealUser, dealId: string, input: DealInvitationInput, ip: string): Promise<DealIntermediaryView> {
  const { room, party } = await loadDealRoom(user, dealId, { write: true, ip });
  const principal = assertPrincipal(party);
  assertOpen(room);
  const org = await intermediaryOrgOr400(input.org, 'body.org');
  if (room.intermediaryOrg) {
    throw room.intermediaryOrg.equals(org) ? createError('CONFLICT', { message: '该中介机构已在洽谈室中', messageEn: 'This intermediary is already in the room' }) : conflictOtherIntermediary();
  }
  const inv = await createInvitation(room, org, principal, user._id, input.note ?? null, null);
  await audit({ action: 'intermediary.invite', actor: user._id, target: { kind: 'deal', id: dealId }, detail: { org: String(org), invitation: String(inv._id) }, ip });
  await tellOrgs([org], `invite:${String(inv._id)}`, '/me/intermediary', {
    title: `洽谈邀请：“${room.listing.title}”`, titleEn: `Invitation to a deal: "${room.listing.title}"`,
    body: '一方邀请贵机构参与洽谈，请在中介工作台答复', bodyEn: 'A party invites your organisation into a deal; answer on your intermediary home',
  });
  publishDealUpdate(dealId, 'participants');
  return intermediaryViewOf(room, party);
}

/**
 * A member of the invited organisation accepts or declines; accepting makes it the room's
 * intermediary (409 when another intermediary got in first). The order it came with is answered too.
 */
export async function answerInvitation(
  user: DealUser, dealId: string, invitationId: string, input: IntermediaryAnswerInput, ip: string,
): Promise<DealIntermediaryView> {
  const inv = await DealInvitationModel.findOne({ _id: invitationId, room: dealId }).lean<DealInvitationRecord>();
  if (!inv || user.role === 'admin' || !isApprovedMember(user, inv.org)) {
    throw createError('NOT_FOUND');
  }
  const room = await DealRoomModel.findById(dealId).lean<DealRoomRecord>();
  if (!room) {
    throw createError('NOT_FOUND');
  }
  if (inv.status !== 'pending') {
    throw createError('INVALID_STATE', { message: '该邀请已答复', messageEn: 'This invitation has been answered' });
  }
  const at = new Date();
  if (input.accept) {
    assertOpen(room);
    if (roomHasOther(room, inv.org) || !(await bringIn(room, inv.org, user._id, inv.note, at))) {
      throw conflictOtherIntermediary();
    }
  }
  const status = input.accept ? 'accepted' : 'declined';
  const answered = await DealInvitationModel.findOneAndUpdate(
    { _id: inv._id, status: 'pending' },
    { $set: { status, answeredBy: user._id, answeredAt: at, answerNote: input.note ?? null } },
    { returnDocument: 'after' },
  ).lean<DealInvitationRecord>();
  if (!answered) {
    throw createError('INVALID_STATE', { message: '该邀请已答复', messageEn: 'This invitation has been answered' });
  }
  if (inv.order) {
    await ServiceOrderModel.updateOne(
      { _id: inv.order, status: 'requested' },
      { $set: { status: input.accept ? 'accepted' : 'declined' }, $push: { steps: { kind: input.accept ? 'accept' : 'decline', by: user._id, at, note: input.note ?? null } } },
    );
  }
  await audit({ action: 'intermediary.invite_answer', actor: user._id, target: { kind: 'deal', id: dealId }, detail: { invitation: invitationId, accept: input.accept }, ip });
  await tellOrgs(otherOrgs(room, 'intermediary').filter((o) => !o.equals(inv.org)), `invite-answer:${invitationId}`, `/deals/${dealId}`, {
    title: input.accept ? `中介机构已加入洽谈：“${room.listing.title}”` : `中介机构谢绝了邀请：“${room.listing.title}”`,
    titleEn: input.accept ? `The intermediary joined the deal: "${room.listing.title}"` : `The intermediary declined: "${room.listing.title}"`,
  });
  publishDealUpdate(dealId, 'participants');
  if (inv.order) {
    publishDealUpdate(dealId, 'orders');
  }
  const fresh = (await DealRoomModel.findById(dealId).lean<DealRoomRecord>()) ?? room;
  return intermediaryViewOf(fresh, input.accept ? 'intermediary' : null);
}

/**
 * The provider or the enterprise withdraws a pending invitation (an intermediary that does not
 * answer must not block the room); the order it came with is withdrawn too.
 */
export async function withdrawInvitation(user: DealUser, dealId: string, invitationId: string, ip: string): Promise<DealIntermediaryView> {
  const { room, party } = await loadDealRoom(user, dealId, { write: true, ip });
  assertPrincipal(party);
  const at = new Date();
  const inv = await DealInvitationModel.findOneAndUpdate(
    { _id: invitationId, room: room._id, status: 'pending' },
    { $set: { status: 'withdrawn', answeredBy: user._id, answeredAt: at } },
    { returnDocument: 'after' },
  ).lean<DealInvitationRecord>();
  if (!inv) {
    throw createError('INVALID_STATE', { message: '没有待答复的该邀请', messageEn: 'No such invitation awaiting an answer' });
  }
  if (inv.order) {
    await ServiceOrderModel.updateOne({ _id: inv.order, status: 'requested' }, { $set: { status: 'cancelled' }, $push: { steps: { kind: 'withdraw', by: user._id, at, note: null } } });
  }
  await audit({ action: 'intermediary.invite', actor: user._id, target: { kind: 'deal', id: dealId }, detail: { invitation: invitationId, withdrawn: true }, ip });
  publishDealUpdate(dealId, 'participants');
  return intermediaryViewOf(room, party);
}
