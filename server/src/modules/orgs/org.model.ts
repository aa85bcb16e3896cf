import { Schema, model, type InferSchemaType, type HydratedDocument } from 'mongoose';
import { CITY_CODES, ORG_TYPES } from '@kezhuan/shared';

const orgSchema = new Schema(
  {
    name: { type: String, required: true, trim: true },
    /** Lower-cased, space-free name for duplicate checks and prefix search. */
    nameKey: { type: String, required: true },
    type: { type: String, enum: ORG_TYPES, required: true },
    uscc: { type: String, required: true },
    city: { type: String, enum: CITY_CODES, required: true },
    verified: { type: Boolean, default: false },
    verifiedAt: { type: Date, default: null },
    verifiedBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
  },
  { timestamps: true },
);
// Queries (org.service.ts orgPageQuery): the list, verified first then by name → {verified, name};
// narrowed by city or type → {city, verified, name}, {type, verified, name}; a name search (a regex
// on nameKey inside those) and duplicate checks → {nameKey}; registration and imports by credit
// code → {uscc} (unique).
orgSchema.index({ uscc: 1 }, { unique: true });
orgSchema.index({ nameKey: 1 });
orgSchema.index({ verified: -1, name: 1 });
orgSchema.index({ city: 1, verified: -1, name: 1 });
orgSchema.index({ type: 1, verified: -1, name: 1 });

export type Org = InferSchemaType<typeof orgSchema>;
export type OrgDoc = HydratedDocument<Org>;
export const OrgModel = model('Org', orgSchema);

export function orgNameKey(name: string): string {
  return name.replace(/\s+/g, '').toLowerCase();
}
