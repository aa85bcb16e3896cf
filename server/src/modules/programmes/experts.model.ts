import { Schema, model, type Types } from 'mongoose';
import { DISCIPLINE_CODES, INDUSTRY_CODES, type DisciplineCode, type IndustryCode } from '@kezhuan/shared';

/** An entry of the expert pool (评审专家库): a platform account the administrator may assign as reviewer. */
const expertSchema = new Schema(
  {
    user: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    /** The account's organisation when the entry was made or last edited (conflicts also read the account's current one). */
    org: { type: Schema.Types.ObjectId, ref: 'Org', default: null },
    disciplines: { type: [{ type: String, enum: DISCIPLINE_CODES }], default: [] },
    industries: { type: [{ type: String, enum: INDUSTRY_CODES }], default: [] },
    terms: { type: [String], default: [] },
    stakes: { type: [{ type: Schema.Types.ObjectId, ref: 'Org' }], default: [] },
    active: { type: Boolean, default: true },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  },
  { timestamps: true, collection: 'programme_experts' },
);
// One entry per account; the pool page lists by active flag, newest edit first → {active, updatedAt}
// (and {updatedAt} for all); proposals read every active entry → {active, updatedAt}.
expertSchema.index({ user: 1 }, { unique: true });
expertSchema.index({ active: 1, updatedAt: -1 });
expertSchema.index({ updatedAt: -1 });

export interface ExpertRecord {
  _id: Types.ObjectId;
  user: Types.ObjectId;
  org: Types.ObjectId | null;
  disciplines: DisciplineCode[];
  industries: IndustryCode[];
  terms: string[];
  stakes: Types.ObjectId[];
  active: boolean;
  createdBy: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
}

export const ExpertModel = model<ExpertRecord>('ProgrammeExpert', expertSchema);
