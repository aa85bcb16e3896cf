/**
 * What leaves the server of a commissioner: the public card (directory, profile) whitelists the
 * fields a programme office publishes; declared stakes, the endorsement and the applicant's
 * contacts are the applicant's, his organisation's managers' and the administrators' only.
 */
import type { CommissionerApplicationView, CommissionerCardView, ListingOrgView } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { listingOrgs, orgOrPlaceholder } from '../listings/listing.presenter';
import { UserModel } from '../users/user.model';
import type { CommissionerRecord } from './commissioner.model';

interface Names {
  people: Map<string, { name: string; title: string }>;
  orgs: Map<string, ListingOrgView>;
}

/** Names of the applicants and of every organisation the documents mention (two queries). */
export async function loadNames(docs: readonly CommissionerRecord[], withStakes: boolean): Promise<Names> {
  const orgIds: Types.ObjectId[] = docs.flatMap((d) => (withStakes ? [d.org, ...d.stakes, ...d.orgStakes] : [d.org]));
  const [users, orgs] = await Promise.all([
    UserModel.find({ _id: { $in: docs.map((d) => d.user) } }, { displayName: 1, title: 1 }).lean(),
    listingOrgs(orgIds),
  ]);
  return { people: new Map(users.map((u) => [String(u._id), { name: u.displayName, title: u.title ?? '' }])), orgs };
}

/** The public card: no stakes, no endorsement, no contact (the places left are counted by the caller). */
export function presentCommissionerCard(d: CommissionerRecord, names: Names): Omit<CommissionerCardView, 'capacityLeft'> {
  const person = names.people.get(String(d.user)) ?? { name: '', title: '' };
  return {
    id: String(d._id),
    term: d.term,
    name: person.name,
    title: person.title,
    org: orgOrPlaceholder(names.orgs, d.org),
    expertise: d.expertise,
    keywords: d.keywords,
    disciplines: d.disciplines,
    industries: d.industries,
    cities: d.cities,
    counties: d.counties,
    capacity: d.capacity,
    availability: { daysPerMonth: d.availability?.daysPerMonth ?? null, note: d.availability?.note ?? '' },
  };
}

/** The whole application, for those who may read it. */
export function presentApplication(d: CommissionerRecord, names: Names): CommissionerApplicationView {
  const named = (id: Types.ObjectId) => ({ id: String(id), name: names.orgs.get(String(id))?.name ?? '' });
  const card = presentCommissionerCard(d, names);
  return {
    ...card,
    status: d.status,
    applicant: { id: String(d.user), name: card.name },
    stakes: d.stakes.map(named),
    orgStakes: d.orgStakes.map(named),
    endorsement: d.endorsement ? { endorsed: d.endorsement.endorsed, by: d.endorsement.byName, at: d.endorsement.at.toISOString(), note: d.endorsement.note } : null,
    returnReason: d.returnReason,
    submittedAt: d.submittedAt.toISOString(),
    approvedAt: d.approvedAt?.toISOString() ?? null,
    updatedAt: d.updatedAt.toISOString(),
  };
}

export async function presentApplications(docs: readonly CommissionerRecord[]): Promise<CommissionerApplicationView[]> {
  const names = await loadNames(docs, true);
  return docs.map((d) => presentApplication(d, names));
}
