import { Schema, model, type Types } from 'mongoose';
import { ATTACHMENT_MIMES, DEAL_PARTY_CODES, type AttachmentMime, type DealParty } from '@kezhuan/shared';

/**
 * A file in a deal room. The bytes live in the listings' attachment store under `key` (random, never
 * the uploader's name); `party` is the uploader's side when he uploaded it.
 */
const fileSchema = new Schema(
  {
    room: { type: Schema.Types.ObjectId, ref: 'DealRoom', required: true },
    key: { type: String, required: true },
    name: { type: String, required: true },
    note: { type: String, default: null },
    size: { type: Number, required: true },
    mime: { type: String, enum: ATTACHMENT_MIMES, required: true },
    confidential: { type: Boolean, default: false },
    party: { type: String, enum: DEAL_PARTY_CODES, default: null },
    uploadedBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    uploadedAt: { type: Date, required: true },
  },
  { collection: 'deal_files' },
);
// A room's files, newest first (roomFilesQuery), and counting them for the limit → {room, uploadedAt}.
fileSchema.index({ room: 1, uploadedAt: -1 });

export interface DealFileRecord {
  _id: Types.ObjectId;
  room: Types.ObjectId;
  key: string;
  name: string;
  note: string | null;
  size: number;
  mime: AttachmentMime;
  confidential: boolean;
  party: DealParty | null;
  uploadedBy: Types.ObjectId;
  uploadedAt: Date;
}
export const DealFileModel = model<DealFileRecord>('DealFile', fileSchema);

/** A room's NDA (one per room, created when the provider first requires it). */
const ndaSchema = new Schema(
  {
    room: { type: Schema.Types.ObjectId, ref: 'DealRoom', required: true },
    required: { type: Boolean, required: true },
    text: { type: String, required: true },
    version: { type: Number, required: true },
    hash: { type: String, required: true },
    setBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    setAt: { type: Date, required: true },
  },
  { collection: 'deal_ndas' },
);
ndaSchema.index({ room: 1 }, { unique: true });

export interface DealNdaRecord {
  _id: Types.ObjectId;
  room: Types.ObjectId;
  required: boolean;
  text: string;
  version: number;
  hash: string;
  setBy: Types.ObjectId;
  setAt: Date;
}
export const DealNdaModel = model<DealNdaRecord>('DealNda', ndaSchema);

/** One person's acceptance of one version of a room's NDA, with his organisation, time and IP. */
const acceptanceSchema = new Schema(
  {
    room: { type: Schema.Types.ObjectId, ref: 'DealRoom', required: true },
    user: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    org: { type: Schema.Types.ObjectId, ref: 'Org', required: true },
    party: { type: String, enum: DEAL_PARTY_CODES, required: true },
    version: { type: Number, required: true },
    hash: { type: String, required: true },
    ip: { type: String, default: '' },
    at: { type: Date, required: true },
  },
  { collection: 'deal_nda_acceptances' },
);
// Has he accepted this version; who accepted it → {room, version, user} unique.
acceptanceSchema.index({ room: 1, version: 1, user: 1 }, { unique: true });

export interface DealNdaAcceptanceRecord {
  _id: Types.ObjectId;
  room: Types.ObjectId;
  user: Types.ObjectId;
  org: Types.ObjectId;
  party: DealParty;
  version: number;
  hash: string;
  ip: string;
  at: Date;
}
export const DealNdaAcceptanceModel = model<DealNdaAcceptanceRecord>('DealNdaAcceptance', acceptanceSchema);
