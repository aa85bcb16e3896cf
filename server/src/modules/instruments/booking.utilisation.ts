/**
 * Utilisation of an institution's instruments: hours booked (confirmed or used) over hours open,
 * per week or month in local time (Asia/Shanghai), per instrument and for the institution.
 */
import { SHANGHAI_OFFSET_MS, type BookingStatus, type UtilisationView } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import { isApprovedMember } from '../orgs/membership.rules';
import { OrgModel } from '../orgs/org.model';
import type { UserDoc } from '../users/user.model';
import { BookingModel, type BookingRecord } from './booking.model';
import { DAY_MS, hoursWithin, localMidnight, localWeekday, openSpans, type Span } from './booking.time';
import { InstrumentModel, type InstrumentRecord } from './instrument.model';

/** The starts of the last `count` periods up to the one holding `now`, plus the end of the last. */
export function periodBounds(period: 'week' | 'month', count: number, now: Date): number[] {
  const today = localMidnight(now.getTime());
  if (period === 'week') {
    const monday = today - (localWeekday(today) - 1) * DAY_MS;
    return Array.from({ length: count + 1 }, (_, i) => monday - (count - 1 - i) * 7 * DAY_MS);
  }
  const local = new Date(today + SHANGHAI_OFFSET_MS);
  return Array.from({ length: count + 1 }, (_, i) => Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - (count - 1 - i), 1) - SHANGHAI_OFFSET_MS);
}

const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const bucket = (start: number, open: number, booked: number) => ({
  start: new Date(start).toISOString(),
  openHours: round(open),
  bookedHours: round(booked),
  ratio: open > 0 ? round(booked / open, 3) : 0,
});

/** Confirmed and used bookings of an institution's instruments starting in [from, to): index {ownerOrg, start}. */
export function orgBookingsQuery(org: Types.ObjectId, from: number, to: number) {
  return { filter: { ownerOrg: org, start: { $gte: new Date(from), $lt: new Date(to) }, status: { $in: ['confirmed', 'used'] as BookingStatus[] } }, sort: { start: 1 as const } };
}

/** Utilisation for the owner institution's approved members (404 for anyone else). */
export async function orgUtilisation(user: UserDoc, orgId: string, period: 'week' | 'month', count: number, now = new Date()): Promise<UtilisationView> {
  const org = await OrgModel.findById(orgId, { name: 1 }).lean();
  if (!org || !isApprovedMember(user, org._id)) {
    throw createError('NOT_FOUND');
  }
  const bounds = periodBounds(period, count, now);
  const from = bounds[0] ?? 0;
  const to = bounds[bounds.length - 1] ?? 0;
  const { filter, sort } = orgBookingsQuery(org._id, from, to);
  const [instruments, bookings] = await Promise.all([
    InstrumentModel.find({ org: org._id, status: 'active' }).sort({ updatedAt: -1 }).lean<InstrumentRecord[]>(),
    BookingModel.find(filter).sort(sort).lean<BookingRecord[]>(),
  ]);
  const periods = bounds.slice(0, -1).map((start, i) => ({ start, end: bounds[i + 1] ?? start }));
  const totals = periods.map(() => ({ open: 0, booked: 0 }));
  const rows = instruments.map((inst) => {
    const open = openSpans(inst.openingHours, from, to);
    const booked: Span[] = bookings.filter((b) => b.instrument.equals(inst._id)).map((b) => ({ start: b.start.getTime(), end: b.end.getTime() }));
    return {
      id: String(inst._id),
      name: inst.name,
      buckets: periods.map((p, i) => {
        const o = hoursWithin(open, p.start, p.end);
        const b = hoursWithin(booked, p.start, p.end);
        const t = totals[i];
        if (t) {
          t.open += o;
          t.booked += b;
        }
        return bucket(p.start, o, b);
      }),
    };
  });
  return {
    org: { id: String(org._id), name: org.name },
    period,
    total: periods.map((p, i) => bucket(p.start, totals[i]?.open ?? 0, totals[i]?.booked ?? 0)),
    instruments: rows,
  };
}
