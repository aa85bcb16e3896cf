/** Pairing run and pairing page queries, built here and explained by lib/query-plans.int.test.ts. */
import type { Types } from 'mongoose';
import type { QuerySpec } from '../../lib/query-spec';
import { LIVE_PAIRING_STATUSES } from './pairing.model';

/** The runs of a term, newest first → {term, startedAt}. */
export function runsOfTermQuery(term: number): QuerySpec {
  return { filter: { term }, sort: { startedAt: -1 } };
}

/** A run's pairs, best first → {run, score}. */
export function runPairsQuery(run: Types.ObjectId | string): QuerySpec {
  return { filter: { run }, sort: { score: -1 } };
}

/** Pairings holding a commissioner's place in a term (confirmed or accepted) → {term, status}. */
export function livePairingsQuery(term: number): QuerySpec {
  return { filter: { term, status: { $in: LIVE_PAIRING_STATUSES } } };
}

/** Pairings declined in a term (not proposed again) → {term, status}. */
export function declinedPairingsQuery(term: number): QuerySpec {
  return { filter: { term, status: 'declined' } };
}

const ANSWERED_OR_OPEN = { $in: ['confirmed', 'accepted', 'declined'] };

/** A commissioner's pairings (not the proposals of unconfirmed runs), newest first → {commissionerUser, status, confirmedAt}. */
export function commissionerPairingsQuery(user: Types.ObjectId | string): QuerySpec {
  return { filter: { commissionerUser: user, status: ANSWERED_OR_OPEN }, sort: { confirmedAt: -1 } };
}

/** An enterprise's pairings, newest first → {org, status, confirmedAt}. */
export function orgPairingsQuery(org: Types.ObjectId | string): QuerySpec {
  return { filter: { org, status: ANSWERED_OR_OPEN }, sort: { confirmedAt: -1 } };
}

/** The approved commissioners of a term (the run's other input) → {status, term, approvedAt}. */
export function approvedOfTermQuery(term: number): QuerySpec {
  return { filter: { status: 'approved', term } };
}
