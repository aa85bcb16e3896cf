import { Schema, model, type Types } from 'mongoose';
import { CARRIER_STATUSES, CARRIER_TYPES, CITY_CODES, type CarrierStatus, type CarrierType, type CityCode } from '@kezhuan/shared';

const stepSchema = new Schema(
  {
    action: { type: String, required: true },
    by: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    byName: { type: String, required: true },
    at: { type: Date, required: true },
    note: { type: String, default: '' },
  },
  { _id: false },
);

const reportSchema = new Schema(
  {
    year: { type: Number, required: true },
    figures: { type: Schema.Types.Mixed, default: {} },
    narrative: { type: String, required: true },
    status: { type: String, enum: ['submitted', 'accepted', 'returned'], required: true },
    submittedAt: { type: Date, required: true },
    submittedBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    reviewNote: { type: String, default: '' },
  },
  { _id: false },
);

/**
 * One innovation carrier (创新载体) of any type, from its application to its revocation. `org` is
 * the carrier's organisation (the applicant's; an alliance's lead, a lab's or workstation's host);
 * `details` holds the type's own fields (validated by `carrierDetails` in shared/). Each step of
 * the lifecycle is pushed onto `steps` (who, when, note); every change is a conditional update on
 * the status read (no transactions on FerretDB).
 */
const carrierSchema = new Schema(
  {
    type: { type: String, enum: CARRIER_TYPES, required: true },
    name: { type: String, required: true },
    summary: { type: String, required: true },
    org: { type: Schema.Types.ObjectId, ref: 'Org', required: true },
    /** Every organisation the details name (members, enterprises, tenants): "carriers of this org". */
    linkedOrgs: { type: [{ type: Schema.Types.ObjectId, ref: 'Org' }], default: [] },
    /** A base's own city, else the organisation's (the directory's and the counts' city). */
    city: { type: String, enum: CITY_CODES, required: true },
    industry: { type: String, default: null },
    details: { type: Schema.Types.Mixed, required: true },
    status: { type: String, enum: CARRIER_STATUSES, required: true },
    applicant: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    submittedAt: { type: Date, required: true },
    reviewReason: { type: String, default: null },
    certificateNo: { type: String, default: null },
    recognisedOn: { type: Date, default: null },
    /** The year of recognition (Beijing time), what the directory filter and the counts read. */
    recognisedYear: { type: Number, default: null },
    reports: { type: [reportSchema], default: [] },
    /** The latest year with a report submitted or accepted (0: none), for the overdue list. */
    lastReportYear: { type: Number, default: 0 },
    reportPending: { type: Boolean, default: false },
    steps: { type: [stepSchema], default: [] },
    importJob: { type: Schema.Types.ObjectId, ref: 'ImportJob', default: null },
  },
  { timestamps: true, collection: 'carriers', minimize: false },
);
// The public directory and the counts: one type, public statuses, newest recognition first.
carrierSchema.index({ type: 1, status: 1, recognisedOn: -1 });
// The administrator's queues: one status, oldest first; the overdue list narrows {status} by year.
carrierSchema.index({ status: 1, submittedAt: 1 });
carrierSchema.index({ reportPending: 1, updatedAt: 1 });
// "My carriers" and a carrier page's organisations.
carrierSchema.index({ org: 1, submittedAt: -1 });
carrierSchema.index({ linkedOrgs: 1 });
// The import's duplicate check: one carrier per type and certificate.
carrierSchema.index({ type: 1, certificateNo: 1 });

export interface CarrierReport {
  year: number;
  figures: Record<string, number>;
  narrative: string;
  status: 'submitted' | 'accepted' | 'returned';
  submittedAt: Date;
  submittedBy: Types.ObjectId | null;
  reviewNote: string;
}

export interface CarrierStep {
  action: string;
  by: Types.ObjectId | null;
  byName: string;
  at: Date;
  note: string;
}

/** A stored carrier (lean). */
export interface CarrierRecord {
  _id: Types.ObjectId;
  type: CarrierType;
  name: string;
  summary: string;
  org: Types.ObjectId;
  linkedOrgs: Types.ObjectId[];
  city: CityCode;
  industry: string | null;
  details: Record<string, unknown> & { type: CarrierType };
  status: CarrierStatus;
  applicant: Types.ObjectId | null;
  submittedAt: Date;
  reviewReason: string | null;
  certificateNo: string | null;
  recognisedOn: Date | null;
  recognisedYear: number | null;
  reports: CarrierReport[];
  lastReportYear: number;
  reportPending: boolean;
  steps: CarrierStep[];
  importJob?: Types.ObjectId | null;
  createdAt: Date;
  updatedAt: Date;
}

export const CarrierModel = model<CarrierRecord>('Carrier', carrierSchema);
