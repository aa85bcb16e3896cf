import { Schema, model, type Types } from 'mongoose';
import { APPLICATION_STATUSES, MILESTONE_KIND_CODES, type ApplicationStatus, type BudgetRow, type MilestoneKind } from '@kezhuan/shared';

const attachmentSchema = new Schema(
  {
    key: { type: String, required: true },
    name: { type: String, required: true },
    size: { type: Number, required: true },
    mime: { type: String, required: true },
    /** Which of the call's required documents it is (or another name). */
    document: { type: String, required: true },
    uploadedAt: { type: Date, required: true },
    uploadedBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  },
  { _id: false },
);

/** An organisation's application to a call, as lead, with its partner organisations (产学研). */
const applicationSchema = new Schema(
  {
    call: { type: Schema.Types.ObjectId, ref: 'ProgrammeCall', required: true },
    org: { type: Schema.Types.ObjectId, ref: 'Org', required: true },
    owner: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    status: { type: String, enum: APPLICATION_STATUSES, required: true, default: 'draft' },
    title: { type: String, required: true },
    description: { type: String, required: true },
    results: { type: [{ type: Schema.Types.ObjectId, ref: 'ResearchResult' }], default: [] },
    needs: { type: [{ type: Schema.Types.ObjectId, ref: 'TechNeed' }], default: [] },
    partners: { type: [{ type: Schema.Types.ObjectId, ref: 'Org' }], default: [] },
    /** The lead and its partners (who may read it): "my organisation's applications" runs on it. */
    orgs: { type: [{ type: Schema.Types.ObjectId, ref: 'Org' }], default: [] },
    budget: { type: [{ _id: false, item: String, ownFunds: Number, requestedFunds: Number }], default: [] },
    milestones: { type: [{ _id: false, name: String, dueDate: String, kind: { type: String, enum: MILESTONE_KIND_CODES }, target: Number }], default: [] },
    attachments: { type: [attachmentSchema], default: [] },
    returnReasons: { type: [{ _id: false, field: String, reason: String }], default: [] },
    submittedAt: { type: Date, default: null },
    checkedAt: { type: Date, default: null },
    checkedBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
  },
  { timestamps: true, collection: 'programme_applications' },
);
// One application per organisation per call as lead.
applicationSchema.index({ call: 1, org: 1 }, { unique: true });
// Queries (application.service.ts): a call's applications by status, oldest submission first →
// {call, status, submittedAt}; my organisation's (as lead or partner), newest edit first →
// {orgs, updatedAt} (programme.queries.ts).
applicationSchema.index({ call: 1, status: 1, submittedAt: 1 });
applicationSchema.index({ orgs: 1, updatedAt: -1 });
// Keeps `orgs` in step with the lead and partners on every save.
applicationSchema.pre('validate', function setOrgs() {
  this.orgs = [this.org, ...this.partners];
});

export interface ApplicationAttachment {
  key: string;
  name: string;
  size: number;
  mime: string;
  document: string;
  uploadedAt: Date;
  uploadedBy: Types.ObjectId;
}

export interface ApplicationRecord {
  _id: Types.ObjectId;
  call: Types.ObjectId;
  org: Types.ObjectId;
  owner: Types.ObjectId;
  status: ApplicationStatus;
  title: string;
  description: string;
  results: Types.ObjectId[];
  needs: Types.ObjectId[];
  partners: Types.ObjectId[];
  orgs: Types.ObjectId[];
  budget: BudgetRow[];
  milestones: { name: string; dueDate: string; kind: MilestoneKind; target: number }[];
  attachments: ApplicationAttachment[];
  returnReasons: { field: string; reason: string }[];
  submittedAt: Date | null;
  checkedAt: Date | null;
  checkedBy: Types.ObjectId | null;
  createdAt: Date;
  updatedAt: Date;
}

export const ApplicationModel = model<ApplicationRecord>('ProgrammeApplication', applicationSchema);
