/** What leaves the server of services, invitations and orders: whitelisted fields, names for ids, no file keys. */
import type { DealInvitationView, IntermediaryServiceView, ServiceOrderView } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { OrgModel } from '../orgs/org.model';
import { UserModel } from '../users/user.model';
import type { DealInvitationRecord, IntermediaryServiceRecord, ServiceOrderRecord } from './intermediary.model';

export async function orgNames(ids: readonly Types.ObjectId[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.map(String))];
  const rows = unique.length ? await OrgModel.find({ _id: { $in: unique } }, { name: 1 }).lean() : [];
  return new Map(rows.map((o) => [String(o._id), o.name]));
}

export async function userNames(ids: readonly (Types.ObjectId | null | undefined)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((i): i is Types.ObjectId => Boolean(i)).map(String))];
  const rows = unique.length ? await UserModel.find({ _id: { $in: unique } }, { displayName: 1 }).lean() : [];
  return new Map(rows.map((u) => [String(u._id), u.displayName]));
}

export interface Names {
  org: Map<string, string>;
  user: Map<string, string>;
}

/** Names of the organisations and people that invitations and orders mention. */
export async function namesFor(invitations: readonly DealInvitationRecord[], orders: readonly ServiceOrderRecord[]): Promise<Names> {
  const [org, user] = await Promise.all([
    orgNames([...invitations.map((i) => i.org), ...orders.map((o) => o.org)]),
    userNames([...invitations.map((i) => i.invitedBy), ...orders.flatMap((o) => o.steps.map((s) => s.by))]),
  ]);
  return { org, user };
}

const orgRef = (names: Map<string, string>, id: Types.ObjectId) => ({ id: String(id), name: names.get(String(id)) ?? '' });

export function presentService(s: IntermediaryServiceRecord, orgs: Map<string, string>, mine: boolean): IntermediaryServiceView {
  return {
    id: String(s._id),
    org: orgRef(orgs, s.org),
    kind: s.kind,
    title: s.title,
    description: s.description,
    price: { mode: s.price.mode, amount: s.price.amount ?? null, min: s.price.min ?? null, max: s.price.max ?? null },
    terms: s.terms ?? null,
    turnaroundDays: s.turnaroundDays,
    disciplines: s.disciplines ?? [],
    industries: s.industries ?? [],
    status: s.status,
    mine,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

export function presentInvitation(i: DealInvitationRecord, names: Names): DealInvitationView {
  return {
    id: String(i._id),
    org: orgRef(names.org, i.org),
    status: i.status,
    invitedBy: orgRef(names.user, i.invitedBy),
    party: i.party,
    note: i.note ?? null,
    at: i.createdAt.toISOString(),
    answeredAt: i.answeredAt?.toISOString() ?? null,
    withOrder: Boolean(i.order),
  };
}

/** `asIntermediary`: the report file shows to the intermediary before delivery, to the parties from delivery on. */
export function presentOrder(o: ServiceOrderRecord, names: Names, asIntermediary = false): ServiceOrderView {
  const fileShown = o.file && (asIntermediary || o.delivery);
  return {
    id: String(o._id),
    deal: String(o.room),
    service: { id: String(o.service), kind: o.serviceKind, title: o.serviceTitle },
    org: orgRef(names.org, o.org),
    party: o.party,
    status: o.status,
    note: o.note ?? null,
    agreedPrice: o.agreedPrice ?? null,
    delivery: o.delivery ? { summary: o.delivery.summary, at: o.delivery.at.toISOString() } : null,
    file: fileShown && o.file ? { name: o.file.name, size: o.file.size, mime: o.file.mime } : null,
    rating: o.rating ? { score: o.rating.score, comment: o.rating.comment ?? null, at: o.rating.at.toISOString() } : null,
    steps: o.steps.map((s) => ({ kind: s.kind, by: orgRef(names.user, s.by), at: s.at.toISOString(), note: s.note ?? null })),
    createdAt: o.createdAt.toISOString(),
  };
}
