import { INSTRUMENT_CATEGORY_CODES, INSTRUMENT_STATUSES, type InstrumentCategory, type InstrumentPriceUnit, type InstrumentStatus, type OpeningWindow } from '@kezhuan/shared';
import { Schema, model, type Types } from 'mongoose';

/**
 * A large instrument an institution opens to others (issue 16). The catalogue (CRUD, search index,
 * pages) and the booking module (calendar, requests, confirmation, usage, rating) both read it.
 */
const instrumentSchema = new Schema(
  {
    org: { type: Schema.Types.ObjectId, ref: 'Org', required: true },
    name: { type: String, required: true },
    model: { type: String, default: null },
    manufacturer: { type: String, default: null },
    category: { type: String, enum: INSTRUMENT_CATEGORY_CODES, required: true },
    city: { type: String, required: true },
    address: { type: String, required: true },
    description: { type: String, required: true },
    params: { type: [new Schema({ name: String, value: String }, { _id: false })], default: [] },
    sampleRequirements: { type: String, default: null },
    price: { type: new Schema({ unit: { type: String, enum: ['hour', 'sample'], required: true }, amount: { type: Number, required: true } }, { _id: false }), required: true },
    operatorRequired: { type: Boolean, required: true },
    openingHours: { type: [new Schema({ weekday: Number, from: String, to: String }, { _id: false })], default: [] },
    photos: { type: [Schema.Types.ObjectId], default: [] },
    status: { type: String, enum: INSTRUMENT_STATUSES, default: 'active' },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    updatedBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    // The search outbox (modules/indexing): every write bumps searchV and sets searchDirty in the same update.
    searchV: { type: Number, default: 1 },
    searchDirty: { type: Boolean, default: true },
  },
  { timestamps: true, collection: 'instruments' },
);
// An institution's instruments, newest first → {org, status, updatedAt}.
instrumentSchema.index({ org: 1, status: 1, updatedAt: -1 });
// The org's own list (withdrawn too), newest first → {org, updatedAt}.
instrumentSchema.index({ org: 1, updatedAt: -1 });
// The index outbox: records written since they were last pushed → {searchDirty}.
instrumentSchema.index({ searchDirty: 1 });

export interface InstrumentRecord {
  _id: Types.ObjectId;
  org: Types.ObjectId;
  name: string;
  model: string | null;
  manufacturer: string | null;
  category: InstrumentCategory;
  city: string;
  address: string;
  description: string;
  params: { name: string; value: string }[];
  sampleRequirements: string | null;
  price: { unit: InstrumentPriceUnit; amount: number };
  operatorRequired: boolean;
  openingHours: OpeningWindow[];
  photos: Types.ObjectId[];
  status: InstrumentStatus;
  createdBy: Types.ObjectId;
  updatedBy: Types.ObjectId;
  searchV: number;
  searchDirty: boolean;
  createdAt: Date;
  updatedAt: Date;
}
export const InstrumentModel = model<InstrumentRecord>('Instrument', instrumentSchema);
