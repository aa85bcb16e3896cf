import type { Types } from 'mongoose';
import { SINCE_EVER, type QuerySpec } from '../../lib/query-spec';

/** My organisation's projects, as lead or partner, newest first (index {orgs, createdAt}). */
export function orgProjectsQuery(org: Types.ObjectId | string): QuerySpec {
  return { filter: { orgs: org }, sort: { createdAt: -1 } };
}

/** The administrator's list; one filter at a time picks the index ({call|year|overdueCount, createdAt}). */
export function adminProjectsQuery(q: { call?: string; year?: number; state?: string; overdue?: boolean }): QuerySpec {
  const filter: Record<string, unknown> = {};
  if (q.call) {
    filter.call = q.call;
  }
  if (q.year !== undefined) {
    filter.year = q.year;
  }
  if (q.state) {
    filter.state = q.state;
  }
  if (q.overdue !== undefined) {
    filter.overdueCount = q.overdue ? { $gt: 0 } : 0;
  }
  if (!Object.keys(filter).length) {
    filter.createdAt = { $gte: SINCE_EVER };
  }
  return { filter, sort: { createdAt: -1 } };
}

/** Active projects with a milestone due before `today` (the sweep; index {state, milestones.dueDate}). */
export function overdueCandidatesQuery(today: string): QuerySpec {
  return { filter: { state: 'active', 'milestones.dueDate': { $lt: today } } };
}

/** The public list, newest first, by year ({year, createdAt}) and programme ({programmeType, year}); else {createdAt}. */
export function publicProjectsQuery(q: { year?: number; programmeType?: string } = {}): QuerySpec {
  const filter: Record<string, unknown> = {};
  if (q.programmeType) {
    filter.programmeType = q.programmeType;
  }
  if (q.year !== undefined) {
    filter.year = q.year;
  }
  if (!Object.keys(filter).length) {
    filter.createdAt = { $gte: SINCE_EVER };
  }
  return { filter, sort: { createdAt: -1 } };
}
