import { Schema, model, type Types } from 'mongoose';

/**
 * A photo of an instrument, uploaded by a member of its institution before or while the instrument
 * is written; the instrument lists the ids of the photos it shows. The bytes live in the listings'
 * attachment store (<DATA_DIR>/uploads/<key>); `key` never leaves the server.
 */
const instrumentPhotoSchema = new Schema(
  {
    org: { type: Schema.Types.ObjectId, ref: 'Org', required: true },
    key: { type: String, required: true },
    mime: { type: String, enum: ['image/png', 'image/jpeg'], required: true },
    size: { type: Number, required: true },
    uploadedBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  },
  { timestamps: true, collection: 'instrument_photos' },
);
// An instrument's photos checked against its institution → {org, _id}.
instrumentPhotoSchema.index({ org: 1, _id: 1 });

export interface InstrumentPhotoRecord {
  _id: Types.ObjectId;
  org: Types.ObjectId;
  key: string;
  mime: 'image/png' | 'image/jpeg';
  size: number;
  uploadedBy: Types.ObjectId;
  createdAt: Date;
}
export const InstrumentPhotoModel = model<InstrumentPhotoRecord>('InstrumentPhoto', instrumentPhotoSchema);
