/** The public side of the programme: the commissioner directory and a commissioner's profile. */
import type { CommissionerCardView, CommissionerDirectoryQuery, CommissionerProfileView, Paginated } from '@kezhuan/shared';
import { createError } from '../../lib/errors';
import { effectiveStatus } from '../listings/lifecycle';
import { orgOrPlaceholder } from '../listings/listing.presenter';
import { ResearchResultModel } from '../results/result.model';
import { presentResult } from '../results/result.presenter';
import { CommissionerModel, type CommissionerRecord } from './commissioner.model';
import { loadNames, presentCommissionerCard } from './commissioner.presenter';
import { currentTerm, directoryQuery } from './commissioner.queries';

/** Results shown on a profile, newest edit first. */
const PROFILE_RESULTS = 20;

export async function listDirectory(q: CommissionerDirectoryQuery, now = new Date()): Promise<Paginated<CommissionerCardView>> {
  const { filter, sort } = directoryQuery(q, now);
  const [docs, total] = await Promise.all([
    CommissionerModel.find(filter).sort(sort).skip((q.page - 1) * q.pageSize).limit(q.pageSize).lean<CommissionerRecord[]>(),
    CommissionerModel.countDocuments(filter),
  ]);
  const names = await loadNames(docs, false);
  return { items: docs.map((d) => presentCommissionerCard(d, names)), total, page: q.page, pageSize: q.pageSize };
}

/** An approved commissioner of the current or a later term, with his published results; 404 otherwise. */
export async function commissionerProfile(id: string, now = new Date()): Promise<CommissionerProfileView> {
  const doc = await CommissionerModel.findOne({ _id: id, status: 'approved', term: { $gte: currentTerm(now) } }).lean<CommissionerRecord>();
  if (!doc) {
    throw createError('NOT_FOUND');
  }
  // His results in the organisation that endorsed him → index {org, updatedAt}.
  const results = await ResearchResultModel.find({ org: doc.org, owner: doc.user, status: 'published' })
    .sort({ updatedAt: -1 })
    .limit(PROFILE_RESULTS)
    .lean();
  const names = await loadNames([doc], false);
  const org = orgOrPlaceholder(names.orgs, doc.org);
  return {
    ...presentCommissionerCard(doc, names),
    results: results
      .filter((r) => effectiveStatus(r, now) === 'published')
      .map((r) => presentResult(r, org, 'public', now))
      .filter((v) => v.disclosure === 'public'),
  };
}
