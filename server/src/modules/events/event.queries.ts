/** The list queries of events, meetings and registrations (their plans are checked in query-plans.int.test.ts). */
import type { Types } from 'mongoose';
import type { QuerySpec } from '../../lib/query-spec';

/** Cancelled events stay listed (marked) so that those who registered find them. */
const LIVE = ['published', 'registration_closed', 'held', 'closed', 'cancelled'];

/** Upcoming events soonest first, or past ones latest first: index {state, start}. */
export function eventListQuery(scope: 'upcoming' | 'past', now: Date): QuerySpec {
  return scope === 'past'
    ? { filter: { state: { $in: LIVE }, start: { $lt: now } }, sort: { start: -1 } }
    : { filter: { state: { $in: LIVE }, start: { $gte: now } }, sort: { start: 1 } };
}

/** The organiser organisation's events, drafts included: index {organiserOrg, start}. */
export const organiserEventsQuery = (org: Types.ObjectId): QuerySpec => ({ filter: { organiserOrg: org }, sort: { start: -1 } });

/** An event's registrations: index {event, org}. */
export const registrationsQuery = (event: Types.ObjectId): QuerySpec => ({ filter: { event }, sort: { org: 1 } });

/** An event's scheduled meetings in slot order: index {event, slot}. */
export const meetingsQuery = (event: Types.ObjectId): QuerySpec => ({ filter: { event, status: 'scheduled' }, sort: { slot: 1 } });

/** One organisation's meetings of an event on one side: index {enterpriseOrg|presenterOrg, event}. */
export const orgMeetingsQuery = (side: 'enterpriseOrg' | 'presenterOrg', org: Types.ObjectId, event: Types.ObjectId): QuerySpec => ({ filter: { [side]: org, event, status: 'scheduled' } });
