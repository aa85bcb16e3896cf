/**
 * Loading listings under the policy, and running lifecycle transitions as single-document
 * atomic updates, for either kind of listing.
 */
import type { ListingKind } from '@kezhuan/shared';
import type { Model } from 'mongoose';
import { createError } from '../../lib/errors';
import { effectiveStatus, historyEntry, statusAfterEdit, transitionUpdate, withOutbox, type TransitionAction } from './lifecycle';
import type { ListingRecord } from './listing.fields';
import { withListingLock } from './listing.lock';
import { can, type ListingActor, type ListingRef } from './listing.policy';

export function listingRef(kind: ListingKind, doc: ListingRecord, now: Date): ListingRef {
  return {
    kind,
    org: String(doc.org),
    owner: String(doc.owner),
    sharedWith: (doc.sharedWith ?? []).map(String),
    status: effectiveStatus(doc, now),
  };
}

/** A listing the caller may read; anything else (missing, or someone else's draft) is a 404. */
export async function findReadable<T extends ListingRecord>(model: Model<T>, kind: ListingKind, id: string, actor: ListingActor | null, now: Date): Promise<T> {
  const doc = await model.findById(id).lean<T>();
  if (!doc || !can(actor, 'read', listingRef(kind, doc, now))) {
    throw createError('NOT_FOUND');
  }
  return doc;
}

/** A listing the caller may act on: 404 when they may not see it, 403 when they may see but not act. */
export async function findForAction<T extends ListingRecord>(
  model: Model<T>,
  kind: ListingKind,
  id: string,
  actor: ListingActor | null,
  action: 'edit' | 'manage' | 'share' | 'review',
  now: Date,
): Promise<T> {
  const doc = await findReadable(model, kind, id, actor, now);
  if (!can(actor, action, listingRef(kind, doc, now))) {
    throw createError('FORBIDDEN');
  }
  return doc;
}

/**
 * Loads a listing for an action (404/403 as `findForAction`) and runs `write` on it while holding
 * the listing's write lock, so the check and the write see the same document.
 */
export function withListing<T extends ListingRecord, R>(
  model: Model<T>,
  kind: ListingKind,
  id: string,
  actor: ListingActor | null,
  action: 'edit' | 'manage' | 'share' | 'review',
  now: Date,
  write: (doc: T) => Promise<R>,
): Promise<R> {
  return withListingLock(`${kind}:${id}`, async () => write(await findForAction(model, kind, id, actor, action, now)));
}

export function invalidState(action: string, status: string) {
  return createError('INVALID_STATE', {
    message: `当前状态（${status}）下不能执行此操作（${action}）`,
    messageEn: `Cannot ${action} a listing that is ${status}`,
  });
}

/**
 * Applies a transition. The update is conditional on the status read, so of two concurrent
 * transitions one wins and the other gets 409 (no lost update, no double history entry).
 */
export async function runTransition<T extends ListingRecord>(
  model: Model<T>,
  doc: T,
  action: TransitionAction,
  actor: ListingActor | null,
  now: Date,
  reason: string | null = null,
): Promise<T> {
  const current = effectiveStatus(doc, now);
  const update = transitionUpdate(action, current, actor, now, reason);
  if (!update) {
    throw invalidState(action, current);
  }
  const updated = await model.findOneAndUpdate({ _id: doc._id, status: doc.status }, update, { returnDocument: 'after' }).lean<T>();
  if (!updated) {
    throw invalidState(action, 'changed meanwhile');
  }
  return updated;
}

/**
 * Applies an edit: the new content in `set`, and, when the listing was published (or expired),
 * back to review with a history entry. Conditional on the status read, like transitions.
 */
export async function runEdit<T extends ListingRecord>(model: Model<T>, doc: T, set: Record<string, unknown>, actor: ListingActor, now: Date): Promise<T> {
  const current = effectiveStatus(doc, now);
  const next = statusAfterEdit(current);
  const moved = next !== current;
  const update = withOutbox({
    $set: { ...set, ...(moved ? { status: next, submittedAt: now } : {}) },
    ...(moved ? { $push: { history: historyEntry('edit', current, next, actor, now) } } : {}),
  });
  const updated = await model.findOneAndUpdate({ _id: doc._id, status: doc.status }, update, { returnDocument: 'after' }).lean<T>();
  if (!updated) {
    throw invalidState('edit', 'changed meanwhile');
  }
  return updated;
}
