/**
 * Who may do what with a listing. Routes ask `can()` and answer 404 when the caller may not even
 * read the listing (so a draft's existence does not leak), 403 when they may read but not act.
 *
 * Inside the owning organisation only approved members count: a pending request to join gives no
 * rights. A manager edits every listing of the organisation; a member edits his own and those
 * shared with him; administrators review but never edit.
 */
import type { ListingKind, ListingOrgView, ListingStatus, OrgRole, Role } from '@kezhuan/shared';
import type { Types } from 'mongoose';

/** The caller as the policy sees them. */
export interface ListingActor {
  id: Types.ObjectId;
  name: string;
  role: Role;
  orgId: string | null;
  /** The organisation is verified and the caller an approved member of it. */
  orgVerified: boolean;
  /** The caller's role in the organisation; null when he has none or his request is pending. */
  orgRole: OrgRole | null;
  /** The caller's organisation as listings show it, when loaded with the actor (saves a read per write). */
  org?: ListingOrgView;
}

/** The listing as the policy sees it; `status` is the effective status (expiry applied). */
export interface ListingRef {
  kind: ListingKind;
  org: string;
  /** The member who owns it, and colleagues it is shared with (user ids). */
  owner: string;
  sharedWith: readonly string[];
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
  /** Share with colleagues, hand to another member. */
  | 'share'
  | 'review';

const CREATORS: Record<ListingKind, readonly Role[]> = {
  result: ['researcher', 'commissioner'],
  need: ['enterprise'],
};

/** An approved member of the organisation that owns the listing (administrators never own listings). */
function inOwnerOrg(actor: ListingActor | null, listing: ListingRef): boolean {
  return Boolean(actor && actor.role !== 'admin' && actor.orgRole && actor.orgId && actor.orgId === listing.org);
}

/** The owner, a colleague it is shared with, or a manager of the organisation. */
function mayEdit(actor: ListingActor | null, listing: ListingRef): boolean {
  if (!actor || !inOwnerOrg(actor, listing)) {
    return false;
  }
  const me = String(actor.id);
  return actor.orgRole === 'manager' || listing.owner === me || listing.sharedWith.includes(me);
}

const isAdmin = (actor: ListingActor | null) => actor?.role === 'admin';

export function can(actor: ListingActor | null, action: 'create', target: { kind: ListingKind }): boolean;
export function can(actor: ListingActor | null, action: Exclude<ListingAction, 'create'>, target: ListingRef): boolean;
export function can(actor: ListingActor | null, action: ListingAction, target: { kind: ListingKind } | ListingRef): boolean {
  if (action === 'create') {
    return Boolean(actor?.orgId && actor.orgRole && CREATORS[target.kind].includes(actor.role));
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
      return mayEdit(actor, listing);
    case 'share':
      return inOwnerOrg(actor, listing) && (actor?.orgRole === 'manager' || listing.owner === String(actor?.id));
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
