/**
 * Instrument bookings: a member of another institution requests a slot, the owner institution
 * confirms or declines it, either side cancels, the owner records usage and the requester rates it.
 * The slot is held by cells (booking.cells.ts) from the request on; state changes are single
 * conditional updates, so two answers to one request cannot both win.
 */
import { BOOKING_LIMITS, bookingEstimate, type BookingRatingInput, type BookingRequestInput, type BookingUsageInput, type FieldError } from '@kezhuan/shared';
import { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import { audit } from '../audit/audit.service';
import type { UserDoc } from '../users/user.model';
import { holdCells, releaseCells } from './booking.cells';
import { BookingModel, type BookingRecord } from './booking.model';
import { notifyBooking } from './booking.notify';
import { assertBookingSide, canRequestBooking, isLateCancel } from './booking.policy';
import { DAY_MS, HOUR_MS, insideOpening, onGrid } from './booking.time';
import { InstrumentModel, type InstrumentRecord } from './instrument.model';

const field = (path: string, message: string, messageEn: string): FieldError => ({ path: `body.${path}`, code: 'custom', message, messageEn });

/** The rules of a slot beyond its shape: grid, order, length, future, horizon, opening hours, samples. */
export function slotErrors(inst: Pick<InstrumentRecord, 'openingHours' | 'price'>, input: BookingRequestInput, now: Date): FieldError[] {
  const start = new Date(input.start);
  const end = new Date(input.end);
  const out: FieldError[] = [];
  if (!onGrid(start)) {
    out.push(field('start', '开始时间须为整点或半点', 'The start must be on the hour or half hour'));
  }
  if (!onGrid(end)) {
    out.push(field('end', '结束时间须为整点或半点', 'The end must be on the hour or half hour'));
  }
  if (end <= start) {
    out.push(field('end', '结束时间须晚于开始时间', 'The end must be after the start'));
  } else if (end.getTime() - start.getTime() > BOOKING_LIMITS.maxHours * HOUR_MS) {
    out.push(field('end', `单次预约最长 ${BOOKING_LIMITS.maxHours} 小时`, `A booking lasts at most ${BOOKING_LIMITS.maxHours} hours`));
  }
  if (start <= now) {
    out.push(field('start', '不能预约已经开始或过去的时段', 'A slot in the past or already started cannot be booked'));
  } else if (start.getTime() > now.getTime() + BOOKING_LIMITS.maxDaysAhead * DAY_MS) {
    out.push(field('start', `最多可提前 ${BOOKING_LIMITS.maxDaysAhead} 天预约`, `Slots can be booked at most ${BOOKING_LIMITS.maxDaysAhead} days ahead`));
  }
  if (!out.length && !insideOpening(inst.openingHours, start.getTime(), end.getTime())) {
    out.push(field('start', '所选时段不在仪器的开放时间内', "The slot is outside the instrument's opening hours"));
  }
  if (inst.price.unit === 'sample' && input.sampleCount < 1) {
    out.push(field('sampleCount', '按样品计费的仪器请填写样品数量', 'Give the number of samples: this instrument is charged per sample'));
  }
  return out;
}

/** Unanswered requests of an instrument past their expiry (starts within 120 days back): index {instrument, start}. */
export function staleRequestsQuery(instrument: Types.ObjectId, now: Date) {
  return { filter: { instrument, start: { $gte: new Date(now.getTime() - 120 * DAY_MS) }, status: 'pending' as const, expiresAt: { $lte: now } } };
}

/**
 * Every unanswered request past its expiry, across instruments: index {expiresAt}. Only pending
 * requests keep an expiry (answering, cancelling and expiring clear it), so the range holds just these.
 */
export function expiredRequestsQuery(now: Date) {
  return { filter: { expiresAt: { $lte: now }, status: 'pending' as const } };
}

/** Expires the requests found by `filter` (still pending when the update lands) and frees their cells. */
async function expireFound(filter: Record<string, unknown>): Promise<number> {
  const stale = await BookingModel.find(filter, { _id: 1 }).lean();
  let n = 0;
  for (const s of stale) {
    const done = await BookingModel.updateOne({ _id: s._id, status: 'pending' }, { $set: { status: 'expired', expiresAt: null } });
    if (done.modifiedCount) {
      await releaseCells(s._id);
      n += 1;
    }
  }
  return n;
}

/** Marks the instrument's unanswered requests past their expiry as expired and frees their cells (before a write on it). */
export async function expireStale(instrument: Types.ObjectId, now: Date): Promise<void> {
  await expireFound(staleRequestsQuery(instrument, now).filter);
}

/**
 * The periodic sweep (workers.ts): expires every unanswered request past its expiry and frees its
 * slot, so reads never write. Idempotent; returns how many it expired.
 */
export async function expireStaleBookings(now = new Date()): Promise<number> {
  return expireFound(expiredRequestsQuery(now).filter);
}

/** Requests a slot: validated, its cells held (409 SLOT_TAKEN when any is), then stored pending. */
export async function requestBooking(user: UserDoc, instrumentId: string, input: BookingRequestInput, ip: string, now = new Date()): Promise<BookingRecord> {
  const inst = await InstrumentModel.findOne({ _id: instrumentId, status: 'active' }).lean<InstrumentRecord>();
  if (!inst) {
    throw createError('NOT_FOUND');
  }
  if (!canRequestBooking(user, inst.org)) {
    throw user.org?.equals(inst.org)
      ? createError('FORBIDDEN', { message: '不能预约本机构的仪器', messageEn: "You cannot book your own institution's instrument" })
      : createError('FORBIDDEN', { message: '加入机构并通过审核后才能预约仪器', messageEn: 'Join an institution (approved) to book instruments' });
  }
  const fields = slotErrors(inst, input, now);
  if (fields.length) {
    throw createError('VALIDATION_FAILED', { fields });
  }
  const start = new Date(input.start);
  const end = new Date(input.end);
  const requesterOrg = user.org as Types.ObjectId; // canRequestBooking checked it is set
  await expireStale(inst._id, now);
  const _id = new Types.ObjectId();
  await holdCells(inst._id, _id, start.getTime(), end.getTime());
  let doc;
  try {
    doc = await BookingModel.create({
      _id, instrument: inst._id, instrumentName: inst.name, ownerOrg: inst.org, requester: user._id, requesterOrg,
      start, end, status: 'pending', purpose: input.purpose, sampleDescription: input.sampleDescription, sampleCount: input.sampleCount,
      price: { ...inst.price, estimate: bookingEstimate(inst.price, (end.getTime() - start.getTime()) / HOUR_MS, input.sampleCount) },
      expiresAt: new Date(Math.min(now.getTime() + BOOKING_LIMITS.pendingHours * HOUR_MS, start.getTime())),
    });
  } catch (err) {
    await releaseCells(_id);
    throw err;
  }
  const rec = doc.toObject() as BookingRecord;
  await audit({ action: 'booking.request', actor: user._id, target: { kind: 'instrument_booking', id: String(_id) }, detail: { instrument: String(inst._id) }, ip });
  await notifyBooking(rec, 'request', user._id);
  return rec;
}

/** A booking the caller is a party to (404 otherwise). */
export async function readBooking(user: UserDoc, id: string): Promise<BookingRecord> {
  const doc = await BookingModel.findById(id).lean<BookingRecord>();
  if (!doc) {
    throw createError('NOT_FOUND');
  }
  assertBookingSide(user, doc);
  return doc;
}

/** One conditional update: from `filter`'s state to `set`, or 409 when the booking moved on meanwhile. */
async function move(id: Types.ObjectId, filter: Record<string, unknown>, set: Record<string, unknown>): Promise<BookingRecord> {
  const doc = await BookingModel.findOneAndUpdate({ _id: id, ...filter }, { $set: set }, { returnDocument: 'after' }).lean<BookingRecord>();
  if (!doc) {
    throw createError('INVALID_STATE');
  }
  return doc;
}

export type BookingAction =
  | { kind: 'confirm' }
  | { kind: 'decline'; reason: string }
  | { kind: 'cancel'; reason: string }
  | { kind: 'usage'; usage: BookingUsageInput }
  | { kind: 'rate'; rating: BookingRatingInput };

/** Runs one step of the booking's life for the caller, with its audit record and notification. */
export async function actOnBooking(user: UserDoc, id: string, action: BookingAction, ip: string, now = new Date()): Promise<BookingRecord> {
  const b = await readBooking(user, id);
  const side = assertBookingSide(user, b);
  const mine = b.requester.equals(user._id);
  const forbid = () => createError('FORBIDDEN');
  let doc: BookingRecord;
  let event: Parameters<typeof notifyBooking>[1];
  switch (action.kind) {
    case 'confirm':
      if (side !== 'owner') {
        throw forbid();
      }
      if (b.status === 'pending' && b.expiresAt && b.expiresAt <= now) {
        await expireStale(b.instrument, now);
        throw createError('INVALID_STATE', { message: '该申请已超时失效', messageEn: 'This request has expired' });
      }
      doc = await move(b._id, { status: 'pending', expiresAt: { $gt: now } }, { status: 'confirmed', answeredBy: user._id, expiresAt: null });
      event = 'confirm';
      break;
    case 'decline':
      if (side !== 'owner') {
        throw forbid();
      }
      doc = await move(b._id, { status: 'pending' }, { status: 'declined', answeredBy: user._id, reason: action.reason, expiresAt: null });
      await releaseCells(b._id);
      event = 'decline';
      break;
    case 'cancel':
      if (mine && side === 'requester') {
        doc = await move(b._id, { status: { $in: ['pending', 'confirmed'] }, start: { $gt: now } }, {
          status: 'cancelled', cancelledBy: 'requester', lateCancel: isLateCancel(b, now), reason: action.reason, expiresAt: null,
        });
        event = 'cancel_requester';
      } else if (side === 'owner') {
        if (action.reason.length < 2) {
          throw createError('VALIDATION_FAILED', { fields: [field('reason', '取消已确认的预约时请说明理由', 'Give a reason when cancelling a confirmed booking')] });
        }
        doc = await move(b._id, { status: 'confirmed', end: { $gt: now } }, { status: 'cancelled', cancelledBy: 'owner', reason: action.reason });
        event = 'cancel_owner';
      } else {
        throw forbid();
      }
      await releaseCells(b._id);
      break;
    case 'usage':
      if (side !== 'owner') {
        throw forbid();
      }
      doc = await move(b._id, { status: 'confirmed', end: { $lte: now } }, { status: 'used', usage: { ...action.usage, at: now, by: user._id } });
      event = 'usage';
      break;
    case 'rate':
      if (!mine) {
        throw forbid();
      }
      doc = await move(b._id, { status: 'used', rating: null }, { rating: { ...action.rating, at: now } });
      event = 'rate';
      break;
  }
  const auditAction = action.kind === 'usage' ? 'booking.usage' : action.kind === 'rate' ? 'booking.rate' : (`booking.${action.kind}` as const);
  await audit({ action: auditAction, actor: user._id, target: { kind: 'instrument_booking', id: String(b._id) }, detail: { side, lateCancel: doc.lateCancel }, ip });
  await notifyBooking(doc, event, user._id);
  return doc;
}
