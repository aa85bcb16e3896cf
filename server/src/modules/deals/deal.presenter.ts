/** What leaves the server of a deal room: whitelisted fields, names instead of bare ids, no contacts. */
import type { DealDetailView, DealHistoryEntryView, DealMessageView, DealParty, DealSummaryView } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { OrgModel } from '../orgs/org.model';
import { UserModel } from '../users/user.model';
import type { DealMessageRecord, DealReadRecord, DealRoomRecord } from './deal.model';
import { partyOrgs } from './deal.policy';
import { movesFor } from './deal.transitions';

/** Display names of organisations and people, loaded in one query per kind. */
export interface DealNames {
  org: Map<string, string>;
  user: Map<string, string>;
}

export async function loadDealNames(orgIds: readonly Types.ObjectId[], userIds: readonly (Types.ObjectId | null)[]): Promise<DealNames> {
  const orgs = [...new Set(orgIds.map(String))];
  const users = [...new Set(userIds.filter((u): u is Types.ObjectId => u !== null).map(String))];
  const [o, u] = await Promise.all([
    orgs.length ? OrgModel.find({ _id: { $in: orgs } }, { name: 1 }).lean() : [],
    users.length ? UserModel.find({ _id: { $in: users } }, { displayName: 1 }).lean() : [],
  ]);
  return { org: new Map(o.map((x) => [String(x._id), x.name])), user: new Map(u.map((x) => [String(x._id), x.displayName])) };
}

const person = (names: DealNames, id: Types.ObjectId) => ({ id: String(id), name: names.user.get(String(id)) ?? '' });
const listing = (l: DealRoomRecord['listing']) => ({ kind: l.kind, id: String(l.id), title: l.title });

export function presentDealSummary(room: DealRoomRecord, names: DealNames, myParty: DealParty | null, unread: number): DealSummaryView {
  return {
    id: String(room._id),
    stage: room.stage,
    origin: room.origin,
    listing: listing(room.listing),
    parties: partyOrgs(room).map(([party, org]) => ({ party, org: { id: String(org), name: names.org.get(String(org)) ?? '' } })),
    myParty,
    unread,
    lastMessageAt: room.lastMessageAt?.toISOString() ?? null,
    createdAt: room.createdAt.toISOString(),
    updatedAt: room.updatedAt.toISOString(),
  };
}

export function presentDealDetail(room: DealRoomRecord, names: DealNames, myParty: DealParty | null, unread: number, reads: DealReadRecord[]): DealDetailView {
  const history: DealHistoryEntryView[] = room.history.map((h) => ({
    kind: h.kind, from: h.from ?? null, to: h.to, party: h.party ?? null, by: h.by ? person(names, h.by) : null,
    at: h.at.toISOString(), reason: h.reason ?? null, note: h.note ?? null,
  }));
  const p = room.proposal;
  return {
    ...presentDealSummary(room, names, myParty, unread),
    via: room.via ? listing(room.via) : null,
    proposal: p ? { to: p.to, party: p.party, by: person(names, p.by), at: p.at.toISOString() } : null,
    moves: movesFor(room, myParty),
    history,
    reads: reads.map((r) => ({ user: person(names, r.user), messageId: String(r.message), at: r.at.toISOString() })),
  };
}

export function presentDealMessage(m: DealMessageRecord, names: DealNames): DealMessageView {
  return { id: String(m._id), clientId: m.clientId, seq: m.seq, sender: person(names, m.sender), party: m.party ?? null, body: m.body, at: m.createdAt.toISOString() };
}
