/**
 * The week grid of the booking calendar: one column per local day (Asia/Shanghai), one row per
 * 30-minute cell between the week's earliest opening and latest closing, each cell's state.
 */
import { BOOKING_LIMITS, SHANGHAI_OFFSET_MS, type CalendarView } from '@kezhuan/shared';

export const CELL_MS = BOOKING_LIMITS.slotMinutes * 60_000;
const DAY_MS = 86_400_000;

export type CellState = 'closed' | 'free' | 'busy' | 'pending' | 'mine' | 'past';
export interface GridCell {
  start: number;
  state: CellState;
  /** For the owner institution: who booked it. */
  who: string;
}
export interface WeekGrid {
  days: { midnight: number; date: string; weekday: number }[];
  /** Minutes after local midnight of each row. */
  rows: number[];
  /** cells[day][row] */
  cells: GridCell[][];
}

/** Local midnight (as an instant) of the Monday of the week holding `ms`. */
export function weekStart(ms: number): number {
  const local = Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS;
  const weekday = (new Date(local).getUTCDay() + 6) % 7;
  return local - weekday * DAY_MS - SHANGHAI_OFFSET_MS;
}

/** "YYYY-MM-DD" of the local day of `ms`. */
export const localDate = (ms: number): string => new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
/** "HH:MM" local time of `ms`. */
export const localClock = (ms: number): string => new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(11, 16);
export const clockOf = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const inside = (t: number, spans: { start: string; end: string }[]) => spans.find((s) => Date.parse(s.start) <= t && t < Date.parse(s.end));

/** The grid of the 7 days from `monday` for a calendar answer. */
export function buildWeekGrid(cal: CalendarView, monday: number, now: number): WeekGrid {
  const days = Array.from({ length: 7 }, (_, i) => {
    const midnight = monday + i * DAY_MS;
    return { midnight, date: localDate(midnight), weekday: i + 1 };
  });
  let first = 24 * 60;
  let last = 0;
  for (const s of cal.open) {
    const day = weekStartDay(Date.parse(s.start));
    first = Math.min(first, (Date.parse(s.start) - day) / 60_000);
    last = Math.max(last, (Date.parse(s.end) - day) / 60_000);
  }
  const rows: number[] = [];
  for (let m = first; m < last; m += BOOKING_LIMITS.slotMinutes) {
    rows.push(m);
  }
  const cells = days.map((d) =>
    rows.map((m) => {
      const start = d.midnight + m * 60_000;
      const busy = cal.busy.find((b) => Date.parse(b.start) <= start && start < Date.parse(b.end));
      let state: CellState = 'closed';
      if (busy) {
        state = busy.mine ? 'mine' : busy.status === 'pending' ? 'pending' : 'busy';
      } else if (inside(start, cal.open)) {
        state = start < now ? 'past' : inside(start, cal.free) ? 'free' : 'busy';
      }
      return { start, state, who: busy?.requester ? `${busy.requester.name} · ${busy.requester.org}` : '' };
    }),
  );
  return { days, rows, cells };
}

/** Local midnight of the day holding `ms`. */
function weekStartDay(ms: number): number {
  return Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS - SHANGHAI_OFFSET_MS;
}

/**
 * The range picked by clicking `anchor` then `other` on one day: from the earlier to the later
 * cell, all free; null when they are on different days or anything in between is not free.
 */
export function pickRange(grid: WeekGrid, anchor: { day: number; row: number }, other: { day: number; row: number }): { start: number; end: number } | null {
  if (anchor.day !== other.day) {
    return null;
  }
  const col = grid.cells[anchor.day] ?? [];
  const lo = Math.min(anchor.row, other.row);
  const hi = Math.max(anchor.row, other.row);
  for (let r = lo; r <= hi; r++) {
    if (col[r]?.state !== 'free') {
      return null;
    }
  }
  const first = col[lo];
  const lastCell = col[hi];
  return first && lastCell ? { start: first.start, end: lastCell.start + CELL_MS } : null;
}
