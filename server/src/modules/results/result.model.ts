import { Schema, model, type Types } from 'mongoose';
import {
  CITY_CODES,
  DISCIPLINE_CODES,
  INDUSTRY_CODES,
  IP_STATUS_CODES,
  IP_TYPE_CODES,
  MATURITY_CODES,
  TRANSFER_MODE_CODES,
  type CityCode,
  type DisciplineCode,
  type IndustryCode,
  type IpStatus,
  type IpType,
  type ListingContact,
  type Maturity,
  type TransferMode,
} from '@kezhuan/shared';
import { addListingIndexes, contactSchema, listingLifecycleFields, type ListingRecord } from '../listings/listing.fields';

const ipItemSchema = new Schema(
  {
    type: { type: String, enum: IP_TYPE_CODES, required: true },
    number: { type: String, default: null },
    status: { type: String, enum: IP_STATUS_CODES, required: true },
  },
  { _id: false },
);

const advantageSchema = new Schema(
  {
    metric: { type: String, required: true },
    value: { type: String, required: true },
    unit: { type: String, default: '' },
    baseline: { type: String, default: null },
  },
  { _id: false },
);

const teamMemberSchema = new Schema({ name: { type: String, required: true }, role: { type: String, default: '' } }, { _id: false });

/** Metadata of an uploaded file; the bytes live under <DATA_DIR>/uploads/<key>. */
export const attachmentSchema = new Schema(
  {
    key: { type: String, required: true },
    name: { type: String, required: true },
    size: { type: Number, required: true },
    mime: { type: String, required: true },
    uploadedAt: { type: Date, required: true },
    uploadedBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    /** Added after the result was reviewed: shown to nobody but its organisation until approved. */
    pending: { type: Boolean, default: false },
  },
  { _id: false },
);

/** A research result (科技成果) offered for transfer by a university or institute. */
const researchResultSchema = new Schema(
  {
    title: { type: String, required: true },
    summary: { type: String, required: true },
    keywords: { type: [String], default: [] },
    discipline: { type: String, enum: DISCIPLINE_CODES, required: true },
    industry: { type: String, enum: INDUSTRY_CODES, required: true },
    maturity: { type: String, enum: MATURITY_CODES, required: true },
    trl: { type: Number, default: null },
    ip: { items: { type: [ipItemSchema], default: [] } },
    transferModes: { type: [{ type: String, enum: TRANSFER_MODE_CODES }], default: [] },
    /** Asking price in yuan; null when negotiable (面议). */
    price: { type: Number, default: null },
    negotiable: { type: Boolean, default: false },
    city: { type: String, enum: CITY_CODES, required: true },
    team: { type: [teamMemberSchema], default: [] },
    contact: { type: contactSchema, required: true },
    applications: { type: String, default: '' },
    advantages: { type: [advantageSchema], default: [] },
    attachments: { type: [attachmentSchema], default: [] },
    ...listingLifecycleFields,
  },
  { timestamps: true, collection: 'research_results' },
);
addListingIndexes(researchResultSchema);

export interface AttachmentRecord {
  key: string;
  name: string;
  size: number;
  mime: string;
  uploadedAt: Date;
  uploadedBy: Types.ObjectId;
  /** Waiting for an administrator's review (absent on files stored before reviews existed). */
  pending?: boolean;
}

/** A stored research result (lean). */
export interface ResearchResultRecord extends ListingRecord {
  title: string;
  summary: string;
  keywords: string[];
  discipline: DisciplineCode;
  industry: IndustryCode;
  maturity: Maturity;
  trl: number | null;
  ip: { items: { type: IpType; number: string | null; status: IpStatus }[] };
  transferModes: TransferMode[];
  price: number | null;
  negotiable: boolean;
  city: CityCode;
  team: { name: string; role: string }[];
  contact: ListingContact;
  applications: string;
  advantages: { metric: string; value: string; unit: string; baseline: string | null }[];
  attachments: AttachmentRecord[];
}

export const ResearchResultModel = model<ResearchResultRecord>('ResearchResult', researchResultSchema);
