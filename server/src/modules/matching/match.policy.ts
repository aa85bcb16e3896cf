/**
 * Who may judge a recommended pair (a need and a result), in one place: only a member of the
 * organisation of one side, and "interested" only when both listings are published, so what the
 * other side is shown (the interested organisation and its listing) has passed review.
 */
import type { ListingActor, ListingRef } from '../listings/listing.policy';

export type PairSide = 'need' | 'result';

/**
 * An approved member of the organisation that owns the listing (administrators act for none; a
 * pending request to join gives no say).
 */
export function actsFor(actor: ListingActor | null, listing: Pick<ListingRef, 'org'>): boolean {
  return Boolean(actor && actor.role !== 'admin' && actor.orgRole && actor.orgId && actor.orgId === listing.org);
}

/** The side of the pair the actor's organisation owns; null when it is not a party. */
export function partySide(actor: ListingActor | null, need: Pick<ListingRef, 'org'>, result: Pick<ListingRef, 'org'>): PairSide | null {
  if (actsFor(actor, need)) {
    return 'need';
  }
  return actsFor(actor, result) ? 'result' : null;
}

export type JudgeRefusal = 'not_party' | 'own_not_published' | 'other_not_published';

/**
 * May the actor give this verdict on the pair? `about` is the listing judged (the other side's).
 * "Not a fit" needs only a party; "interested" also needs both listings published, because the
 * other side is told about it and sent to the actor's listing.
 */
export function judgeDecision(
  actor: ListingActor | null,
  verdict: 'interested' | 'not_fit',
  need: ListingRef,
  result: ListingRef,
): { ok: true; about: PairSide } | { ok: false; why: JudgeRefusal } {
  const side = partySide(actor, need, result);
  if (!side) {
    return { ok: false, why: 'not_party' };
  }
  const own = side === 'need' ? need : result;
  const other = side === 'need' ? result : need;
  if (verdict === 'interested' && own.status !== 'published') {
    return { ok: false, why: 'own_not_published' };
  }
  if (verdict === 'interested' && other.status !== 'published') {
    return { ok: false, why: 'other_not_published' };
  }
  return { ok: true, about: side === 'need' ? 'result' : 'need' };
}

/** May the actor see who is interested in this listing (its organisation's members, administrators)? */
export function maySeeInterest(actor: ListingActor, listing: Pick<ListingRef, 'org'>): boolean {
  return actor.role === 'admin' || actsFor(actor, listing);
}
