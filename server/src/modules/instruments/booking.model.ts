import { BOOKING_STATUSES, type BookingStatus, type InstrumentPriceUnit } from '@kezhuan/shared';
import { Schema, model, type Types } from 'mongoose';

/**
 * A request for (and then the record of) one use of an instrument by a member of another
 * institution. The slot itself is held by BookingCell documents (booking.cells.ts), not here.
 */
const bookingSchema = new Schema(
  {
    instrument: { type: Schema.Types.ObjectId, ref: 'Instrument', required: true },
    instrumentName: { type: String, required: true },
    ownerOrg: { type: Schema.Types.ObjectId, ref: 'Org', required: true },
    requester: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    requesterOrg: { type: Schema.Types.ObjectId, ref: 'Org', required: true },
    start: { type: Date, required: true },
    end: { type: Date, required: true },
    status: { type: String, enum: BOOKING_STATUSES, required: true },
    purpose: { type: String, required: true },
    sampleDescription: { type: String, default: '' },
    sampleCount: { type: Number, default: 0 },
    price: { type: new Schema({ unit: String, amount: Number, estimate: Number }, { _id: false }), required: true },
    /** A pending request expires (and frees its slot) at this time unless answered. */
    expiresAt: { type: Date, default: null },
    reason: { type: String, default: '' },
    lateCancel: { type: Boolean, default: false },
    cancelledBy: { type: String, enum: ['requester', 'owner', null], default: null },
    answeredBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    usage: { type: new Schema({ hours: Number, samples: Number, note: String, at: Date, by: Schema.Types.ObjectId }, { _id: false }), default: null },
    rating: { type: new Schema({ score: Number, comment: String, at: Date }, { _id: false }), default: null },
  },
  { timestamps: true, collection: 'instrument_bookings' },
);
// Calendar and utilisation of one instrument: {instrument, start}.
bookingSchema.index({ instrument: 1, start: 1 });
// My bookings as requester, newest first.
bookingSchema.index({ requester: 1, createdAt: -1 });
// Requests for an institution's instruments, newest first; utilisation by institution.
bookingSchema.index({ ownerOrg: 1, createdAt: -1 });
bookingSchema.index({ ownerOrg: 1, start: 1 });
// The expiry sweep: pending requests past their expiry (only pending requests keep one).
bookingSchema.index({ expiresAt: 1 });

export interface BookingRecord {
  _id: Types.ObjectId;
  instrument: Types.ObjectId;
  instrumentName: string;
  ownerOrg: Types.ObjectId;
  requester: Types.ObjectId;
  requesterOrg: Types.ObjectId;
  start: Date;
  end: Date;
  status: BookingStatus;
  purpose: string;
  sampleDescription: string;
  sampleCount: number;
  price: { unit: InstrumentPriceUnit; amount: number; estimate: number };
  expiresAt: Date | null;
  reason: string;
  lateCancel: boolean;
  cancelledBy: 'requester' | 'owner' | null;
  answeredBy: Types.ObjectId | null;
  usage: { hours: number; samples: number; note: string; at: Date; by: Types.ObjectId } | null;
  rating: { score: number; comment: string; at: Date } | null;
  createdAt: Date;
  updatedAt: Date;
}
export const BookingModel = model<BookingRecord>('InstrumentBooking', bookingSchema);

/**
 * One 30-minute cell of one instrument held by one booking. `_id` is "<instrument>:<cell start ms>",
 * so the unique `_id` index itself forbids two holders of one cell: on MongoDB and on FerretDB alike,
 * without transactions (booking.cells.ts).
 */
const cellSchema = new Schema(
  {
    _id: { type: String, required: true },
    instrument: { type: Schema.Types.ObjectId, required: true },
    start: { type: Date, required: true },
    booking: { type: Schema.Types.ObjectId, required: true },
  },
  { collection: 'instrument_booking_cells', versionKey: false },
);
// Release of a booking's cells.
cellSchema.index({ booking: 1 });

export interface BookingCellRecord {
  _id: string;
  instrument: Types.ObjectId;
  start: Date;
  booking: Types.ObjectId;
}
export const BookingCellModel = model<BookingCellRecord>('InstrumentBookingCell', cellSchema);
