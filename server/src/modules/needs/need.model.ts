import { Schema, model } from 'mongoose';
import {
  CITY_CODES,
  CONFIDENTIALITY_CODES,
  COOPERATION_MODE_CODES,
  DISCIPLINE_CODES,
  INDUSTRY_CODES,
  type CityCode,
  type Confidentiality,
  type CooperationMode,
  type DisciplineCode,
  type IndustryCode,
  type ListingContact,
} from '@kezhuan/shared';
import { addListingIndexes, contactSchema, listingLifecycleFields, type ListingRecord } from '../listings/listing.fields';

/** A technology need (技术需求) posted by an enterprise. */
const techNeedSchema = new Schema(
  {
    title: { type: String, required: true },
    problem: { type: String, required: true },
    desiredOutcome: { type: String, required: true },
    keywords: { type: [String], default: [] },
    industry: { type: String, enum: INDUSTRY_CODES, required: true },
    discipline: { type: String, enum: [...DISCIPLINE_CODES, null], default: null },
    /** Budget bounds in yuan (either may be open); both null when negotiable (面议). */
    budgetMin: { type: Number, default: null },
    budgetMax: { type: Number, default: null },
    negotiable: { type: Boolean, default: false },
    /** Start of the deadline day in China (UTC+8); null when open-ended. */
    deadline: { type: Date, default: null },
    cooperationModes: { type: [{ type: String, enum: COOPERATION_MODE_CODES }], default: [] },
    city: { type: String, enum: CITY_CODES, required: true },
    county: { type: String, default: null },
    confidentiality: { type: String, enum: CONFIDENTIALITY_CODES, required: true },
    contact: { type: contactSchema, required: true },
    ...listingLifecycleFields,
  },
  { timestamps: true, collection: 'tech_needs' },
);
addListingIndexes(techNeedSchema);

/** A stored technology need (lean). */
export interface TechNeedRecord extends ListingRecord {
  title: string;
  problem: string;
  desiredOutcome: string;
  keywords: string[];
  industry: IndustryCode;
  discipline: DisciplineCode | null;
  budgetMin: number | null;
  budgetMax: number | null;
  negotiable: boolean;
  deadline: Date | null;
  cooperationModes: CooperationMode[];
  city: CityCode;
  county: string | null;
  confidentiality: Confidentiality;
  contact: ListingContact;
}

export const TechNeedModel = model<TechNeedRecord>('TechNeed', techNeedSchema);
