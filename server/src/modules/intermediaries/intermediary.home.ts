/**
 * An intermediary member's home: invitations awaiting its answer, its open orders, and the deals it
 * takes part in (those it introduced marked); and the list of intermediaries parties can invite.
 */
import type { IntermediaryHomeView, IntermediaryOrgListView } from '@kezhuan/shared';
import { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import { DealRoomModel, type DealRoomRecord } from '../deals/deal.model';
import type { ListingActor } from '../listings/listing.policy';
import { OrgModel } from '../orgs/org.model';
import { DealInvitationModel, IntermediaryServiceModel, ServiceOrderModel, type DealInvitationRecord, type ServiceOrderRecord } from './intermediary.model';
import { namesFor, presentInvitation, presentOrder } from './intermediary.presenter';

const HOME_LIMIT = 100;

export async function intermediaryHome(actor: ListingActor): Promise<IntermediaryHomeView> {
  if (actor.role === 'admin' || !actor.orgId || !actor.orgRole || actor.org?.type !== 'intermediary') {
    throw createError('FORBIDDEN', { message: '只有中介机构的成员可以使用中介工作台', messageEn: 'Only members of an intermediary organisation have an intermediary home' });
  }
  const org = new Types.ObjectId(actor.orgId);
  const [invitations, orders, rooms] = await Promise.all([
    DealInvitationModel.find({ org, status: 'pending' }).sort({ createdAt: -1 }).limit(HOME_LIMIT).lean<DealInvitationRecord[]>(),
    ServiceOrderModel.find({ org, status: { $in: ['requested', 'accepted', 'delivered'] } }).sort({ createdAt: -1 }).limit(HOME_LIMIT).lean<ServiceOrderRecord[]>(),
    DealRoomModel.find({ intermediaryOrg: org }, { listing: 1, stage: 1, origin: 1, history: { $slice: 1 }, updatedAt: 1 }).sort({ updatedAt: -1 }).limit(HOME_LIMIT).lean<DealRoomRecord[]>(),
  ]);
  const roomIds = [...invitations.map((i) => i.room), ...orders.map((o) => o.room)];
  const titled = roomIds.length ? await DealRoomModel.find({ _id: { $in: roomIds } }, { listing: 1 }).lean<Pick<DealRoomRecord, '_id' | 'listing'>[]>() : [];
  const title = new Map(titled.map((r) => [String(r._id), r.listing.title]));
  const names = await namesFor(invitations, orders);
  return {
    org: { id: actor.orgId, name: actor.org.name },
    invitations: invitations.map((i) => ({ ...presentInvitation(i, names), deal: { id: String(i.room), title: title.get(String(i.room)) ?? '' } })),
    openOrders: orders.map((o) => ({ ...presentOrder(o, names, true), dealTitle: title.get(String(o.room)) ?? '' })),
    deals: rooms.map((r) => ({
      id: String(r._id), title: r.listing.title, stage: r.stage, origin: r.origin,
      introduced: r.origin === 'introduction' && r.history[0]?.party === 'intermediary', updatedAt: r.updatedAt.toISOString(),
    })),
  };
}

/** Verified intermediary organisations, most services first. */
export async function listIntermediaries(): Promise<IntermediaryOrgListView> {
  const orgs = await OrgModel.find({ type: 'intermediary', verified: true }, { name: 1, city: 1 }).sort({ _id: 1 }).limit(500).lean();
  const counts = await IntermediaryServiceModel.aggregate<{ _id: Types.ObjectId; n: number }>([
    { $match: { status: 'active', org: { $in: orgs.map((o) => o._id) } } },
    { $group: { _id: '$org', n: { $sum: 1 } } },
  ]);
  const n = new Map(counts.map((c) => [String(c._id), c.n]));
  return orgs
    .map((o) => ({ id: String(o._id), name: o.name, city: o.city ?? null, services: n.get(String(o._id)) ?? 0 }))
    .sort((a, b) => b.services - a.services);
}
