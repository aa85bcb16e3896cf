/**
 * The booking grid in Asia/Shanghai local time (UTC+8, no daylight saving): local days, weekdays,
 * opening windows expanded to instants, and interval arithmetic. Pure functions.
 */
import { BOOKING_LIMITS, SHANGHAI_OFFSET_MS, clockMinutes, type OpeningWindow } from '@kezhuan/shared';

export const CELL_MS = BOOKING_LIMITS.slotMinutes * 60_000;
export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

export interface Span {
  start: number;
  end: number;
}

/** Whether an instant lies on the 30-minute grid (Shanghai's offset is whole hours, so UTC's grid is the same). */
export const onGrid = (d: Date): boolean => d.getTime() % CELL_MS === 0;

/** The instant of local midnight starting the local day of `ms`. */
export const localMidnight = (ms: number): number => Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS - SHANGHAI_OFFSET_MS;

/** ISO weekday (1 = Monday) of the local day starting at `midnight`. */
export const localWeekday = (midnight: number): number => ((new Date(midnight + SHANGHAI_OFFSET_MS).getUTCDay() + 6) % 7) + 1;

/** Local midnight of a "YYYY-MM-DD" day. */
export const dayStart = (day: string): number => Date.parse(`${day}T00:00:00Z`) - SHANGHAI_OFFSET_MS;

/** "YYYY-MM-DD" of the local day of `ms`. */
export const localDate = (ms: number): string => new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);

/** The starts of the grid cells covering [start, end). */
export function cellStarts(start: number, end: number): number[] {
  const out: number[] = [];
  for (let t = start; t < end; t += CELL_MS) {
    out.push(t);
  }
  return out;
}

/** The opening windows of the local days from `fromMidnight` (included) to `toMidnight` (excluded), as instants. */
export function openSpans(hours: readonly OpeningWindow[], fromMidnight: number, toMidnight: number): Span[] {
  const out: Span[] = [];
  for (let day = fromMidnight; day < toMidnight; day += DAY_MS) {
    const wd = localWeekday(day);
    const windows = hours.filter((w) => w.weekday === wd).sort((a, b) => clockMinutes(a.from) - clockMinutes(b.from));
    for (const w of windows) {
      out.push({ start: day + clockMinutes(w.from) * 60_000, end: day + clockMinutes(w.to) * 60_000 });
    }
  }
  return out;
}

/** Whether [start, end) lies inside one opening window of its local day. */
export function insideOpening(hours: readonly OpeningWindow[], start: number, end: number): boolean {
  const midnight = localMidnight(start);
  return openSpans(hours, midnight, midnight + DAY_MS).some((s) => s.start <= start && end <= s.end);
}

/** `spans` minus `holes` (both sorted or not); the result is sorted. */
export function subtract(spans: readonly Span[], holes: readonly Span[]): Span[] {
  const sortedHoles = [...holes].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    let cur = s.start;
    for (const h of sortedHoles) {
      if (h.end <= cur || h.start >= s.end) {
        continue;
      }
      if (h.start > cur) {
        out.push({ start: cur, end: h.start });
      }
      cur = Math.max(cur, h.end);
    }
    if (cur < s.end) {
      out.push({ start: cur, end: s.end });
    }
  }
  return out;
}

/** Total hours of the parts of `spans` inside [from, to). */
export function hoursWithin(spans: readonly Span[], from: number, to: number): number {
  let ms = 0;
  for (const s of spans) {
    ms += Math.max(0, Math.min(s.end, to) - Math.max(s.start, from));
  }
  return ms / HOUR_MS;
}
