/**
 * Who may do what with instrument bookings. Requesters are approved members of any institution
 * other than the instrument's; the owner institution's approved members answer, cancel and record
 * usage; only the requester cancels his own request and rates it. Anyone else gets 404.
 */
import { BOOKING_LIMITS, type BookingView } from '@kezhuan/shared';
import { createError } from '../../lib/errors';
import { isApprovedMember } from '../orgs/membership.rules';
import type { UserDoc } from '../users/user.model';
import type { BookingRecord } from './booking.model';
import { HOUR_MS } from './booking.time';

export type BookingSide = 'requester' | 'owner';

/** The caller's side of a booking, or null when it is none of his business. */
export function bookingSide(user: UserDoc, b: Pick<BookingRecord, 'requester' | 'ownerOrg'>): BookingSide | null {
  if (isApprovedMember(user, b.ownerOrg)) {
    return 'owner';
  }
  return b.requester.equals(user._id) ? 'requester' : null;
}

/** The caller's side, or 404 (bookings are private to both parties). */
export function assertBookingSide(user: UserDoc, b: Pick<BookingRecord, 'requester' | 'ownerOrg'>): BookingSide {
  const side = bookingSide(user, b);
  if (!side) {
    throw createError('NOT_FOUND');
  }
  return side;
}

/** Whether `user` may request slots of an instrument owned by `ownerOrg`. */
export function canRequestBooking(user: UserDoc, ownerOrg: BookingRecord['ownerOrg']): boolean {
  return Boolean(user.org && user.orgStatus !== 'pending' && !user.org.equals(ownerOrg) && user.role !== 'admin');
}

/** A pending request past its expiry that the sweep has not reached yet reads as expired. */
export const isStalePending = (b: Pick<BookingRecord, 'status' | 'expiresAt'>, now: Date): boolean =>
  b.status === 'pending' && Boolean(b.expiresAt && b.expiresAt <= now);

/** What the caller may do with the booking now (the service re-checks each action). */
export function bookingAbilities(user: UserDoc, b: BookingRecord, now = new Date()): BookingView['can'] {
  const side = bookingSide(user, b);
  const t = now.getTime();
  const owner = side === 'owner';
  const requester = b.requester.equals(user._id);
  return {
    confirm: owner && b.status === 'pending' && (b.expiresAt?.getTime() ?? 0) > t,
    decline: owner && b.status === 'pending',
    cancel: (requester && (b.status === 'pending' || b.status === 'confirmed') && b.start.getTime() > t) || (owner && b.status === 'confirmed' && b.end.getTime() > t),
    recordUsage: owner && b.status === 'confirmed' && b.end.getTime() <= t,
    rate: requester && b.status === 'used' && !b.rating,
  };
}

/** A requester's cancellation of a confirmed booking this close to its start is a late one. */
export const isLateCancel = (b: Pick<BookingRecord, 'status' | 'start'>, now: Date): boolean =>
  b.status === 'confirmed' && b.start.getTime() - now.getTime() < BOOKING_LIMITS.freeCancelHours * HOUR_MS;
