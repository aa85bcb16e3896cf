import { Schema, model, type Types } from 'mongoose';
import { CONTRACT_TYPE_CODES, DEAL_PARTY_CODES, PAYMENT_KIND_CODES, type ContractType, type DealParty, type PaymentKind } from '@kezhuan/shared';

const listingSchema = new Schema(
  { kind: { type: String, enum: ['result', 'need'], required: true }, id: { type: Schema.Types.ObjectId, required: true }, title: { type: String, required: true } },
  { _id: false },
);
const historySchema = new Schema(
  {
    kind: { type: String, enum: ['record', 'update', 'register'], required: true },
    by: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    party: { type: String, enum: DEAL_PARTY_CODES, default: null },
    at: { type: Date, required: true },
    /** The fields the change touched. */
    fields: { type: [String], default: [] },
  },
  { _id: false },
);

/**
 * The technology contract of a deal room (one per room), recorded by a party at signing and editable
 * by the parties until it is registered (技术合同认定登记). Discipline and industry come from the
 * linked listings and the city from the demand organisation, frozen when recorded, so comparisons
 * and statistics read one collection. Dates are calendar days as YYYY-MM-DD strings (months group
 * by prefix on any database).
 */
const contractSchema = new Schema(
  {
    deal: { type: Schema.Types.ObjectId, ref: 'DealRoom', required: true },
    type: { type: String, enum: CONTRACT_TYPE_CODES, required: true },
    amount: { type: Number, required: true },
    payment: {
      type: new Schema({ kind: { type: String, enum: PAYMENT_KIND_CODES, required: true }, text: { type: String, default: '' } }, { _id: false }),
      required: true,
    },
    signedOn: { type: String, required: true },
    supplyOrg: { type: Schema.Types.ObjectId, ref: 'Org', required: true },
    demandOrg: { type: Schema.Types.ObjectId, ref: 'Org', required: true },
    intermediaryOrg: { type: Schema.Types.ObjectId, ref: 'Org', default: null },
    listings: { type: [listingSchema], default: [] },
    discipline: { type: String, default: null },
    industry: { type: String, default: null },
    city: { type: String, default: null },
    registration: {
      type: new Schema({ number: String, registeredOn: String, by: { type: Schema.Types.ObjectId, ref: 'User' }, at: Date }, { _id: false }),
      default: null,
    },
    history: { type: [historySchema], default: [] },
  },
  { timestamps: true, collection: 'deal_contracts' },
);
// A room's contract (contractOfDealQuery) → {deal} unique: one contract per deal.
contractSchema.index({ deal: 1 }, { unique: true });
// Comparable deals (comparableAmountsQuery): of a type, narrowed by discipline and industry → {type, discipline, industry}.
contractSchema.index({ type: 1, discipline: 1, industry: 1 });
// The institutions' transformation index: contracts signed as provider in a year (transfer-index.sources.ts institutionContractsQuery) → {supplyOrg, signedOn}.
contractSchema.index({ supplyOrg: 1, signedOn: 1 });

export interface ContractListingRef {
  kind: 'result' | 'need';
  id: Types.ObjectId;
  title: string;
}
export interface ContractHistoryRecord {
  kind: 'record' | 'update' | 'register';
  by: Types.ObjectId | null;
  party: DealParty | null;
  at: Date;
  fields: string[];
}
export interface ContractRecord {
  _id: Types.ObjectId;
  deal: Types.ObjectId;
  type: ContractType;
  amount: number;
  payment: { kind: PaymentKind; text: string };
  signedOn: string;
  supplyOrg: Types.ObjectId;
  demandOrg: Types.ObjectId;
  intermediaryOrg: Types.ObjectId | null;
  listings: ContractListingRef[];
  discipline: string | null;
  industry: string | null;
  city: string | null;
  registration: { number: string; registeredOn: string; by: Types.ObjectId; at: Date } | null;
  history: ContractHistoryRecord[];
  createdAt: Date;
  updatedAt: Date;
}
export const ContractModel = model<ContractRecord>('DealContract', contractSchema);
