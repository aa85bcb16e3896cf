/** Expert-review queries, built here and explained by lib/query-plans.int.test.ts. */
import type { ReviewStatus } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { SINCE_EVER, type QuerySpec } from '../../lib/query-spec';

/** The pool page: by active flag or all, newest edit first → {active, updatedAt} or {updatedAt}. */
export function expertsQuery(active?: boolean): QuerySpec {
  return { filter: active === undefined ? { updatedAt: { $gte: SINCE_EVER } } : { active }, sort: { updatedAt: -1 } };
}

/** A reviewer's assignments, newest first → {reviewer, assignedAt} or {reviewer, status, assignedAt}. */
export function myReviewsQuery(reviewer: Types.ObjectId | string, status?: ReviewStatus): QuerySpec {
  return { filter: { reviewer, ...(status ? { status } : {}) }, sort: { assignedAt: -1 } };
}

/** A call's reviews (for its ranking) → {call, application}. */
export function callReviewsQuery(call: Types.ObjectId | string): QuerySpec {
  return { filter: { call }, sort: { application: 1 } };
}

/** A call's applications past the formal check (for its ranking) → {call, status, submittedAt}. */
export function rankedApplicationsQuery(call: Types.ObjectId | string): QuerySpec {
  return { filter: { call, status: { $in: ['accepted', 'under_review', 'funded', 'rejected'] } }, sort: { submittedAt: 1 } };
}
