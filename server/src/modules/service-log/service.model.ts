import { Schema, model, type Types } from 'mongoose';
import { SERVICE_AGREEMENT_STATUSES, SERVICE_ENTRY_STATUSES } from '@kezhuan/shared';

/**
 * The service agreement of an accepted pairing (one per pairing): the commissioner's plan, confirmed
 * by the enterprise side, and later the enterprise's rating. Pairing fields are copied for the summary.
 */
const agreementSchema = new Schema(
  {
    pairing: { type: Schema.Types.ObjectId, ref: 'Pairing', required: true },
    term: { type: Number, required: true },
    org: { type: Schema.Types.ObjectId, ref: 'Org', required: true },
    commissioner: { type: Schema.Types.ObjectId, ref: 'Commissioner', required: true },
    status: { type: String, enum: SERVICE_AGREEMENT_STATUSES, required: true },
    goals: { type: String, required: true },
    plannedVisits: { type: Number, required: true },
    plannedHours: { type: Number, required: true },
    startsOn: { type: String, required: true },
    endsOn: { type: String, required: true },
    confirmedAt: { type: Date, default: null },
    confirmedBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    rating: { type: new Schema({ score: Number, comment: String, by: Schema.Types.ObjectId, at: Date }, { _id: false }), default: null },
  },
  { timestamps: true, collection: 'service_agreements' },
);
// One agreement per pairing (agreementOfPairingQuery) → {pairing}.
agreementSchema.index({ pairing: 1 }, { unique: true });
// The agreements of a term, for the summary (termAgreementsQuery) → {term}.
agreementSchema.index({ term: 1 });

export interface ServiceAgreementRecord {
  _id: Types.ObjectId;
  pairing: Types.ObjectId;
  term: number;
  org: Types.ObjectId;
  commissioner: Types.ObjectId;
  status: (typeof SERVICE_AGREEMENT_STATUSES)[number];
  goals: string;
  plannedVisits: number;
  plannedHours: number;
  startsOn: string;
  endsOn: string;
  confirmedAt: Date | null;
  confirmedBy: Types.ObjectId | null;
  rating: { score: number; comment: string | null; by: Types.ObjectId; at: Date } | null;
}
export const ServiceAgreementModel = model<ServiceAgreementRecord>('ServiceAgreement', agreementSchema);

/** A visit or piece of work logged by the commissioner; only confirmed entries count. */
const entrySchema = new Schema(
  {
    pairing: { type: Schema.Types.ObjectId, ref: 'Pairing', required: true },
    term: { type: Number, required: true },
    by: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    date: { type: String, required: true },
    hours: { type: Number, required: true },
    visit: { type: Boolean, default: true },
    problems: { type: String, required: true },
    outcomes: { type: String, required: true },
    result: { type: Schema.Types.ObjectId, ref: 'ResearchResult', default: null },
    need: { type: Schema.Types.ObjectId, ref: 'TechNeed', default: null },
    status: { type: String, enum: SERVICE_ENTRY_STATUSES, required: true },
    reason: { type: String, default: null },
    reviewedBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    reviewedAt: { type: Date, default: null },
    // Files stored by attachment.store under a random key; the name is never part of a path.
    attachments: {
      type: [new Schema({ key: String, name: String, size: Number, mime: String, uploadedAt: Date, uploadedBy: Schema.Types.ObjectId }, { _id: false })],
      default: [],
    },
  },
  { timestamps: true, collection: 'service_entries' },
);
// A pairing's log, newest first (pairingLogQuery) → {pairing, date}.
entrySchema.index({ pairing: 1, date: -1 });
// Confirmed entries of a term, for the summary (confirmedOfTermQuery) → {term, status}.
entrySchema.index({ term: 1, status: 1 });

export interface ServiceEntryRecord {
  _id: Types.ObjectId;
  pairing: Types.ObjectId;
  term: number;
  by: Types.ObjectId;
  date: string;
  hours: number;
  visit: boolean;
  problems: string;
  outcomes: string;
  result: Types.ObjectId | null;
  need: Types.ObjectId | null;
  status: (typeof SERVICE_ENTRY_STATUSES)[number];
  reason: string | null;
  createdAt: Date;
  attachments?: ServiceAttachmentRecord[];
}
export interface ServiceAttachmentRecord {
  key: string;
  name: string;
  size: number;
  mime: string;
  uploadedAt: Date;
  uploadedBy: Types.ObjectId;
}
export const ServiceEntryModel = model<ServiceEntryRecord>('ServiceEntry', entrySchema);
