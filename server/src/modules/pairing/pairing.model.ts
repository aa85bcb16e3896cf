import { Schema, model, type Types } from 'mongoose';
import { PAIRING_SCORE_PARTS, PAIRING_STATUSES, type PairingScorePartView } from '@kezhuan/shared';

export type PairingStatus = (typeof PAIRING_STATUSES)[number];
/** Statuses that hold one of the commissioner's places and keep the request out of the pool. */
export const LIVE_PAIRING_STATUSES: PairingStatus[] = ['confirmed', 'accepted'];

const partSchema = new Schema(
  { part: { type: String, enum: PAIRING_SCORE_PARTS, required: true }, fit: Number, points: Number, zh: String, en: String },
  { _id: false },
);
const answerSchema = new Schema(
  { accepted: { type: Boolean, required: true }, reason: { type: String, default: null }, by: { type: Schema.Types.ObjectId, ref: 'User', required: true }, at: { type: Date, required: true } },
  { _id: false },
);

/**
 * A commissioner–request pair: proposed by a run, edited by the administrator, confirmed with the
 * run, then accepted or declined by each side (declined by either: the request goes back to the pool).
 */
const pairingSchema = new Schema(
  {
    run: { type: Schema.Types.ObjectId, ref: 'PairingRun', required: true },
    term: { type: Number, required: true },
    status: { type: String, enum: PAIRING_STATUSES, required: true },
    request: { type: Schema.Types.ObjectId, ref: 'ServiceRequest', required: true },
    /** The enterprise of the request, and the request's owner. */
    org: { type: Schema.Types.ObjectId, ref: 'Org', required: true },
    owner: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    commissioner: { type: Schema.Types.ObjectId, ref: 'Commissioner', required: true },
    commissionerUser: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    score: { type: Number, required: true },
    parts: { type: [partSchema], default: [] },
    /** Made or changed by hand in the review. */
    manual: { type: Boolean, default: false },
    commissionerAnswer: { type: answerSchema, default: null },
    enterpriseAnswer: { type: answerSchema, default: null },
    confirmedAt: { type: Date, default: null },
  },
  { timestamps: true, collection: 'pairings' },
);
// A run's pairs, best first (runPairsQuery) → {run, score}.
pairingSchema.index({ run: 1, score: -1 });
// The places commissioners hold in a term (livePairingsQuery) → {term, status}.
pairingSchema.index({ term: 1, status: 1 });
// "My pairings": a commissioner's (commissionerPairingsQuery) → {commissionerUser, status, confirmedAt};
// an enterprise's (orgPairingsQuery) → {org, status, confirmedAt}.
pairingSchema.index({ commissionerUser: 1, status: 1, confirmedAt: -1 });
pairingSchema.index({ org: 1, status: 1, confirmedAt: -1 });

export interface PairingRecord {
  _id: Types.ObjectId;
  run: Types.ObjectId;
  term: number;
  status: PairingStatus;
  request: Types.ObjectId;
  org: Types.ObjectId;
  owner: Types.ObjectId;
  commissioner: Types.ObjectId;
  commissionerUser: Types.ObjectId;
  score: number;
  parts: PairingScorePartView[];
  manual: boolean;
  commissionerAnswer: { accepted: boolean; reason: string | null; by: Types.ObjectId; at: Date } | null;
  enterpriseAnswer: { accepted: boolean; reason: string | null; by: Types.ObjectId; at: Date } | null;
  confirmedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const PairingModel = model<PairingRecord>('Pairing', pairingSchema);
