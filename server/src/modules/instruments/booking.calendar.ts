/**
 * An instrument's calendar: weekly opening hours expanded to local days (Asia/Shanghai), the
 * bookings that hold slots (busy; who booked only for the owner institution), and what is free.
 */
import { BOOKING_HOLDING_STATUSES, BOOKING_LIMITS, BOOKING_TIMEZONE, type CalendarView } from '@kezhuan/shared';
import { createError } from '../../lib/errors';
import { isApprovedMember } from '../orgs/membership.rules';
import { OrgModel } from '../orgs/org.model';
import { UserModel, type UserDoc } from '../users/user.model';
import { BookingModel, type BookingRecord } from './booking.model';
import { canRequestBooking, isStalePending } from './booking.policy';
import { DAY_MS, HOUR_MS, dayStart, openSpans, subtract, type Span } from './booking.time';
import { InstrumentModel, type InstrumentRecord } from './instrument.model';

const iso = (ms: number) => new Date(ms).toISOString();

/** Bookings of `instrument` holding any part of [from, to): index {instrument, start}. */
export function holdingBookingsQuery(instrument: InstrumentRecord['_id'], from: number, to: number) {
  return {
    filter: { instrument, start: { $gte: new Date(from - BOOKING_LIMITS.maxHours * HOUR_MS), $lt: new Date(to) }, status: { $in: [...BOOKING_HOLDING_STATUSES] } },
    sort: { start: 1 as const },
  };
}

/** The calendar of the local days `fromDay`..`toDay` (both included). */
export async function instrumentCalendar(user: UserDoc | undefined, instrumentId: string, fromDay: string, toDay: string, now = new Date()): Promise<CalendarView> {
  const from = dayStart(fromDay);
  const to = dayStart(toDay) + DAY_MS;
  if (to <= from || to - from > BOOKING_LIMITS.calendarMaxDays * DAY_MS) {
    throw createError('VALIDATION_FAILED', {
      fields: [{ path: 'query.to', code: 'custom', message: `日期范围须为 1–${BOOKING_LIMITS.calendarMaxDays} 天`, messageEn: `The range is 1 to ${BOOKING_LIMITS.calendarMaxDays} days` }],
    });
  }
  const inst = await InstrumentModel.findById(instrumentId).lean<InstrumentRecord>();
  const isOwner = Boolean(user && inst && isApprovedMember(user, inst.org));
  if (!inst || (inst.status !== 'active' && !isOwner)) {
    throw createError('NOT_FOUND');
  }
  const { filter, sort } = holdingBookingsQuery(inst._id, from, to);
  const bookings = (await BookingModel.find(filter).sort(sort).lean<BookingRecord[]>()).filter((b) => b.end.getTime() > from && !isStalePending(b, now));
  const names = isOwner ? await requesterNames(bookings) : new Map<string, { name: string; org: string }>();
  const open = openSpans(inst.openingHours, from, to);
  const busySpans: Span[] = bookings.map((b) => ({ start: b.start.getTime(), end: b.end.getTime() }));
  const past: Span = { start: from, end: Math.max(from, now.getTime()) };
  return {
    instrument: { id: String(inst._id), name: inst.name, price: inst.price },
    timezone: BOOKING_TIMEZONE,
    from: iso(from),
    to: iso(to),
    open: open.map((s) => ({ start: iso(s.start), end: iso(s.end) })),
    busy: bookings.map((b) => {
      const mine = Boolean(user && b.requester.equals(user._id));
      return {
        start: b.start.toISOString(),
        end: b.end.toISOString(),
        status: b.status,
        bookingId: mine || isOwner ? String(b._id) : null,
        mine,
        requester: names.get(String(b._id)) ?? null,
      };
    }),
    free: subtract(open, [...busySpans, past]).map((s) => ({ start: iso(s.start), end: iso(s.end) })),
    canRequest: Boolean(user && inst.status === 'active' && canRequestBooking(user, inst.org)),
    isOwner,
  };
}

async function requesterNames(bookings: BookingRecord[]) {
  const [users, orgs] = await Promise.all([
    UserModel.find({ _id: { $in: bookings.map((b) => b.requester) } }, { displayName: 1 }).lean(),
    OrgModel.find({ _id: { $in: bookings.map((b) => b.requesterOrg) } }, { name: 1 }).lean(),
  ]);
  const u = new Map(users.map((x) => [String(x._id), x.displayName]));
  const o = new Map(orgs.map((x) => [String(x._id), x.name]));
  return new Map(bookings.map((b) => [String(b._id), { name: u.get(String(b.requester)) ?? '', org: o.get(String(b.requesterOrg)) ?? '' }]));
}
