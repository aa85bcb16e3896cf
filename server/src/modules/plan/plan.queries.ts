import type { QuerySpec } from '../../lib/query-spec';

/** The plans, newest period first (index {startYear}). */
export const plansQuery = (): QuerySpec => ({ filter: { startYear: { $gte: 0 } }, sort: { startYear: -1 } });
/** One plan (unique index {code}). */
export const planByCodeQuery = (code: string): QuerySpec => ({ filter: { code } });
/** A plan's manual entries for the dashboard (index {plan, target, city, year}). */
export const planEntriesQuery = (code: string): QuerySpec => ({ filter: { plan: code }, sort: { target: 1, city: 1, year: 1 } });
