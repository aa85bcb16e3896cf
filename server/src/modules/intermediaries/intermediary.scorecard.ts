/**
 * The public scorecard of an intermediary organisation, computed from the platform's own records:
 * first-response times, deals taken part in and how far they got, contract value brokered, the
 * parties' ratings and orders delivered. Only totals leave: no client's name, no amount per deal.
 */
import type { IntermediaryScorecardView } from '@kezhuan/shared';
import { Types } from 'mongoose';
import { ContractModel } from '../contracts/contract.model';
import { createError } from '../../lib/errors';
import { DealMessageModel, DealRoomModel, type DealRoomRecord } from '../deals/deal.model';
import { OrgModel } from '../orgs/org.model';
import { DealInvitationModel, IntermediaryServiceModel, ServiceOrderModel, type DealInvitationRecord, type ServiceOrderRecord } from './intermediary.model';

const SIGNED: readonly string[] = ['signing', 'implementation', 'done'];

/** The middle value (mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (!values.length) {
    return null;
  }
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The room reached signing: it is at signing or later, or its history moved it there before it ended. */
const reachedSigning = (room: DealRoomRecord) => SIGNED.includes(room.stage) || room.history.some((h) => (h.kind === 'move' || h.kind === 'confirm') && SIGNED.includes(h.to));

/**
 * When the intermediary was first asked into each room: its invitation, an order, or its own
 * introduction (the room's opening, or the history entry bringing it into an open room).
 */
function startsByRoom(org: Types.ObjectId, rooms: readonly DealRoomRecord[], invitations: readonly DealInvitationRecord[], orders: readonly ServiceOrderRecord[]): Map<string, Date> {
  const starts = new Map<string, Date>();
  const put = (room: Types.ObjectId, at: Date) => {
    const prev = starts.get(String(room));
    if (!prev || at < prev) {
      starts.set(String(room), at);
    }
  };
  invitations.forEach((i) => put(i.room, i.createdAt));
  orders.forEach((o) => put(o.room, o.createdAt));
  for (const room of rooms) {
    if (room.origin === 'introduction' && room.history[0]?.party === 'intermediary' && room.intermediaryOrg?.equals(org)) {
      put(room._id, room.history[0].at);
    }
  }
  return starts;
}

/**
 * Hours from each start to the intermediary's first answer, order step or chat message after it;
 * rooms it has not answered yet are left out.
 */
async function responseHours(starts: Map<string, Date>, invitations: readonly DealInvitationRecord[], orders: readonly ServiceOrderRecord[]): Promise<number[]> {
  const actions = new Map<string, Date[]>();
  const add = (room: Types.ObjectId, at: Date | null | undefined) => {
    if (at) {
      actions.set(String(room), [...(actions.get(String(room)) ?? []), at]);
    }
  };
  // A withdrawal is the inviting party's act, not the intermediary's answer.
  invitations.filter((i) => i.status === 'accepted' || i.status === 'declined').forEach((i) => add(i.room, i.answeredAt));
  orders.forEach((o) => o.steps.filter((s) => s.kind === 'accept' || s.kind === 'decline' || s.kind === 'deliver').forEach((s) => add(o.room, s.at)));
  const roomIds = [...starts.keys()].map((id) => new Types.ObjectId(id));
  const firstMessages = await DealMessageModel.aggregate<{ _id: Types.ObjectId; at: Date }>([
    { $match: { room: { $in: roomIds }, party: 'intermediary' } },
    { $group: { _id: '$room', at: { $min: '$createdAt' } } },
  ]);
  firstMessages.forEach((m) => add(m._id, m.at));
  const hours: number[] = [];
  for (const [room, start] of starts) {
    const after = (actions.get(room) ?? []).filter((a) => a > start).sort((a, b) => a.getTime() - b.getTime());
    if (after[0]) {
      hours.push((after[0].getTime() - start.getTime()) / 3_600_000);
    }
  }
  return hours;
}

/** The contracts' amounts in these rooms (one contract per room) → {deal} unique. */
async function contractValue(roomIds: readonly Types.ObjectId[]): Promise<{ value: number | null; note: string | null }> {
  const rows = await ContractModel.find({ deal: { $in: roomIds } }, { amount: 1 }).lean();
  return { value: rows.reduce((sum, r) => sum + r.amount, 0), note: null };
}

export async function intermediaryScorecard(orgId: string): Promise<IntermediaryScorecardView> {
  const org = await OrgModel.findById(orgId, { name: 1, type: 1, city: 1, verified: 1 }).lean();
  if (!org || org.type !== 'intermediary') {
    throw createError('NOT_FOUND');
  }
  const [rooms, invitations, orders, services] = await Promise.all([
    DealRoomModel.find({ intermediaryOrg: org._id }, { stage: 1, origin: 1, history: 1, intermediaryOrg: 1 }).lean<DealRoomRecord[]>(),
    DealInvitationModel.find({ org: org._id }).lean<DealInvitationRecord[]>(),
    ServiceOrderModel.find({ org: org._id }).lean<ServiceOrderRecord[]>(),
    IntermediaryServiceModel.countDocuments({ org: org._id, status: 'active' }),
  ]);
  const hours = await responseHours(startsByRoom(org._id, rooms, invitations, orders), invitations, orders);
  const med = median(hours);
  const rated = orders.filter((o) => o.rating);
  const contract = await contractValue(rooms.map((r) => r._id));
  return {
    org: { id: String(org._id), name: org.name, city: org.city ?? null, verified: Boolean(org.verified) },
    services,
    deals: rooms.length,
    reachedSigning: rooms.filter(reachedSigning).length,
    done: rooms.filter((r) => r.stage === 'done').length,
    medianFirstResponseHours: med === null ? null : Math.round(med * 100) / 100,
    responsesMeasured: hours.length,
    contractValue: contract.value,
    contractValueNote: contract.note,
    rating: { mean: rated.length ? Math.round((rated.reduce((s, o) => s + o.rating!.score, 0) / rated.length) * 10) / 10 : null, count: rated.length },
    ordersDelivered: orders.filter((o) => o.status === 'delivered' || o.status === 'completed').length,
  };
}
