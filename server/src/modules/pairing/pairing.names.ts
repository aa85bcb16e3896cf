import { CommissionerModel } from '../commissioners/commissioner.model';
import { OrgModel } from '../orgs/org.model';
import { ServiceRequestModel } from '../service-requests/service-request.model';
import { UserModel } from '../users/user.model';
import type { PairingRecord } from './pairing.model';
import type { PairingNames } from './run.presenter';

/** The names a list of pairings prints, in four bulk reads by _id. */
export async function pairingNames(pairs: readonly Pick<PairingRecord, 'request' | 'commissioner' | 'commissionerUser' | 'org'>[]): Promise<PairingNames> {
  const uniq = <T>(xs: T[]) => [...new Map(xs.map((x) => [String(x), x])).values()];
  const [requests, commissioners, users, orgs] = await Promise.all([
    ServiceRequestModel.find({ _id: { $in: uniq(pairs.map((p) => p.request)) } }, { title: 1, city: 1, county: 1 }).lean(),
    CommissionerModel.find({ _id: { $in: uniq(pairs.map((p) => p.commissioner)) } }, { user: 1 }).lean(),
    UserModel.find({ _id: { $in: uniq(pairs.map((p) => p.commissionerUser)) } }, { displayName: 1 }).lean(),
    OrgModel.find({ _id: { $in: uniq(pairs.map((p) => p.org)) } }, { name: 1 }).lean(),
  ]);
  const person = new Map(users.map((u) => [String(u._id), u.displayName]));
  return {
    request: new Map(requests.map((r) => [String(r._id), { title: r.title, city: r.city, county: r.county ?? null }])),
    commissioner: new Map(commissioners.map((c) => [String(c._id), person.get(String(c.user)) ?? ''])),
    org: new Map(orgs.map((o) => [String(o._id), o.name])),
  };
}
