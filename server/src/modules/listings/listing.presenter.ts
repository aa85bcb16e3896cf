/** Presenting what every listing has: its organisation, lifecycle and (for owners) history. */
import type { HistoryEntryView, ListingOrgView, OrgType, QualityAssessment } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { OrgModel } from '../orgs/org.model';
import { UserModel } from '../users/user.model';
import { effectiveStatus, expiresAt } from './lifecycle';
import type { ListingRecord } from './listing.fields';

/** The organisations of some listings, by id, as listings show them (one query: no $lookup). */
export async function listingOrgs(ids: readonly Types.ObjectId[]): Promise<Map<string, ListingOrgView>> {
  const orgs = await OrgModel.find({ _id: { $in: [...new Set(ids.map(String))] } }, { name: 1, type: 1, verified: 1 }).lean();
  return new Map(orgs.map((o) => [String(o._id), { id: String(o._id), name: o.name, type: o.type as OrgType, verified: o.verified }]));
}

/** A listing's organisation; `known` (e.g. the caller's own, loaded with the actor) is used when it is that one. */
export async function listingOrg(id: Types.ObjectId, known?: ListingOrgView): Promise<ListingOrgView> {
  return known && known.id === String(id) ? known : orgOrPlaceholder(await listingOrgs([id]), id);
}

/** An organisation that is missing (never expected) shows as an unverified placeholder, not an error. */
export function orgOrPlaceholder(orgs: Map<string, ListingOrgView>, id: Types.ObjectId): ListingOrgView {
  return orgs.get(String(id)) ?? { id: String(id), name: '', type: 'enterprise', verified: false };
}

export function presentLifecycle(doc: ListingRecord, now: Date) {
  return {
    status: effectiveStatus(doc, now),
    publishedAt: doc.publishedAt?.toISOString() ?? null,
    lastConfirmedAt: doc.lastConfirmedAt?.toISOString() ?? null,
    expiresAt: expiresAt(doc, now)?.toISOString() ?? null,
    updatedAt: doc.updatedAt.toISOString(),
  };
}

export function presentHistory(doc: ListingRecord): HistoryEntryView[] {
  return doc.history.map((h) => ({
    action: h.action,
    from: h.from,
    to: h.to,
    by: h.by ? { id: String(h.by), name: h.byName } : null,
    reason: h.reason,
    at: h.at.toISOString(),
  }));
}

/** What only the owner's organisation and administrators see. */
export function presentOwnerExtras(doc: ListingRecord, quality: QualityAssessment) {
  return {
    history: presentHistory(doc),
    returnReason: doc.returnReason,
    submittedAt: doc.submittedAt?.toISOString() ?? null,
    createdAt: doc.createdAt.toISOString(),
    quality,
  };
}

/** The listing's owner, named, for those who choose whom it is shared with (the dialog leaves him out). */
export async function presentListingOwner(owner: Types.ObjectId): Promise<{ id: string; name: string }> {
  const user = await UserModel.findById(owner, { displayName: 1 }).lean();
  return { id: String(owner), name: user?.displayName ?? '' };
}
