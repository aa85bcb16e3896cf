/**
 * Booking of shared large instruments (issue 16): the calendar, slot requests, the owner's answer,
 * cancellation, usage records, ratings and utilisation. Times travel as ISO instants; the booking
 * grid and opening hours are local time in Asia/Shanghai (UTC+8, no daylight saving).
 */
import { z } from 'zod';
import { inputString, objectId, pagination } from './common';

export const BOOKING_STATUSES = ['pending', 'confirmed', 'declined', 'cancelled', 'expired', 'used'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
/** Statuses that hold the slot: nobody else can request it meanwhile. */
export const BOOKING_HOLDING_STATUSES = ['pending', 'confirmed', 'used'] as const satisfies readonly BookingStatus[];

export const BOOKING_LIMITS = {
  /** The grid: bookings start and end on these boundaries. */
  slotMinutes: 30,
  /** How far ahead a slot may be requested. */
  maxDaysAhead: 60,
  /** The longest single booking, in hours. */
  maxHours: 12,
  /** A request the owner leaves unanswered this long expires and frees its slot. */
  pendingHours: 48,
  /** The requester may cancel a confirmed booking free of charge until this long before its start. */
  freeCancelHours: 24,
  /** The longest calendar one request reads, in days. */
  calendarMaxDays: 42,
  purposeMax: 500,
  sampleMax: 500,
  samplesMax: 1000,
  reasonMax: 300,
  noteMax: 500,
  commentMax: 500,
} as const;

/** Shanghai's offset from UTC in milliseconds (no daylight saving since 1991). */
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
export const BOOKING_TIMEZONE = 'Asia/Shanghai';

const isoInstant = z.iso.datetime({ offset: true, message: 'kz.datetime' });
const isoDay = z.iso.date({ message: 'kz.date' });

/** A request for a slot of an instrument. */
export const bookingRequestInput = z.strictObject({
  start: isoInstant,
  end: isoInstant,
  purpose: inputString().trim().min(4).max(BOOKING_LIMITS.purposeMax),
  sampleDescription: inputString().trim().max(BOOKING_LIMITS.sampleMax).default(''),
  sampleCount: z.number().int().min(0).max(BOOKING_LIMITS.samplesMax).default(0),
});
export type BookingRequestInput = z.infer<typeof bookingRequestInput>;

export const bookingReasonInput = z.strictObject({ reason: inputString().trim().min(2).max(BOOKING_LIMITS.reasonMax) });
export const bookingCancelInput = z.strictObject({ reason: inputString().trim().max(BOOKING_LIMITS.reasonMax).default('') });
export type BookingCancelInput = z.infer<typeof bookingCancelInput>;

/** What the owner records after the slot: machine hours (on the half hour) or samples run. */
export const bookingUsageInput = z.strictObject({
  hours: z.number().min(0).max(24).multipleOf(0.5),
  samples: z.number().int().min(0).max(BOOKING_LIMITS.samplesMax).default(0),
  note: inputString().trim().max(BOOKING_LIMITS.noteMax).default(''),
});
export type BookingUsageInput = z.infer<typeof bookingUsageInput>;

export const bookingRatingInput = z.strictObject({
  score: z.number().int().min(1).max(5),
  comment: inputString().trim().max(BOOKING_LIMITS.commentMax).default(''),
});
export type BookingRatingInput = z.infer<typeof bookingRatingInput>;

export const calendarQuery = z.strictObject({ from: isoDay, to: isoDay });
export const bookingListQuery = z.strictObject({
  /** Bookings I requested, or requests for my institution's instruments. */
  side: z.enum(['requester', 'owner']).default('requester'),
  status: z.enum(BOOKING_STATUSES).optional(),
  ...pagination,
});

export const interval = z.object({ start: z.string(), end: z.string() });
export type Interval = z.infer<typeof interval>;

export const calendarBusyView = interval.extend({
  status: z.enum(BOOKING_STATUSES),
  /** Mine, or my institution's instrument: the booking can be opened. */
  bookingId: objectId.nullable(),
  mine: z.boolean(),
  /** Who booked it: only for the owner institution's members. */
  requester: z.object({ name: z.string(), org: z.string() }).nullable(),
});
export const calendarView = z.object({
  instrument: z.object({ id: objectId, name: z.string(), price: z.object({ unit: z.enum(['hour', 'sample']), amount: z.number() }) }),
  timezone: z.string(),
  from: z.string(),
  to: z.string(),
  open: z.array(interval),
  busy: z.array(calendarBusyView),
  /** Open minus busy, and not in the past. */
  free: z.array(interval),
  /** Whether the caller may request (an approved member of another institution). */
  canRequest: z.boolean(),
  isOwner: z.boolean(),
});
export type CalendarView = z.infer<typeof calendarView>;

export const bookingView = z.object({
  id: objectId,
  instrument: z.object({ id: objectId, name: z.string() }),
  ownerOrg: z.object({ id: objectId, name: z.string() }),
  requester: z.object({ id: objectId, name: z.string(), org: z.object({ id: objectId, name: z.string() }) }),
  start: z.string(),
  end: z.string(),
  hours: z.number(),
  status: z.enum(BOOKING_STATUSES),
  purpose: z.string(),
  sampleDescription: z.string(),
  sampleCount: z.number(),
  price: z.object({ unit: z.enum(['hour', 'sample']), amount: z.number(), estimate: z.number() }),
  expiresAt: z.string().nullable(),
  reason: z.string(),
  lateCancel: z.boolean(),
  cancelledBy: z.enum(['requester', 'owner']).nullable(),
  usage: z.object({ hours: z.number(), samples: z.number(), note: z.string(), at: z.string() }).nullable(),
  rating: z.object({ score: z.number(), comment: z.string(), at: z.string() }).nullable(),
  createdAt: z.string(),
  /** What the caller may do now. */
  can: z.object({ confirm: z.boolean(), decline: z.boolean(), cancel: z.boolean(), recordUsage: z.boolean(), rate: z.boolean() }),
});
export type BookingView = z.infer<typeof bookingView>;

export const utilisationQuery = z.strictObject({
  period: z.enum(['week', 'month']).default('month'),
  /** How many periods back from the current one (included). */
  count: z.coerce.number().int().min(1).max(24).default(6),
});
export const utilisationBucket = z.object({ start: z.string(), openHours: z.number(), bookedHours: z.number(), ratio: z.number() });
export const utilisationView = z.object({
  org: z.object({ id: objectId, name: z.string() }),
  period: z.enum(['week', 'month']),
  total: z.array(utilisationBucket),
  instruments: z.array(z.object({ id: objectId, name: z.string(), buckets: z.array(utilisationBucket) })),
});
export type UtilisationView = z.infer<typeof utilisationView>;

/** The price estimate of a request in whole yuan: hours × price, or samples × price. */
export function bookingEstimate(price: { unit: 'hour' | 'sample'; amount: number }, hours: number, sampleCount: number): number {
  return Math.round(price.unit === 'hour' ? hours * price.amount : sampleCount * price.amount);
}
