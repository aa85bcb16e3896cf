import type { ListingKind, ListingStatus, MyListingView, MyListingsQuery } from '@kezhuan/shared';
import type { Model, Types } from 'mongoose';
import type { QuerySpec } from '../../lib/query-spec';
import { effectiveStatus, expiresAt, expiryCutoff } from './lifecycle';
import type { ListingRecord } from './listing.fields';
import type { ListingActor } from './listing.policy';

/**
 * A filter for listings whose *effective* status is `status`: expiry is applied in the query too,
 * so "published" excludes listings unconfirmed for 180 days even before the sweep has run.
 */
export function effectiveStatusFilter(status: ListingStatus, now: Date): Record<string, unknown> {
  const cutoff = expiryCutoff(now);
  switch (status) {
    case 'published':
      return { status: 'published', lastConfirmedAt: { $gte: cutoff } };
    case 'expired':
      return {
        $or: [{ status: 'expired' }, { status: 'published', lastConfirmedAt: { $lt: cutoff } }, { status: 'published', lastConfirmedAt: null }],
      };
    case 'draft':
    case 'submitted':
    case 'withdrawn':
      return { status };
  }
}

/** An organisation's listings (of one effective status), newest edit first: index {org, updatedAt}. */
export function myListingsQuery(orgId: Types.ObjectId | string, status: ListingStatus | undefined, now: Date): QuerySpec {
  return { filter: { org: orgId, ...(status ? effectiveStatusFilter(status, now) : {}) }, sort: { updatedAt: -1, _id: -1 } };
}

/** The caller's organisation's listings of one kind, newest edit first. */
export async function listMine<T extends ListingRecord & { title: string }>(
  model: Model<T>,
  kind: ListingKind,
  actor: ListingActor,
  q: MyListingsQuery,
  now: Date,
  qualityScore: (doc: T) => number,
): Promise<{ items: MyListingView[]; total: number }> {
  if (!actor.orgId) {
    return { items: [], total: 0 };
  }
  const { filter, sort } = myListingsQuery(actor.orgId, q.status, now);
  const [docs, total] = await Promise.all([
    model.find(filter).sort(sort).skip((q.page - 1) * q.pageSize).limit(q.pageSize).lean<T[]>(),
    model.countDocuments(filter),
  ]);
  const items = docs.map((d) => ({
    id: String(d._id),
    kind,
    title: d.title,
    status: effectiveStatus(d, now),
    publishedAt: d.publishedAt?.toISOString() ?? null,
    lastConfirmedAt: d.lastConfirmedAt?.toISOString() ?? null,
    expiresAt: expiresAt(d, now)?.toISOString() ?? null,
    updatedAt: d.updatedAt.toISOString(),
    returnReason: d.returnReason,
    qualityScore: qualityScore(d),
  }));
  return { items, total };
}
