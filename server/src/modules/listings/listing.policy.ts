/**
 * Who may do what with a listing. Routes ask `can()` and answer 404 when the caller may not even
 * read the listing (so a draft's existence does not leak), 403 when they may read but not act.
 */
import type { ListingKind, ListingStatus, Role } from '@kezhuan/shared';
import type { Types } from 'mongoose';

/** The caller as the policy sees them. */
export interface ListingActor {
  id: Types.ObjectId;
  name: string;
  role: Role;
  orgId: string | null;
  orgVerified: boolean;
}

/** The listing as the policy sees it; `status` is the effective status (expiry applied). */
export interface ListingRef {
  kind: ListingKind;
  org: string;
  status: ListingStatus;
}

export type ListingAction =
  | 'create'
  /** See the listing at all (its public summary). */
  | 'read'
  /** See contact details and attachments. */
  | 'read_private'
  /** See everything: history, return reasons, the quality check. */
  | 'read_full'
  /** Change its content or attachments. */
  | 'edit'
  /** Submit, withdraw, confirm. */
  | 'manage'
  | 'review';

const CREATORS: Record<ListingKind, readonly Role[]> = {
  result: ['researcher', 'commissioner'],
  need: ['enterprise'],
};

/** A member of the organisation that owns the listing (administrators never own listings). */
function inOwnerOrg(actor: ListingActor | null, listing: ListingRef): boolean {
  return Boolean(actor && actor.role !== 'admin' && actor.orgId && actor.orgId === listing.org);
}

const isAdmin = (actor: ListingActor | null) => actor?.role === 'admin';

export function can(actor: ListingActor | null, action: 'create', target: { kind: ListingKind }): boolean;
export function can(actor: ListingActor | null, action: Exclude<ListingAction, 'create'>, target: ListingRef): boolean;
export function can(actor: ListingActor | null, action: ListingAction, target: { kind: ListingKind } | ListingRef): boolean {
  if (action === 'create') {
    return Boolean(actor?.orgId && CREATORS[target.kind].includes(actor.role));
  }
  const listing = target as ListingRef;
  switch (action) {
    case 'read':
      return listing.status === 'published' || inOwnerOrg(actor, listing) || isAdmin(actor);
    case 'read_private':
      return can(actor, 'read', listing) && (inOwnerOrg(actor, listing) || isAdmin(actor) || Boolean(actor?.orgVerified));
    case 'read_full':
      return inOwnerOrg(actor, listing) || isAdmin(actor);
    case 'edit':
    case 'manage':
      return inOwnerOrg(actor, listing);
    case 'review':
      return isAdmin(actor);
  }
}

/** How much of a listing the caller sees: the public summary, plus contacts, or everything. */
export type Disclosure = 'public' | 'member' | 'full';

export function disclosureFor(actor: ListingActor | null, listing: ListingRef): Disclosure {
  if (can(actor, 'read_full', listing)) {
    return 'full';
  }
  return can(actor, 'read_private', listing) ? 'member' : 'public';
}
