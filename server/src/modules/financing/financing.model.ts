import {
  CITY_CODES,
  FINANCIAL_ORG_KIND_CODES,
  FINANCING_DOCUMENTS,
  FINANCING_APPLICATION_STATUS_CODES,
  FINANCING_PRODUCT_KIND_CODES,
  FINANCING_SUBJECTS,
  FINANCING_THREAD_KINDS,
  type FinancialOrgKind,
  type FinancingDocument,
  type FinancingApplicationStatus,
  type FinancingProductKind,
  type FinancingSubjectKind,
} from '@kezhuan/shared';
import { Schema, model, type Types } from 'mongoose';

/** What kind of financial organisation an org of type `financial` is (bank, guarantor …); one per org. */
const profileSchema = new Schema(
  {
    org: { type: Schema.Types.ObjectId, ref: 'Org', required: true },
    kind: { type: String, enum: FINANCIAL_ORG_KIND_CODES, required: true },
    updatedBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
  },
  { timestamps: true, collection: 'financial_profiles' },
);
// An organisation's profile, and the kinds of a page of products' providers → {org} unique.
profileSchema.index({ org: 1 }, { unique: true });
export interface FinancialProfileRecord { _id: Types.ObjectId; org: Types.ObjectId; kind: FinancialOrgKind }
export const FinancialProfileModel = model<FinancialProfileRecord>('FinancialProfile', profileSchema);

const conditionsSchema = new Schema(
  {
    maturities: { type: [String], default: [] },
    industries: { type: [String], default: [] },
    cities: { type: [{ type: String, enum: CITY_CODES }], default: [] },
    amountMin: { type: Number, default: null },
    amountMax: { type: Number, default: null },
    termMonthsMin: { type: Number, default: null },
    termMonthsMax: { type: Number, default: null },
    rateText: { type: String, default: '' },
    documents: { type: [String], default: [] },
  },
  { _id: false },
);

/** A financing product a financial organisation publishes; withdrawn ones stay for past applications. */
const productSchema = new Schema(
  {
    org: { type: Schema.Types.ObjectId, ref: 'Org', required: true },
    kind: { type: String, enum: FINANCING_PRODUCT_KIND_CODES, required: true },
    title: { type: String, required: true },
    description: { type: String, required: true },
    conditions: { type: conditionsSchema, required: true },
    status: { type: String, enum: ['active', 'withdrawn'], default: 'active' },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    updatedBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  },
  { timestamps: true, collection: 'financing_products' },
);
// The catalogue newest first, all or of one kind (productPageQuery) → {status, kind, updatedAt};
// an organisation's (mine, provider's page) → {org, status, updatedAt}. Fit reads all active ones → {status, kind, updatedAt}.
productSchema.index({ status: 1, kind: 1, updatedAt: -1 });
productSchema.index({ org: 1, status: 1, updatedAt: -1 });

export interface FinancingConditionsRecord {
  maturities: string[];
  industries: string[];
  cities: string[];
  amountMin: number | null;
  amountMax: number | null;
  termMonthsMin: number | null;
  termMonthsMax: number | null;
  rateText: string;
  documents: string[];
}
export interface FinancingProductRecord {
  _id: Types.ObjectId;
  org: Types.ObjectId;
  kind: FinancingProductKind;
  title: string;
  description: string;
  conditions: FinancingConditionsRecord;
  status: 'active' | 'withdrawn';
  createdBy: Types.ObjectId;
  updatedBy: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
}
export const FinancingProductModel = model<FinancingProductRecord>('FinancingProduct', productSchema);

const stepSchema = new Schema(
  {
    kind: { type: String, enum: FINANCING_THREAD_KINDS, required: true },
    side: { type: String, enum: ['applicant', 'provider'], required: true },
    by: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    at: { type: Date, required: true },
    note: { type: String, default: null },
  },
  { _id: false },
);

/**
 * An enterprise's application to a product. `thread` records every step (apply, the provider's
 * answers, the applicant's replies) with who and when; `terms` are set on approval.
 */
const applicationSchema = new Schema(
  {
    product: { type: Schema.Types.ObjectId, ref: 'FinancingProduct', required: true },
    productKind: { type: String, enum: FINANCING_PRODUCT_KIND_CODES, required: true },
    productTitle: { type: String, required: true },
    provider: { type: Schema.Types.ObjectId, ref: 'Org', required: true },
    applicantOrg: { type: Schema.Types.ObjectId, ref: 'Org', required: true },
    applicant: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    amount: { type: Number, required: true },
    termMonths: { type: Number, default: null },
    purpose: { type: String, required: true },
    link: { type: new Schema({ kind: { type: String, enum: FINANCING_SUBJECTS }, id: Schema.Types.ObjectId, title: String }, { _id: false }), default: null },
    status: { type: String, enum: FINANCING_APPLICATION_STATUS_CODES, default: 'submitted' },
    terms: { type: new Schema({ amount: Number, termMonths: Number, rateText: String }, { _id: false }), default: null },
    thread: { type: [stepSchema], default: [] },
    /** Files in the attachment store (listings/attachment.store.ts), added by the applicant while the application is open. */
    attachments: {
      type: [new Schema({ key: String, name: String, size: Number, mime: String, document: { type: String, enum: FINANCING_DOCUMENTS }, uploadedAt: Date, uploadedBy: Schema.Types.ObjectId }, { _id: false })],
      default: [],
    },
  },
  { timestamps: true, collection: 'financing_applications' },
);
// My organisation's applications (mine) → {applicantOrg, updatedAt}; a provider's inbox → {provider, updatedAt};
// both narrowed by status within the index scan.
applicationSchema.index({ applicantOrg: 1, updatedAt: -1 });
applicationSchema.index({ provider: 1, updatedAt: -1 });

export interface FinancingApplicationRecord {
  _id: Types.ObjectId;
  product: Types.ObjectId;
  productKind: FinancingProductKind;
  productTitle: string;
  provider: Types.ObjectId;
  applicantOrg: Types.ObjectId;
  applicant: Types.ObjectId;
  amount: number;
  termMonths: number | null;
  purpose: string;
  link: { kind: FinancingSubjectKind; id: Types.ObjectId; title: string } | null;
  status: FinancingApplicationStatus;
  terms: { amount: number; termMonths: number; rateText: string } | null;
  thread: { kind: (typeof FINANCING_THREAD_KINDS)[number]; side: 'applicant' | 'provider'; by: Types.ObjectId; at: Date; note: string | null }[];
  attachments?: FinancingAttachmentRecord[];
  createdAt: Date;
  updatedAt: Date;
}
export interface FinancingAttachmentRecord {
  key: string;
  name: string;
  size: number;
  mime: string;
  document: FinancingDocument;
  uploadedAt: Date;
  uploadedBy: Types.ObjectId;
}
export const FinancingApplicationModel = model<FinancingApplicationRecord>('FinancingApplication', applicationSchema);
