/** Programme page queries, built here and explained by lib/query-plans.int.test.ts. */
import type { ApplicationStatus, CallStatus, ProgrammeType } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { SINCE_EVER, type QuerySpec } from '../../lib/query-spec';

/** Published (and later) calls, newest year first → {status, year, programmeType}. */
export function publicCallsQuery(q: { programmeType?: ProgrammeType; year?: number }): QuerySpec {
  return {
    filter: { status: { $in: ['published', 'reviewing', 'decided'] as CallStatus[] }, ...(q.year ? { year: q.year } : {}), ...(q.programmeType ? { programmeType: q.programmeType } : {}) },
    sort: { year: -1, programmeType: 1 },
  };
}

/** The administrator's calls, newest edit first → {status, updatedAt} or {updatedAt}. */
export function adminCallsQuery(status?: CallStatus): QuerySpec {
  return { filter: status ? { status } : { updatedAt: { $gte: SINCE_EVER } }, sort: { updatedAt: -1 } };
}

/** A call's filed applications (or those of one status), oldest submission first → {call, status, submittedAt}. */
export function callApplicationsQuery(call: Types.ObjectId | string, status?: ApplicationStatus): QuerySpec {
  return { filter: { call, status: status ?? { $ne: 'draft' } }, sort: { submittedAt: 1 } };
}

/** An organisation's applications as lead or partner, newest edit first → {orgs, updatedAt}. */
export function orgApplicationsQuery(org: Types.ObjectId | string, status?: ApplicationStatus): QuerySpec {
  return { filter: { orgs: org, ...(status ? { status } : {}) }, sort: { updatedAt: -1 } };
}
