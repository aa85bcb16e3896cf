import { Schema, model } from 'mongoose';
import { SEARCH_KINDS } from '@kezhuan/shared';

/** A search a user keeps; when subscribed, newly published listings that match it are notified. */
const savedSearchSchema = new Schema(
  {
    user: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    kind: { type: String, enum: SEARCH_KINDS, required: true },
    name: { type: String, required: true },
    /** The search page's query-string parameters (validated again whenever they are used). */
    params: { type: Schema.Types.Mixed, required: true },
    subscribed: { type: Boolean, default: true },
  },
  // minimize: false keeps `params: {}` (an unfiltered search): Mongoose would drop the empty object.
  { timestamps: true, collection: 'saved_searches', minimize: false },
);
// Queries: my saved searches, newest first, and their count → {user, createdAt}
// (saved-search.routes.ts); the subscribers told about each new publication → {kind, subscribed}
// (announcer.ts).
savedSearchSchema.index({ user: 1, createdAt: -1 });
savedSearchSchema.index({ kind: 1, subscribed: 1 });

export const SavedSearchModel = model('SavedSearch', savedSearchSchema);
