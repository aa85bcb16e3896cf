/**
 * Service orders delivered into a deal room: a party orders a catalogue service (an intermediary
 * not yet in the room is invited with it and accepts both at once) → the intermediary accepts or
 * declines → uploads its report and delivers with a summary → the ordering party accepts the
 * delivery and rates it. Files are downloadable by the room's participants only.
 */
import type { DealIntermediaryView, IntermediaryAnswerInput, OrderCancelInput, OrderDeliveryInput, OrderRatingInput, ServiceOrderInput } from '@kezhuan/shared';
import { createError } from '../../lib/errors';
import { audit } from '../audit/audit.service';
import { publishDealUpdate } from '../deals/deal.events';
import type { DealRoomRecord } from '../deals/deal.model';
import { loadDealRoom, type DealUser } from '../deals/deal.policy';
import { checkedAttachmentType, removeUpload, saveUpload, uploadPath } from '../listings/attachment.store';
import { answerInvitation, createInvitation, intermediaryViewOf } from './intermediary.invitations';
import { DealInvitationModel, IntermediaryServiceModel, ServiceOrderModel, type IntermediaryServiceRecord, type ServiceOrderRecord } from './intermediary.model';
import { assertOpen, assertPrincipal, conflictOtherIntermediary, intermediaryOrgOr400, otherOrgs, roomHasOther, tellOrgs } from './intermediary.room';

const notFound = () => createError('NOT_FOUND');
const badState = (message: string, messageEn: string) => createError('INVALID_STATE', { message, messageEn });

export async function placeOrder(user: DealUser, dealId: string, input: ServiceOrderInput, ip: string): Promise<DealIntermediaryView> {
  const { room, party } = await loadDealRoom(user, dealId, { write: true, ip });
  const principal = assertPrincipal(party);
  assertOpen(room);
  const service = await IntermediaryServiceModel.findOne({ _id: input.service, status: 'active' }).lean<IntermediaryServiceRecord>();
  if (!service) {
    throw createError('VALIDATION_FAILED', { fields: [{ path: 'body.service', code: 'service', message: '该服务不存在或已下架', messageEn: 'No such service, or it was withdrawn' }] });
  }
  await intermediaryOrgOr400(service.org, 'body.service');
  if (roomHasOther(room, service.org)) {
    throw conflictOtherIntermediary();
  }
  const at = new Date();
  const order = (
    await ServiceOrderModel.create({
      room: room._id, service: service._id, serviceKind: service.kind, serviceTitle: service.title, org: service.org, party: principal,
      orderedBy: user._id, note: input.note ?? null, agreedPrice: input.agreedPrice ?? null,
      steps: [{ kind: 'order', by: user._id, at, note: input.note ?? null }],
    })
  ).toObject() as ServiceOrderRecord;
  if (!room.intermediaryOrg) {
    try {
      // Invited already without an order: the order rides on that invitation.
      const joined = await DealInvitationModel.updateOne({ room: room._id, org: service.org, status: 'pending', order: null }, { $set: { order: order._id } });
      if (!joined.modifiedCount) {
        await createInvitation(room, service.org, principal, user._id, input.note ?? null, order._id);
      }
    } catch (err) {
      await ServiceOrderModel.deleteOne({ _id: order._id });
      throw err;
    }
  }
  await audit({ action: 'intermediary.order', actor: user._id, target: { kind: 'deal', id: dealId }, detail: { order: String(order._id), service: String(service._id), agreedPrice: order.agreedPrice }, ip });
  await tellOrgs([service.org], `order:${String(order._id)}`, room.intermediaryOrg ? `/deals/${dealId}` : '/me/intermediary', {
    title: `新的服务订单：${service.title}`, titleEn: `New service order: ${service.title}`,
    body: `洽谈：“${room.listing.title}”`, bodyEn: `Deal: "${room.listing.title}"`,
  });
  publishDealUpdate(dealId, 'orders');
  return intermediaryViewOf(room, party);
}

async function orderIn(dealId: string, orderId: string): Promise<ServiceOrderRecord> {
  const order = await ServiceOrderModel.findOne({ _id: orderId, room: dealId }).lean<ServiceOrderRecord>();
  if (!order) {
    throw notFound();
  }
  return order;
}

/** The room and order for the intermediary of the order, who must be in the room. */
async function asIntermediary(user: DealUser, dealId: string, orderId: string, ip: string): Promise<{ room: DealRoomRecord; order: ServiceOrderRecord }> {
  const { room, party } = await loadDealRoom(user, dealId, { write: true, ip });
  const order = await orderIn(dealId, orderId);
  if (party !== 'intermediary' || !room.intermediaryOrg?.equals(order.org)) {
    throw createError('FORBIDDEN', { message: '只有承接服务的中介机构可以操作', messageEn: 'Only the intermediary providing the service can do this' });
  }
  return { room, order };
}

/** Moves the order from one status to another with a recorded step; 409 when it moved meanwhile. */
async function step(order: ServiceOrderRecord, from: ServiceOrderRecord['status'], set: Record<string, unknown>, kind: string, by: DealUser['_id'], note: string | null) {
  const updated = await ServiceOrderModel.findOneAndUpdate(
    { _id: order._id, status: from },
    { $set: set, $push: { steps: { kind, by, at: new Date(), note } } },
    { returnDocument: 'after' },
  ).lean<ServiceOrderRecord>();
  if (!updated) {
    throw badState('订单状态已变化，请刷新', 'The order changed meanwhile; reload');
  }
  return updated;
}

export async function answerOrder(user: DealUser, dealId: string, orderId: string, input: IntermediaryAnswerInput, ip: string): Promise<DealIntermediaryView> {
  const order = await orderIn(dealId, orderId);
  const invitation = await DealInvitationModel.findOne({ order: order._id, status: 'pending' }, { _id: 1 }).lean();
  if (invitation) {
    // An order that brings the intermediary in is answered with its invitation.
    return answerInvitation(user, dealId, String(invitation._id), input, ip);
  }
  const { room } = await asIntermediary(user, dealId, orderId, ip);
  if (order.status !== 'requested') {
    throw badState('该订单已答复', 'This order has been answered');
  }
  await step(order, 'requested', { status: input.accept ? 'accepted' : 'declined' }, input.accept ? 'accept' : 'decline', user._id, input.note ?? null);
  await audit({ action: 'intermediary.order_answer', actor: user._id, target: { kind: 'deal', id: dealId }, detail: { order: orderId, accept: input.accept }, ip });
  await tellOrgs(otherOrgs(room, 'intermediary'), `order-answer:${orderId}`, `/deals/${dealId}`, {
    title: input.accept ? `中介机构已接单：${order.serviceTitle}` : `中介机构谢绝了订单：${order.serviceTitle}`,
    titleEn: input.accept ? `The intermediary accepted the order: ${order.serviceTitle}` : `The intermediary declined the order: ${order.serviceTitle}`,
  });
  publishDealUpdate(dealId, 'orders');
  return intermediaryViewOf(room, 'intermediary');
}

/**
 * Ends an order before delivery. The ordering party may withdraw it while it awaits an answer and
 * cancel it while in progress; the intermediary may withdraw from it while in progress. Once in
 * progress a reason is required (the other side is told it). Delivered or finished orders stay.
 */
export async function cancelOrder(user: DealUser, dealId: string, orderId: string, input: OrderCancelInput, ip: string): Promise<DealIntermediaryView> {
  const { room, party } = await loadDealRoom(user, dealId, { write: true, ip });
  const order = await orderIn(dealId, orderId);
  const orderer = party === order.party;
  const provider = party === 'intermediary' && room.intermediaryOrg?.equals(order.org) === true;
  if (!orderer && !(provider && order.status === 'accepted')) {
    throw createError('FORBIDDEN', { message: '只有下单方或承接服务的中介机构可以取消订单', messageEn: 'Only the ordering party or the intermediary providing the service can cancel the order' });
  }
  if (order.status !== 'requested' && order.status !== 'accepted') {
    throw badState('订单已交付或已结束，不能取消', 'The order was delivered or has ended; it cannot be cancelled');
  }
  const reason = input.reason ?? null;
  if (order.status === 'accepted' && !reason) {
    throw createError('VALIDATION_FAILED', { fields: [{ path: 'body.reason', code: 'required', message: '服务已开始，请说明取消原因', messageEn: 'The service has started: give the reason for cancelling' }] });
  }
  await step(order, order.status, { status: 'cancelled' }, provider && !orderer ? 'withdraw_provider' : 'cancel', user._id, reason);
  // An order that was bringing the intermediary in leaves the invitation as a plain one.
  await DealInvitationModel.updateOne({ order: order._id, status: 'pending' }, { $set: { order: null } });
  await audit({ action: 'intermediary.order_cancel', actor: user._id, target: { kind: 'deal', id: dealId }, detail: { order: orderId, from: order.status, ...(reason ? { reason } : {}) }, ip });
  const others = provider && !orderer ? otherOrgs(room, 'intermediary') : [order.org];
  await tellOrgs(others, `order-cancel:${orderId}`, `/deals/${dealId}?tab=intermediary`, {
    title: `服务订单已取消：${order.serviceTitle}`, titleEn: `Service order cancelled: ${order.serviceTitle}`,
    ...(reason ? { body: reason, bodyEn: reason } : {}),
  });
  publishDealUpdate(dealId, 'orders');
  return intermediaryViewOf(room, party);
}

/** The intermediary uploads (or replaces) the report file of an accepted order before delivering. */
export async function uploadDeliveryFile(
  user: DealUser, dealId: string, orderId: string, file: { bytes: Uint8Array; name: string; mime: string }, ip: string,
): Promise<DealIntermediaryView> {
  const { room, order } = await asIntermediary(user, dealId, orderId, ip);
  const mime = checkedAttachmentType(file);
  if (order.status !== 'accepted') {
    throw badState('只有服务中的订单可以上传交付文件', 'A report can be uploaded only while the order is in progress');
  }
  const key = await saveUpload(file.bytes);
  const meta = { key, name: file.name, size: file.bytes.byteLength, mime, uploadedBy: user._id, uploadedAt: new Date() };
  const updated = await ServiceOrderModel.findOneAndUpdate({ _id: order._id, status: 'accepted' }, { $set: { file: meta } }).lean<ServiceOrderRecord>();
  if (!updated) {
    await removeUpload(key);
    throw badState('订单状态已变化，请刷新', 'The order changed meanwhile; reload');
  }
  if (updated.file?.key) {
    await removeUpload(updated.file.key);
  }
  await audit({ action: 'intermediary.deliver', actor: user._id, target: { kind: 'deal', id: dealId }, detail: { order: orderId, upload: key, name: file.name, size: meta.size }, ip });
  return intermediaryViewOf(room, 'intermediary');
}

export async function deliverOrder(user: DealUser, dealId: string, orderId: string, input: OrderDeliveryInput, ip: string): Promise<DealIntermediaryView> {
  const { room, order } = await asIntermediary(user, dealId, orderId, ip);
  assertOpen(room);
  if (order.status !== 'accepted') {
    throw badState('只有服务中的订单可以交付', 'Only an order in progress can be delivered');
  }
  const at = new Date();
  await step(order, 'accepted', { status: 'delivered', delivery: { summary: input.summary, at, by: user._id } }, 'deliver', user._id, null);
  await audit({ action: 'intermediary.deliver', actor: user._id, target: { kind: 'deal', id: dealId }, detail: { order: orderId, file: Boolean(order.file) }, ip });
  await tellOrgs(otherOrgs(room, 'intermediary'), `deliver:${orderId}`, `/deals/${dealId}`, {
    title: `服务已交付，请验收：${order.serviceTitle}`, titleEn: `Service delivered, please review: ${order.serviceTitle}`,
  });
  publishDealUpdate(dealId, 'orders');
  return intermediaryViewOf(room, 'intermediary');
}

/** The ordering party accepts the delivery and rates it (1–5 and a comment), once. */
export async function acceptDelivery(user: DealUser, dealId: string, orderId: string, input: OrderRatingInput, ip: string): Promise<DealIntermediaryView> {
  const { room, party } = await loadDealRoom(user, dealId, { write: true, ip });
  const order = await orderIn(dealId, orderId);
  if (party !== order.party) {
    throw createError('FORBIDDEN', { message: '只有下单方可以验收并评价', messageEn: 'Only the ordering party can accept and rate the delivery' });
  }
  if (order.status !== 'delivered') {
    throw badState('只有已交付的订单可以验收', 'Only a delivered order can be accepted');
  }
  const at = new Date();
  await step(order, 'delivered', { status: 'completed', rating: { score: input.score, comment: input.comment ?? null, at, by: user._id } }, 'complete', user._id, input.comment ?? null);
  await audit({ action: 'intermediary.delivery_accept', actor: user._id, target: { kind: 'deal', id: dealId }, detail: { order: orderId, score: input.score }, ip });
  await tellOrgs([order.org], `complete:${orderId}`, `/deals/${dealId}`, {
    title: `交付已验收（${input.score} 星）：${order.serviceTitle}`, titleEn: `Delivery accepted (${input.score} stars): ${order.serviceTitle}`,
  });
  publishDealUpdate(dealId, 'orders');
  return intermediaryViewOf(room, party);
}

/** The report file: the room's participants (the intermediary before delivery too); administrators audited by the policy. */
export async function openDeliveryFile(user: DealUser, dealId: string, orderId: string, ip: string) {
  const { party } = await loadDealRoom(user, dealId, { write: false, ip });
  const order = await orderIn(dealId, orderId);
  if (!order.file || (!order.delivery && party !== 'intermediary')) {
    throw notFound();
  }
  return { path: uploadPath(order.file.key), name: order.file.name, mime: order.file.mime };
}
