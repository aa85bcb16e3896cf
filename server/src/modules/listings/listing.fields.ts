import { Schema, type Types } from 'mongoose';
import { LISTING_STATUSES, type ListingStatus } from '@kezhuan/shared';
import { noteSearchWrite } from '../indexing/write-hint';

/** Contact details; presenters show them only to members of verified organisations. */
export const contactSchema = new Schema(
  {
    name: { type: String, required: true },
    phone: { type: String, required: true },
    email: { type: String, required: true },
  },
  { _id: false },
);

/** One status change: who made it (null for the expiry sweep), from what to what, and why. */
export const historyEntrySchema = new Schema(
  {
    action: { type: String, required: true },
    from: { type: String, enum: LISTING_STATUSES, default: null },
    to: { type: String, enum: LISTING_STATUSES, required: true },
    by: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    byName: { type: String, default: '' },
    reason: { type: String, default: null },
    at: { type: Date, required: true },
  },
  { _id: false },
);

/**
 * Ownership, lifecycle and search-outbox fields of every listing. Every write sets
 * `searchDirty: true` and increments `searchV` in the same single-document update (no
 * transactions on FerretDB); the index sync pushes dirty listings and clears the flag.
 */
export const listingLifecycleFields = {
  org: { type: Schema.Types.ObjectId, ref: 'Org', required: true },
  owner: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  /** Colleagues in the organisation who may edit it besides its owner and the managers. */
  sharedWith: { type: [{ type: Schema.Types.ObjectId, ref: 'User' }], default: [] },
  status: { type: String, enum: LISTING_STATUSES, required: true, default: 'draft' },
  submittedAt: { type: Date, default: null },
  publishedAt: { type: Date, default: null },
  lastConfirmedAt: { type: Date, default: null },
  returnReason: { type: String, default: null },
  history: { type: [historyEntrySchema], default: [] },
  /** When subscribers and matching listings were told about its publication (once per listing). */
  announcedAt: { type: Date, default: null },
  searchV: { type: Number, required: true, default: 1 },
  /** The bulk import that created it (null when created in the forms). */
  importJob: { type: Schema.Types.ObjectId, ref: 'ImportJob', default: null },
  searchDirty: { type: Boolean, required: true, default: true },
} as const;

/**
 * Adds the query indexes every listing collection needs, and tells the index worker about writes.
 *
 * Queries: my organisation's listings, newest edit first (listing.queries.ts myListingsQuery) →
 * {org, updatedAt}; the review queue, oldest submission first (review.service.ts reviewQueueQuery) →
 * {status, submittedAt}; the expiry sweep (staleListingsQuery) → {status, lastConfirmedAt}; the
 * index sync's pending set (index-sync.ts pendingQuery) → {searchDirty}; publications not announced
 * yet (announcer.ts unannouncedQuery) → {announcedAt, status}. DocumentDB reads a compound index as
 * a bitmap on its equality keys and sorts the matches, so each leads with the page's equality
 * filter (an organisation's listings, the submitted ones), never with the sort key alone.
 */
export function addListingIndexes(schema: Schema): void {
  schema.post('save', noteSearchWrite);
  schema.post('insertMany', noteSearchWrite);
  schema.post(['updateOne', 'updateMany', 'findOneAndUpdate'], noteSearchWrite);
  schema.index({ org: 1, updatedAt: -1 });
  schema.index({ status: 1, submittedAt: 1 });
  schema.index({ status: 1, lastConfirmedAt: 1 });
  schema.index({ searchDirty: 1 });
  schema.index({ announcedAt: 1, status: 1 });
  // The listings of one import (import.listings.ts importListingsQuery).
  schema.index({ importJob: 1, _id: -1 });
}

/** What lifecycle code reads of a stored listing (a lean document of either kind). */
export interface ListingRecord {
  _id: Types.ObjectId;
  org: Types.ObjectId;
  owner: Types.ObjectId;
  sharedWith?: Types.ObjectId[];
  status: ListingStatus;
  submittedAt: Date | null;
  publishedAt: Date | null;
  lastConfirmedAt: Date | null;
  returnReason: string | null;
  announcedAt?: Date | null;
  /** The bulk import that created it. */
  importJob?: Types.ObjectId | null;
  history: HistoryEntryRecord[];
  searchV: number;
  searchDirty: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface HistoryEntryRecord {
  action: string;
  from: ListingStatus | null;
  to: ListingStatus;
  by: Types.ObjectId | null;
  byName: string;
  reason: string | null;
  at: Date;
}
