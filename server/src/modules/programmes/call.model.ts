import { Schema, model, type Types } from 'mongoose';
import { CALL_STATUSES, CITY_CODES, JOINT_RULES, MATURITY_CODES, ORG_TYPES, PROGRAMME_TYPE_CODES, type CallInput, type CallStatus } from '@kezhuan/shared';

/** A call for applications (申报指南) of one programme and year. */
const callSchema = new Schema(
  {
    programmeType: { type: String, enum: PROGRAMME_TYPE_CODES, required: true },
    year: { type: Number, required: true },
    title: { type: String, required: true },
    description: { type: String, required: true },
    eligibility: {
      orgTypes: { type: [{ type: String, enum: ORG_TYPES }], default: [] },
      cities: { type: [{ type: String, enum: CITY_CODES }], default: [] },
      verifiedRequired: { type: Boolean, default: true },
      resultRequired: { type: Boolean, default: false },
      minMaturity: { type: String, enum: [...MATURITY_CODES, null], default: null },
      joint: { type: String, enum: JOINT_RULES, default: 'none' },
    },
    fundingMin: { type: Number, required: true },
    fundingMax: { type: Number, required: true },
    totalBudget: { type: Number, required: true },
    /** YYYY-MM-DD; the call takes applications from the start of opensAt to the end of closesAt (China time). */
    opensAt: { type: String, required: true },
    closesAt: { type: String, required: true },
    requiredDocuments: { type: [String], default: [] },
    criteria: { type: [{ _id: false, name: String, weight: Number }], default: [] },
    /** Stored status: draft or published (or a later review state); `closed` is derived from closesAt. */
    status: { type: String, enum: CALL_STATUSES, required: true, default: 'draft' },
    publishedAt: { type: Date, default: null },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  },
  { timestamps: true, collection: 'programme_calls' },
);
// Queries (call.service.ts): the public list, newest year first, optionally of one programme type or
// year → {status, year, programmeType}; the administrator's list → {status, updatedAt} and {updatedAt}.
callSchema.index({ status: 1, year: -1, programmeType: 1 });
callSchema.index({ status: 1, updatedAt: -1 });
callSchema.index({ updatedAt: -1 });

export interface CallRecord extends Omit<CallInput, never> {
  _id: Types.ObjectId;
  status: CallStatus;
  publishedAt: Date | null;
  createdBy: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
}

export const CallModel = model<CallRecord>('ProgrammeCall', callSchema);
