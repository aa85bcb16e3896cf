/**
 * The public side of the registry: the directory of recognised carriers (per type, filtered by
 * city, year of recognition and industry) and a carrier's page with what its organisations have
 * on the platform (published results and needs, deal rooms, approved commissioners), as counts
 * and links to their existing public pages.
 */
import { CARRIER_PUBLIC_STATUSES, type CarrierDirectoryQuery, type CarrierOrgActivity, type CarrierPageView } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import { CommissionerModel } from '../commissioners/commissioner.model';
import { DealRoomModel } from '../deals/deal.model';
import { TechNeedModel } from '../needs/need.model';
import { ResearchResultModel } from '../results/result.model';
import { UserModel } from '../users/user.model';
import { CarrierModel, type CarrierRecord } from './carrier.model';
import { isPublic } from './carrier.policy';
import { orgRefs, presentPublic, presentPublicList } from './carrier.presenter';

/** The directory filter: public statuses always; the rest from the (validated) query. */
export function directoryFilter(q: Pick<CarrierDirectoryQuery, 'type' | 'city' | 'year' | 'industry'>) {
  return {
    ...(q.type ? { type: q.type } : {}),
    status: { $in: CARRIER_PUBLIC_STATUSES },
    ...(q.city ? { city: q.city } : {}),
    ...(q.year ? { recognisedYear: q.year } : {}),
    ...(q.industry ? { industry: q.industry } : {}),
  };
}

export async function listDirectory(q: CarrierDirectoryQuery) {
  const filter = directoryFilter(q);
  const [docs, total] = await Promise.all([
    CarrierModel.find(filter).sort({ recognisedOn: -1, _id: -1 }).skip((q.page - 1) * q.pageSize).limit(q.pageSize).lean<CarrierRecord[]>(),
    CarrierModel.countDocuments(filter),
  ]);
  return { items: await presentPublicList(docs), total, page: q.page, pageSize: q.pageSize };
}

const LATEST = 5;

async function activityOf(org: CarrierOrgActivity['org']): Promise<CarrierOrgActivity> {
  const id = org.id;
  const published = { org: id, status: 'published' as const };
  const [results, resultCount, needs, needCount, deals, commissioners, commissionerCount] = await Promise.all([
    ResearchResultModel.find(published, { title: 1 }).sort({ updatedAt: -1 }).limit(LATEST).lean(),
    ResearchResultModel.countDocuments(published),
    TechNeedModel.find(published, { title: 1 }).sort({ updatedAt: -1 }).limit(LATEST).lean(),
    TechNeedModel.countDocuments(published),
    DealRoomModel.countDocuments({ orgs: id }),
    CommissionerModel.find({ org: id, status: 'approved' }, { user: 1 }).sort({ approvedAt: -1 }).limit(LATEST).lean(),
    CommissionerModel.countDocuments({ org: id, status: 'approved' }),
  ]);
  const people = await UserModel.find({ _id: { $in: commissioners.map((c) => c.user) } }, { displayName: 1 }).lean();
  const names = new Map(people.map((p) => [String(p._id), p.displayName]));
  return {
    org,
    results: { count: resultCount, latest: results.map((r) => ({ id: String(r._id), title: r.title })) },
    needs: { count: needCount, latest: needs.map((n) => ({ id: String(n._id), title: n.title })) },
    deals: { count: deals },
    commissioners: { count: commissionerCount, latest: commissioners.map((c) => ({ id: String(c._id), name: names.get(String(c.user)) ?? '' })) },
  };
}

/** A recognised carrier's public page (404 for any other status: applications are not public). */
export async function carrierPage(id: string): Promise<CarrierPageView> {
  const c = await CarrierModel.findById(id).lean<CarrierRecord>();
  if (!c || !isPublic(c)) {
    throw createError('NOT_FOUND');
  }
  const orgs = await orgRefs([c]);
  const view = presentPublic(c, orgs);
  // The carrier's own organisation first, then those the details name (at most 20 looked up).
  const ids: Types.ObjectId[] = [c.org, ...c.linkedOrgs].slice(0, 20);
  const activity = await Promise.all(ids.flatMap((o) => (orgs.has(String(o)) ? [activityOf(orgs.get(String(o)) as CarrierOrgActivity['org'])] : [])));
  return { ...view, activity };
}
