/** Service log queries, built here and explained by lib/query-plans.int.test.ts. */
import type { Types } from 'mongoose';
import type { QuerySpec } from '../../lib/query-spec';

/** The agreement of a pairing → {pairing}. */
export function agreementOfPairingQuery(pairing: Types.ObjectId | string): QuerySpec {
  return { filter: { pairing } };
}

/** A pairing's log, newest first → {pairing, date}. */
export function pairingLogQuery(pairing: Types.ObjectId | string): QuerySpec {
  return { filter: { pairing }, sort: { date: -1 } };
}

/** The agreements of a term (summary) → {term}. */
export function termAgreementsQuery(term: number): QuerySpec {
  return { filter: { term } };
}

/** The confirmed entries of a term (summary) → {term, status}. */
export function confirmedOfTermQuery(term: number): QuerySpec {
  return { filter: { term, status: 'confirmed' } };
}

/** The accepted (active) pairings of a term (summary), on the pairings' {term, status} index. */
export function activePairingsQuery(term: number): QuerySpec {
  return { filter: { term, status: 'accepted' } };
}
