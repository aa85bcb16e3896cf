/** The public side of the programme: the commissioner directory and a commissioner's profile. */
import type { CommissionerCardView, CommissionerDirectoryQuery, CommissionerProfileView, Paginated } from '@kezhuan/shared';
import { createError } from '../../lib/errors';
import { effectiveStatus } from '../listings/lifecycle';
import { orgOrPlaceholder } from '../listings/listing.presenter';
import { LIVE_PAIRING_STATUSES, PairingModel } from '../pairing/pairing.model';
import { ResearchResultModel } from '../results/result.model';
import { presentResult } from '../results/result.presenter';
import { CommissionerModel, type CommissionerRecord } from './commissioner.model';
import { loadNames, presentCommissionerCard } from './commissioner.presenter';
import { currentTerm, directoryQuery } from './commissioner.queries';

/** Results shown on a profile, newest edit first. */
const PROFILE_RESULTS = 20;

/**
 * Places each commissioner has left: capacity less his live pairings of the term. One read over the
 * page's terms and ids → index {term, status} (the commissioner ids narrow the rows found).
 */
async function placesLeft(docs: readonly CommissionerRecord[]): Promise<Map<string, number>> {
  const held = new Map<string, number>();
  if (docs.length > 0) {
    const live = await PairingModel.find(
      { term: { $in: [...new Set(docs.map((d) => d.term))] }, status: { $in: LIVE_PAIRING_STATUSES }, commissioner: { $in: docs.map((d) => d._id) } },
      { commissioner: 1 },
    ).lean();
    for (const p of live) {
      held.set(String(p.commissioner), (held.get(String(p.commissioner)) ?? 0) + 1);
    }
  }
  return new Map(docs.map((d) => [String(d._id), Math.max(0, d.capacity - (held.get(String(d._id)) ?? 0))]));
}

export async function listDirectory(q: CommissionerDirectoryQuery, now = new Date()): Promise<Paginated<CommissionerCardView>> {
  const { filter, sort } = directoryQuery(q, now);
  const [docs, total] = await Promise.all([
    CommissionerModel.find(filter).sort(sort).skip((q.page - 1) * q.pageSize).limit(q.pageSize).lean<CommissionerRecord[]>(),
    CommissionerModel.countDocuments(filter),
  ]);
  const [names, left] = await Promise.all([loadNames(docs, false), placesLeft(docs)]);
  return {
    items: docs.map((d) => ({ ...presentCommissionerCard(d, names), capacityLeft: left.get(String(d._id)) ?? d.capacity })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
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
  const [names, left] = await Promise.all([loadNames([doc], false), placesLeft([doc])]);
  const org = orgOrPlaceholder(names.orgs, doc.org);
  return {
    ...presentCommissionerCard(doc, names),
    capacityLeft: left.get(String(doc._id)) ?? doc.capacity,
    results: results
      .filter((r) => effectiveStatus(r, now) === 'published')
      .map((r) => presentResult(r, org, 'public', now))
      .filter((v) => v.disclosure === 'public'),
  };
}
