/** What leaves the server of a service request (its enterprise's members and administrators only). */
import type { ServiceRequestView } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { CommissionerModel } from '../commissioners/commissioner.model';
import { OrgModel } from '../orgs/org.model';
import { UserModel } from '../users/user.model';
import type { ServiceRequestRecord } from './service-request.model';

/** Presents requests with the names of their enterprise, owner and commissioners (four reads, no $lookup). */
export async function presentRequests(docs: readonly ServiceRequestRecord[], canEdit: (d: ServiceRequestRecord) => boolean): Promise<ServiceRequestView[]> {
  const commissionerIds = docs.flatMap((d) => [...d.preferred, ...d.excluded]);
  const commissioners = commissionerIds.length ? await CommissionerModel.find({ _id: { $in: commissionerIds } }, { user: 1 }).lean() : [];
  const [orgs, users] = await Promise.all([
    OrgModel.find({ _id: { $in: docs.map((d) => d.org) } }, { name: 1 }).lean(),
    UserModel.find({ _id: { $in: [...docs.map((d) => d.owner), ...commissioners.map((c) => c.user)] } }, { displayName: 1 }).lean(),
  ]);
  const orgName = new Map(orgs.map((o) => [String(o._id), o.name]));
  const userName = new Map(users.map((u) => [String(u._id), u.displayName]));
  const commissionerName = new Map(commissioners.map((c) => [String(c._id), userName.get(String(c.user)) ?? '']));
  const named = (names: Map<string, string>) => (id: Types.ObjectId) => ({ id: String(id), name: names.get(String(id)) ?? '' });
  return docs.map((d) => ({
    id: String(d._id),
    status: d.status,
    title: d.title,
    problem: d.problem,
    industry: d.industry,
    city: d.city,
    county: d.county,
    keywords: d.keywords,
    urgency: d.urgency,
    preferred: d.preferred.map(named(commissionerName)),
    excluded: d.excluded.map(named(commissionerName)),
    need: d.need ? String(d.need) : null,
    org: named(orgName)(d.org),
    owner: named(userName)(d.owner),
    openedAt: d.openedAt?.toISOString() ?? null,
    closedAt: d.closedAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    canEdit: canEdit(d),
  }));
}
