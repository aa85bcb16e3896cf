/** Service-request page queries, built here and explained by lib/query-plans.int.test.ts. */
import type { ServiceRequestStatus } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import type { QuerySpec } from '../../lib/query-spec';

/** An organisation's requests, newest edit first → {org, updatedAt} or {org, status, updatedAt}. */
export function orgRequestsQuery(org: Types.ObjectId | string, status?: ServiceRequestStatus): QuerySpec {
  return { filter: status ? { org, status } : { org }, sort: { updatedAt: -1 } };
}

/** Requests in one status, oldest opening first (the pool of a pairing run: `open`) → {status, openedAt}. */
export function requestsInStatusQuery(status: ServiceRequestStatus = 'open'): QuerySpec {
  return { filter: { status }, sort: { openedAt: 1 } };
}

/** A need's request that is not closed (one live request per need) → {need, status}. */
export function liveFromNeedQuery(need: Types.ObjectId | string): QuerySpec {
  return { filter: { need, status: { $in: ['draft', 'open', 'withdrawn', 'paired'] } } };
}
