/**
 * The listing lifecycle as pure functions: which transitions are allowed from which status, the
 * update each one makes, and expiry.
 *
 *   draft ──submit──▶ submitted ──approve──▶ published ──(180 days unconfirmed)──▶ expired
 *     ▲                   │                     │  ▲                                  │
 *     └──────return───────┘                     │  └──────────────confirm─────────────┘
 *   any but withdrawn ──withdraw──▶ withdrawn ──submit──▶ submitted
 *
 * An edit to a published (or expired) listing sends it back to review (submitted): what the
 * public sees has always been approved. Expiry is applied on every read (`effectiveStatus`), so
 * it does not depend on the sweep that also writes it down.
 */
import { LISTING_EXPIRY_DAYS, type ListingStatus } from '@kezhuan/shared';
import type { Types, UpdateQuery } from 'mongoose';
import type { HistoryEntryRecord } from './listing.fields';

export type TransitionAction = 'submit' | 'approve' | 'return' | 'withdraw' | 'confirm';

const TRANSITIONS: Record<TransitionAction, { from: readonly ListingStatus[]; to: ListingStatus }> = {
  submit: { from: ['draft', 'withdrawn'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'published' },
  return: { from: ['submitted'], to: 'draft' },
  withdraw: { from: ['draft', 'submitted', 'published', 'expired'], to: 'withdrawn' },
  confirm: { from: ['published', 'expired'], to: 'published' },
};

const DAY_MS = 86_400_000;

/** Published listings last confirmed before this instant are expired. */
export function expiryCutoff(now: Date): Date {
  return new Date(now.getTime() - LISTING_EXPIRY_DAYS * DAY_MS);
}

interface LifecycleState {
  status: ListingStatus;
  lastConfirmedAt: Date | null;
}

/** The status as users see it: a published listing unconfirmed for 180 days is expired. */
export function effectiveStatus(l: LifecycleState, now: Date): ListingStatus {
  if (l.status === 'published' && (!l.lastConfirmedAt || l.lastConfirmedAt < expiryCutoff(now))) {
    return 'expired';
  }
  return l.status;
}

/** When a published listing will expire unless confirmed; null for any other status. */
export function expiresAt(l: LifecycleState, now: Date): Date | null {
  if (effectiveStatus(l, now) !== 'published' || !l.lastConfirmedAt) {
    return null;
  }
  return new Date(l.lastConfirmedAt.getTime() + LISTING_EXPIRY_DAYS * DAY_MS);
}

/** Search indexes hold exactly the listings the public can see: published and not expired. */
export function isSearchable(l: LifecycleState, now = new Date()): boolean {
  return effectiveStatus(l, now) === 'published';
}

/** The status after an edit: published or expired listings go back to review. */
export function statusAfterEdit(current: ListingStatus): ListingStatus {
  return current === 'published' || current === 'expired' ? 'submitted' : current;
}

export function canTransition(action: TransitionAction, current: ListingStatus): boolean {
  return TRANSITIONS[action].from.includes(current);
}

export interface Actor {
  id: Types.ObjectId;
  name: string;
}

/** A history entry for a status change. */
export function historyEntry(action: string, from: ListingStatus | null, to: ListingStatus, by: Actor | null, at: Date, reason: string | null = null): HistoryEntryRecord {
  return { action, from, to, by: by?.id ?? null, byName: by?.name ?? '', reason, at };
}

/** The outbox part of every write: bump the search version and mark the listing dirty. */
export function withOutbox(update: { $set?: Record<string, unknown>; $push?: Record<string, unknown>; $pull?: Record<string, unknown> }): UpdateQuery<unknown> {
  return { ...update, $set: { ...update.$set, searchDirty: true }, $inc: { searchV: 1 } };
}

/**
 * The single-document update for a lifecycle transition of a listing whose effective status is
 * `current`, or null when the transition is not allowed from there.
 */
export function transitionUpdate(action: TransitionAction, current: ListingStatus, by: Actor | null, now: Date, reason: string | null = null): UpdateQuery<unknown> | null {
  if (!canTransition(action, current)) {
    return null;
  }
  const to = TRANSITIONS[action].to;
  const set: Record<string, unknown> = { status: to };
  switch (action) {
    case 'submit':
      set.submittedAt = now;
      break;
    case 'approve':
      set.publishedAt = now;
      set.lastConfirmedAt = now;
      set.returnReason = null;
      break;
    case 'return':
      set.returnReason = reason;
      break;
    case 'confirm':
      set.lastConfirmedAt = now;
      break;
    case 'withdraw':
      break;
  }
  return withOutbox({ $set: set, $push: { history: historyEntry(action, current, to, by, now, reason) } });
}
