/**
 * Holding a meeting's places without transactions (see MeetingCellRecord): the unique `_id` index
 * lets one meeting only hold a table at a slot, an organisation at a slot, or a request.
 */
import type { Types } from 'mongoose';
import { EventMeetingCellModel } from './event.model';

export interface Place { slot: number; table: number; enterprise: string; presenter: string; result: string }

export const placeCells = (event: Types.ObjectId, p: Place): string[] => [
  `${String(event)}:r:${p.enterprise}:${p.result}`,
  `${String(event)}:${p.slot}:t:${p.table}`,
  `${String(event)}:${p.slot}:o:${p.enterprise}`,
  `${String(event)}:${p.slot}:o:${p.presenter}`,
];

const isDuplicateKey = (err: unknown): boolean => {
  type WriteError = { code?: number; err?: { code?: number } };
  const e = err as { code?: number; writeErrors?: WriteError | WriteError[] };
  const list = e.writeErrors === undefined ? [] : Array.isArray(e.writeErrors) ? e.writeErrors : [e.writeErrors];
  return e.code === 11000 || list.some((w) => (w.code ?? w.err?.code) === 11000);
};

/** Inserts the cells `ids` for `meeting`; false (having removed those it took) when another holds one. */
export async function holdMeetingCells(event: Types.ObjectId, meeting: Types.ObjectId, ids: string[]): Promise<boolean> {
  if (!ids.length) {
    return true;
  }
  try {
    await EventMeetingCellModel.insertMany(ids.map((_id) => ({ _id, event, meeting })), { ordered: true });
    return true;
  } catch (err) {
    await EventMeetingCellModel.deleteMany({ _id: { $in: ids }, meeting });
    if (isDuplicateKey(err)) {
      return false;
    }
    throw err;
  }
}

export async function releaseMeetingCells(meeting: Types.ObjectId, ids?: string[]): Promise<void> {
  await EventMeetingCellModel.deleteMany(ids ? { meeting, _id: { $in: ids } } : { meeting });
}
