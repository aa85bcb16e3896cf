import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { PLAN_COUNTING } from '@kezhuan/shared';

/** A plan's target as data: label, number, unit, how it is counted (see shared/src/schemas/plan.ts). */
const targetSchema = new Schema(
  {
    key: { type: String, required: true },
    zh: { type: String, required: true },
    en: { type: String, required: true },
    target: { type: Number, required: true },
    unitZh: { type: String, required: true },
    unitEn: { type: String, required: true },
    counting: { type: String, enum: PLAN_COUNTING, required: true },
    counter: { type: String, default: null },
    perYear: { type: Boolean, default: false },
  },
  { _id: false },
);

const planSchema = new Schema(
  {
    code: { type: String, required: true },
    titleZh: { type: String, required: true },
    titleEn: { type: String, required: true },
    startYear: { type: Number, required: true },
    endYear: { type: Number, required: true },
    source: { type: String, default: '' },
    targets: { type: [targetSchema], default: [] },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
  },
  { timestamps: true, versionKey: false },
);
// Queries: one plan by code (dashboard, entries) → {code} unique; the list, newest period first → {startYear}.
planSchema.index({ code: 1 }, { unique: true });
planSchema.index({ startYear: -1 });

export type PlanRecord = InferSchemaType<typeof planSchema> & { _id: Types.ObjectId };
export type PlanTargetRecord = PlanRecord['targets'][number];
export const PlanModel = model('Plan', planSchema);

const historySchema = new Schema(
  {
    at: { type: Date, required: true },
    by: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    count: { type: Number, required: true },
    evidence: { type: String, required: true },
    evidenceUrl: { type: String, default: null },
    reason: { type: String, default: null },
  },
  { _id: false },
);

/**
 * An administrator's count for one target of a plan in one city and year, with its evidence; one
 * per (plan, target, city, year) so totals cannot count a document twice. Corrections keep the
 * earlier version in `history`.
 */
const entrySchema = new Schema(
  {
    plan: { type: String, required: true },
    target: { type: String, required: true },
    city: { type: String, required: true },
    year: { type: Number, required: true },
    count: { type: Number, required: true },
    evidence: { type: String, required: true },
    evidenceUrl: { type: String, default: null },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    updatedBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    history: { type: [historySchema], default: [] },
  },
  { timestamps: true, versionKey: false },
);
// Queries: a plan's entries (dashboard) → prefix {plan}; one cell's uniqueness → the whole key.
entrySchema.index({ plan: 1, target: 1, city: 1, year: 1 }, { unique: true });

export type PlanEntryRecord = InferSchemaType<typeof entrySchema> & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };
export const PlanEntryModel = model('PlanEntry', entrySchema);
