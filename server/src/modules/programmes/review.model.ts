import { Schema, model, type Types } from 'mongoose';
import { RECOMMENDATIONS, REVIEW_STATUSES, type Recommendation, type ReviewStatus } from '@kezhuan/shared';

/**
 * One reviewer's assignment to one application, and his scores: assigned → draft (saved) →
 * submitted (final; the administrator may reopen it to draft). Withdrawing an unsubmitted
 * assignment deletes it (the audit log keeps the trace).
 */
const reviewSchema = new Schema(
  {
    call: { type: Schema.Types.ObjectId, ref: 'ProgrammeCall', required: true },
    application: { type: Schema.Types.ObjectId, ref: 'ProgrammeApplication', required: true },
    expert: { type: Schema.Types.ObjectId, ref: 'ProgrammeExpert', required: true },
    reviewer: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    status: { type: String, enum: REVIEW_STATUSES, required: true, default: 'assigned' },
    scores: { type: [{ _id: false, criterion: String, score: Number, comment: String }], default: [] },
    recommendation: { type: String, enum: [...RECOMMENDATIONS, null], default: null },
    weightedTotal: { type: Number, default: null },
    assignedBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    assignedAt: { type: Date, required: true },
    submittedAt: { type: Date, default: null },
  },
  { timestamps: true, collection: 'programme_reviews' },
);
// One assignment per reviewer and application; an application's reviews → {application, reviewer};
// a reviewer's workbench, newest assignment first → {reviewer, assignedAt} (and {reviewer, status,
// assignedAt}); a call's ranking reads its reviews → {call, application}.
reviewSchema.index({ application: 1, reviewer: 1 }, { unique: true });
reviewSchema.index({ reviewer: 1, assignedAt: -1 });
reviewSchema.index({ reviewer: 1, status: 1, assignedAt: -1 });
reviewSchema.index({ call: 1, application: 1 });

export interface ReviewRecord {
  _id: Types.ObjectId;
  call: Types.ObjectId;
  application: Types.ObjectId;
  expert: Types.ObjectId;
  reviewer: Types.ObjectId;
  status: ReviewStatus;
  scores: { criterion: string; score: number; comment: string }[];
  recommendation: Recommendation | null;
  weightedTotal: number | null;
  assignedBy: Types.ObjectId;
  assignedAt: Date;
  submittedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const ReviewModel = model<ReviewRecord>('ProgrammeReview', reviewSchema);
