/**
 * Holding a slot without transactions: one document per (instrument, 30-minute cell) whose `_id`
 * names both, inserted in order. The unique `_id` index lets only one booking own a cell, on
 * MongoDB and FerretDB 2 alike; the loser of a race gets a duplicate-key error and removes the
 * cells it did insert before it, so it leaves nothing behind.
 */
import type { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import { BookingCellModel } from './booking.model';
import { cellStarts } from './booking.time';

export const cellId = (instrument: Types.ObjectId | string, start: number): string => `${String(instrument)}:${start}`;

const isDuplicateKey = (err: unknown): boolean => {
  type WriteError = { code?: number; err?: { code?: number } };
  const e = err as { code?: number; writeErrors?: WriteError | WriteError[] };
  const list = e.writeErrors === undefined ? [] : Array.isArray(e.writeErrors) ? e.writeErrors : [e.writeErrors];
  return e.code === 11000 || list.some((w) => (w.code ?? w.err?.code) === 11000);
};

/** Holds the cells of [start, end) for `booking`, or throws SLOT_TAKEN having released any it took. */
export async function holdCells(instrument: Types.ObjectId, booking: Types.ObjectId, start: number, end: number): Promise<void> {
  const docs = cellStarts(start, end).map((t) => ({ _id: cellId(instrument, t), instrument, start: new Date(t), booking }));
  try {
    await BookingCellModel.insertMany(docs, { ordered: true });
  } catch (err) {
    await releaseCells(booking);
    if (isDuplicateKey(err)) {
      throw createError('SLOT_TAKEN');
    }
    throw err;
  }
}

/** Frees every cell `booking` holds. */
export async function releaseCells(booking: Types.ObjectId): Promise<void> {
  await BookingCellModel.deleteMany({ booking });
}
