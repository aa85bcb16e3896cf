import type { ListingKind, ListingStatus, MyListingView, MyListingsQuery } from '@kezhuan/shared';
import type { Model, Types } from 'mongoose';
import type { QuerySpec } from '../../lib/query-spec';
import { effectiveStatus, expiresAt, expiryCutoff } from './lifecycle';
import type { ListingRecord } from './listing.fields';
import { can, type ListingActor } from './listing.policy';
import { listingRef } from './listing.store';
import { UserModel } from '../users/user.model';

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

/**
 * "My listings" of one kind, newest edit first: index {org, updatedAt}. With `mineOf`, the member's
 * own listings and those shared with him; without, every listing of the organisation.
 */
export function myListingsQuery(orgId: Types.ObjectId | string, status: ListingStatus | undefined, now: Date, mineOf?: Types.ObjectId): QuerySpec {
  const mine = mineOf ? { $or: [{ owner: mineOf }, { sharedWith: mineOf }] } : {};
  const effective = status ? effectiveStatusFilter(status, now) : {};
  // Both may be an $or: combine them under $and rather than let one overwrite the other.
  const clauses = [mine, effective].filter((c) => Object.keys(c).length > 0);
  return { filter: clauses.length ? { org: orgId, $and: clauses } : { org: orgId }, sort: { updatedAt: -1, _id: -1 } };
}

/**
 * "My listings" of one kind: the caller's own and those shared with him, or (`scope=org`) every
 * listing of his organisation. A pending request to join shows none.
 */
export async function listMine<T extends ListingRecord & { title: string }>(
  model: Model<T>,
  kind: ListingKind,
  actor: ListingActor,
  q: MyListingsQuery,
  now: Date,
  qualityScore: (doc: T) => number,
): Promise<{ items: MyListingView[]; total: number }> {
  if (!actor.orgId || !actor.orgRole) {
    return { items: [], total: 0 };
  }
  const { filter, sort } = myListingsQuery(actor.orgId, q.status, now, q.scope === 'org' ? undefined : actor.id);
  const [docs, total] = await Promise.all([
    model.find(filter).sort(sort).skip((q.page - 1) * q.pageSize).limit(q.pageSize).lean<T[]>(),
    model.countDocuments(filter),
  ]);
  const owners = await UserModel.find({ _id: { $in: [...new Set(docs.map((d) => String(d.owner)))] } }, { displayName: 1 }).lean();
  const names = new Map(owners.map((u) => [String(u._id), u.displayName]));
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
    owner: { id: String(d.owner), name: names.get(String(d.owner)) ?? '' },
    canEdit: can(actor, 'edit', listingRef(kind, d, now)),
  }));
  return { items, total };
}
