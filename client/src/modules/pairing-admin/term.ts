/** The programme's term: the calendar year in China (UTC+8), as the server counts it. */
export function currentTerm(now = new Date()): number {
  return new Date(now.getTime() + 8 * 3600_000).getUTCFullYear();
}

/** The term a page was linked to (`?term=2027`), or the current one when the query holds none in range. */
export function termFromQuery(value: unknown, now = new Date()): number {
  const n = typeof value === 'string' && /^\d{4}$/.test(value) ? Number(value) : NaN;
  return n >= 2020 && n <= 2100 ? n : currentTerm(now);
}
