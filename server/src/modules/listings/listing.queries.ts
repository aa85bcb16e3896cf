import type { ListingKind, ListingStatus, MyListingView, MyListingsQuery } from '@kezhuan/shared';
import type { Model } from 'mongoose';
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
 * "My listings" of one kind, newest edit first: the caller's own and those shared with him, or
 * (`scope=org`) every listing of his organisation. A pending request to join shows none.
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
  const mine = q.scope === 'org' ? {} : { $or: [{ owner: actor.id }, { sharedWith: actor.id }] };
  const status = q.status ? effectiveStatusFilter(q.status, now) : {};
  // Both may be an $or: combine them under $and rather than let one overwrite the other.
  const clauses = [mine, status].filter((c) => Object.keys(c).length > 0);
  const filter = clauses.length ? { org: actor.orgId, $and: clauses } : { org: actor.orgId };
  const [docs, total] = await Promise.all([
    model.find(filter).sort({ updatedAt: -1, _id: -1 }).skip((q.page - 1) * q.pageSize).limit(q.pageSize).lean<T[]>(),
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
