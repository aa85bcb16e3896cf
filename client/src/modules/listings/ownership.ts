import type { ListingStatus, MeView } from '@kezhuan/shared';
import type { OwnerAction } from '../../api/listings';

/**
 * True when the user may edit the listing and take its owner actions: the server says so in the
 * full view (`canEdit`: its owner, colleagues it is shared with, the organisation's managers);
 * otherwise an approved member of the owning organisation (administrators never own listings).
 */
export function isOwner(user: MeView | null, listing: { org: { id: string }; canEdit?: boolean }): boolean {
  if (listing.canEdit !== undefined) {
    return listing.canEdit;
  }
  return Boolean(user && user.role !== 'admin' && user.org && user.org.id === listing.org.id && user.membership?.status !== 'pending');
}

/** Lifecycle actions the owner may take from a status (mirrors the server's transition table). */
export function ownerActions(status: ListingStatus): OwnerAction[] {
  switch (status) {
    case 'draft':
      return ['submit', 'withdraw'];
    case 'submitted':
      return ['withdraw'];
    case 'published':
    case 'expired':
      return ['confirm', 'withdraw'];
    case 'withdrawn':
      return ['submit'];
  }
}

/** True when saving an edit sends the listing back to review (what the public sees is always approved). */
export function editReturnsToReview(status: ListingStatus): boolean {
  return status === 'published' || status === 'expired';
}

/** Keys whose value differs between two plain objects; keys now undefined are left out (PATCH cannot send them). */
export function changedKeys(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return Object.keys(after).filter((k) => after[k] !== undefined && JSON.stringify(after[k]) !== JSON.stringify(before[k]));
}
