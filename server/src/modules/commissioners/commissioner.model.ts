import { Schema, model, type Types } from 'mongoose';
import {
  CITY_CODES,
  COMMISSIONER_STATUSES,
  DISCIPLINE_CODES,
  INDUSTRY_CODES,
  type CityCode,
  type CommissionerStatus,
  type DisciplineCode,
  type IndustryCode,
} from '@kezhuan/shared';

const endorsementSchema = new Schema(
  {
    endorsed: { type: Boolean, required: true },
    by: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    byName: { type: String, required: true },
    at: { type: Date, required: true },
    note: { type: String, default: null },
  },
  { _id: false },
);

/**
 * A person's application to serve as a science commissioner for one term, and, once approved,
 * his standing for that term: the account keeps its own role (a researcher stays a researcher);
 * being a commissioner of 2027 is this document in `approved`.
 */
const commissionerSchema = new Schema(
  {
    user: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    /** His organisation when he applied (the one that endorses him). */
    org: { type: Schema.Types.ObjectId, ref: 'Org', required: true },
    term: { type: Number, required: true },
    status: { type: String, enum: COMMISSIONER_STATUSES, required: true },
    expertise: { type: String, required: true },
    keywords: { type: [String], default: [] },
    disciplines: { type: [{ type: String, enum: DISCIPLINE_CODES }], default: [] },
    industries: { type: [{ type: String, enum: INDUSTRY_CODES }], default: [] },
    cities: { type: [{ type: String, enum: CITY_CODES }], default: [] },
    counties: { type: [String], default: [] },
    /** The cities he serves, whole or in some county: what the directory's city filter reads. */
    serveCities: { type: [{ type: String, enum: CITY_CODES }], default: [] },
    capacity: { type: Number, required: true, min: 1, max: 5 },
    availability: {
      daysPerMonth: { type: Number, default: null },
      note: { type: String, default: '' },
    },
    /** Enterprises he declared an interest in; `orgStakes` those his organisation added when endorsing. */
    stakes: { type: [{ type: Schema.Types.ObjectId, ref: 'Org' }], default: [] },
    orgStakes: { type: [{ type: Schema.Types.ObjectId, ref: 'Org' }], default: [] },
    endorsement: { type: endorsementSchema, default: null },
    returnReason: { type: String, default: null },
    submittedAt: { type: Date, required: true },
    approvedAt: { type: Date, default: null },
    approvedBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    /** The import job that created it (the province's list), if any. */
    importJob: { type: Schema.Types.ObjectId, ref: 'ImportJob', default: null },
  },
  { timestamps: true, collection: 'commissioners' },
);
// One application per person per term (the 409 of a second one) and "my applications" → {user, term}.
commissionerSchema.index({ user: 1, term: 1 }, { unique: true });
// The directory (commissioner.queries.ts directoryQuery): approved, a term or current-and-later,
// newest approval first → {status, term, approvedAt}; filters on region, industry, discipline and
// text narrow the matches of that range.
commissionerSchema.index({ status: 1, term: 1, approvedAt: -1 });
// The administrator's queue (reviewQueueQuery): one status, oldest submission first → {status, submittedAt}.
commissionerSchema.index({ status: 1, submittedAt: 1 });
// An organisation's applications to endorse (orgApplicationsQuery) → {org, status, submittedAt}.
commissionerSchema.index({ org: 1, status: 1, submittedAt: 1 });

/** A stored commissioner application (lean). */
export interface CommissionerRecord {
  _id: Types.ObjectId;
  user: Types.ObjectId;
  org: Types.ObjectId;
  term: number;
  status: CommissionerStatus;
  expertise: string;
  keywords: string[];
  disciplines: DisciplineCode[];
  industries: IndustryCode[];
  cities: CityCode[];
  counties: string[];
  serveCities: CityCode[];
  capacity: number;
  availability: { daysPerMonth: number | null; note: string };
  stakes: Types.ObjectId[];
  orgStakes: Types.ObjectId[];
  endorsement: { endorsed: boolean; by: Types.ObjectId; byName: string; at: Date; note: string | null } | null;
  returnReason: string | null;
  submittedAt: Date;
  approvedAt: Date | null;
  approvedBy: Types.ObjectId | null;
  importJob?: Types.ObjectId | null;
  createdAt: Date;
  updatedAt: Date;
}

export const CommissionerModel = model<CommissionerRecord>('Commissioner', commissionerSchema);
