/** What leaves the server of a contract: the parties by name and credit code, people by name, no internal ids beyond references. */
import type { ContractView, DisciplineCode, IndustryCode } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import type { DealRoomRecord } from '../deals/deal.model';
import { partyOrgs } from '../deals/deal.policy';
import { OrgModel } from '../orgs/org.model';
import { UserModel } from '../users/user.model';
import type { ContractRecord } from './contract.model';

export interface ContractOrgFacts {
  name: string;
  uscc: string | null;
  city: string | null;
}

/** Name, credit code and city of each organisation. */
export async function loadOrgFacts(ids: readonly Types.ObjectId[]): Promise<Map<string, ContractOrgFacts>> {
  const docs = await OrgModel.find({ _id: { $in: [...new Set(ids.map(String))] } }, { name: 1, uscc: 1, city: 1 }).lean();
  return new Map(docs.map((o) => [String(o._id), { name: o.name, uscc: o.uscc || null, city: o.city || null }]));
}

export async function presentContract(c: ContractRecord, room: DealRoomRecord): Promise<ContractView> {
  const orgs = await loadOrgFacts(partyOrgs(room).map(([, id]) => id));
  const userIds = [...c.history.map((h) => h.by), c.registration?.by ?? null].filter((u): u is Types.ObjectId => u !== null);
  const users = new Map((await UserModel.find({ _id: { $in: [...new Set(userIds.map(String))] } }, { displayName: 1 }).lean()).map((u) => [String(u._id), u.displayName]));
  const person = (id: Types.ObjectId | null) => (id ? { id: String(id), name: users.get(String(id)) ?? '' } : null);
  return {
    dealId: String(c.deal),
    type: c.type,
    amount: c.amount,
    payment: { kind: c.payment.kind, text: c.payment.text },
    signedOn: c.signedOn,
    parties: partyOrgs(room).map(([party, id]) => ({ party, org: { id: String(id), name: orgs.get(String(id))?.name ?? '' }, uscc: orgs.get(String(id))?.uscc ?? null })),
    listings: c.listings.map((l) => ({ kind: l.kind, id: String(l.id), title: l.title })),
    discipline: c.discipline as DisciplineCode | null,
    industry: c.industry as IndustryCode | null,
    city: c.city,
    registration: c.registration ? { number: c.registration.number, registeredOn: c.registration.registeredOn, by: person(c.registration.by), at: c.registration.at.toISOString() } : null,
    history: c.history.map((h) => ({ kind: h.kind, by: person(h.by), at: h.at.toISOString(), fields: h.fields })),
    updatedAt: c.updatedAt.toISOString(),
  };
}
