import { Schema, model } from 'mongoose';
import { FEEDBACK_REASONS } from '@kezhuan/shared';

/**
 * A verdict on a recommended pair, given by a member of one side about the other: `about` names the
 * listing judged ('result' when the need's enterprise judged a result, and the reverse), `org` the
 * organisation the user acted for. Its owner sees "not a fit" in aggregate, never who gave it, and
 * the organisations that are interested.
 */
const matchFeedbackSchema = new Schema(
  {
    need: { type: Schema.Types.ObjectId, ref: 'TechNeed', required: true },
    result: { type: Schema.Types.ObjectId, ref: 'ResearchResult', required: true },
    user: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    about: { type: String, enum: ['need', 'result'], required: true },
    org: { type: Schema.Types.ObjectId, ref: 'Org', default: null },
    verdict: { type: String, enum: ['interested', 'not_fit'], required: true },
    reason: { type: String, enum: [...FEEDBACK_REASONS, null], default: null },
    note: { type: String, default: '' },
  },
  { timestamps: true, collection: 'match_feedback' },
);
// Queries (feedback.service.ts): one verdict per pair and user, and a user's verdicts on the pairs
// shown → {need, result, user} (unique); a listing's verdicts in aggregate → {result, about} / {need, about}.
matchFeedbackSchema.index({ need: 1, result: 1, user: 1 }, { unique: true });
matchFeedbackSchema.index({ result: 1, about: 1 });
matchFeedbackSchema.index({ need: 1, about: 1 });

export const MatchFeedbackModel = model('MatchFeedback', matchFeedbackSchema);
