/** The programme's term: the calendar year in China (UTC+8), as the server counts it. */
export function currentTerm(now = new Date()): number {
  return new Date(now.getTime() + 8 * 3600_000).getUTCFullYear();
}
