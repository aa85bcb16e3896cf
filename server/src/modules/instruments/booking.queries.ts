import type { BookingStatus } from '@kezhuan/shared';
import type { QuerySpec } from '../../lib/query-spec';
import type { UserDoc } from '../users/user.model';

/**
 * My bookings as requester (index {requester, createdAt}) or the requests for my institution's
 * instruments (index {ownerOrg, createdAt}); null when I belong to no institution as an approved member.
 */
export function myBookingsQuery(user: Pick<UserDoc, '_id' | 'org' | 'orgStatus'>, side: 'requester' | 'owner', status?: BookingStatus): QuerySpec | null {
  const extra = status ? { status } : {};
  if (side === 'requester') {
    return { filter: { requester: user._id, ...extra }, sort: { createdAt: -1 } };
  }
  if (!user.org || user.orgStatus === 'pending') {
    return null;
  }
  return { filter: { ownerOrg: user.org, ...extra }, sort: { createdAt: -1 } };
}
