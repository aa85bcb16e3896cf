/** The commissioner page queries, built here and explained by lib/query-plans.int.test.ts. */
import { cityOfRegion, type CityCode, type CommissionerDirectoryQuery, type CommissionerStatus } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import type { QuerySpec } from '../../lib/query-spec';

/** The calendar year in China (UTC+8): the current term. */
export function currentTerm(now = new Date()): number {
  return new Date(now.getTime() + 8 * 3600_000).getUTCFullYear();
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The public directory: approved commissioners of one term, or of the current and later terms,
 * newest approval first → index {status, term, approvedAt}. The text filter is a plain substring
 * of the expertise or a keyword for now (the pairing run scores text with the matching terms).
 */
export function directoryQuery(q: Omit<CommissionerDirectoryQuery, 'page' | 'pageSize'>, now = new Date()): QuerySpec {
  const and: Record<string, unknown>[] = [];
  if (q.q) {
    const re = new RegExp(escapeRegex(q.q), 'i');
    and.push({ $or: [{ expertise: re }, { keywords: re }] });
  }
  if (q.county) {
    // A county is served by commissioners naming it, or serving its whole city.
    and.push({ $or: [{ counties: q.county }, { cities: cityOfRegion(q.county) }] });
  }
  return {
    filter: {
      status: 'approved',
      term: q.term ?? { $gte: currentTerm(now) },
      ...(q.city ? { serveCities: q.city } : {}),
      ...(q.industry ? { industries: q.industry } : {}),
      ...(q.discipline ? { disciplines: q.discipline } : {}),
      ...(and.length ? { $and: and } : {}),
    },
    sort: { approvedAt: -1 },
  };
}

/** Narrowing of a queue: a term, and a city served (whole or in part: `serveCities`). */
export interface QueueNarrowing {
  term?: number;
  city?: CityCode;
}

const narrowing = (n: QueueNarrowing) => ({ ...(n.term ? { term: n.term } : {}), ...(n.city ? { serveCities: n.city } : {}) });

/** The administrator's queue, oldest submission first → index {status, submittedAt} (term and city filter its rows). */
export function reviewQueueQuery(status: CommissionerStatus = 'awaiting_review', n: QueueNarrowing = {}): QuerySpec {
  return { filter: { status, ...narrowing(n) }, sort: { submittedAt: 1 } };
}

/** An organisation's applications (to endorse, by default) → index {org, status, submittedAt}. */
export function orgApplicationsQuery(org: Types.ObjectId | string, status: CommissionerStatus = 'awaiting_endorsement', n: QueueNarrowing = {}): QuerySpec {
  return { filter: { org, status, ...narrowing(n) }, sort: { submittedAt: 1 } };
}

/** A person's own applications, latest term first → index {user, term}. */
export function myApplicationsQuery(user: Types.ObjectId | string): QuerySpec {
  return { filter: { user }, sort: { term: -1 } };
}
