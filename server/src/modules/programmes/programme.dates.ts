/** Call dates are calendar days in China time (UTC+8): a call takes applications to the end of its close date. */
const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The instant a calendar day (YYYY-MM-DD) starts in China. */
export function dayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - CHINA_OFFSET_MS);
}

/** True when `now` is within [opensAt, end of closesAt]. */
export function isWithin(call: { opensAt: string; closesAt: string }, now: Date): boolean {
  return now >= dayStart(call.opensAt) && now.getTime() < dayStart(call.closesAt).getTime() + DAY_MS;
}

/** True when the close date is over. */
export function isPastClose(call: { closesAt: string }, now: Date): boolean {
  return now.getTime() >= dayStart(call.closesAt).getTime() + DAY_MS;
}

/** Today's date in China, YYYY-MM-DD. */
export function chinaToday(now: Date): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}
