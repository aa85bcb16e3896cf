import type { ListingStatus, MeView } from '@kezhuan/shared';
import type { OwnerAction } from '../../api/listings';

/** True when the user belongs to the organisation that owns the listing (administrators never own listings). */
export function isOwner(user: MeView | null, listing: { org: { id: string } }): boolean {
  return Boolean(user && user.role !== 'admin' && user.org && user.org.id === listing.org.id);
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
