import { Schema, model, type InferSchemaType, type HydratedDocument } from 'mongoose';
import { CITY_CODES, ORG_FLAGS, ORG_TYPES, ORG_VERIFICATION_STATES } from '@kezhuan/shared';

/** A business licence or legal-person certificate; the file lives under <DATA_DIR>/uploads/<key>. */
const evidenceSchema = new Schema(
  {
    key: { type: String, required: true },
    name: { type: String, required: true },
    mime: { type: String, required: true },
    size: { type: Number, required: true },
    uploadedBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    uploadedAt: { type: Date, required: true },
  },
  { _id: false },
);

const orgSchema = new Schema(
  {
    name: { type: String, required: true, trim: true },
    /** Lower-cased, space-free name for duplicate checks and prefix search. */
    nameKey: { type: String, required: true },
    /** `orgCollisionKey(name)`: names that differ only in spaces, punctuation or width collide. */
    collisionKey: { type: String, default: '' },
    type: { type: String, enum: ORG_TYPES, required: true },
    /**
     * Not unique: an unverified organisation's claim must not keep the real one out. Verification
     * (with evidence) decides a disputed code; at most one verified organisation holds a code.
     */
    uscc: { type: String, required: true },
    city: { type: String, enum: CITY_CODES, required: true },
    verified: { type: Boolean, default: false },
    verifiedAt: { type: Date, default: null },
    verifiedBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    /** Where it was created from, for the per-address creation limit. */
    createdIp: { type: String, default: '' },
    verificationState: { type: String, enum: ORG_VERIFICATION_STATES, default: 'none' },
    /** The administrator's note on the last decision (why it was rejected). */
    verificationNote: { type: String, default: null },
    evidence: { type: [evidenceSchema], default: [] },
    flags: { type: [{ type: String, enum: ORG_FLAGS }], default: [] },
    /** Accounts whose verified email is in one of these domains join without a manager's approval. */
    emailDomains: { type: [String], default: [] },
  },
  { timestamps: true },
);
// Queries (org.service.ts orgPageQuery): the list, verified first then by name → {verified, name};
// narrowed by city or type → {city, verified, name}, {type, verified, name}; a name search (a regex
// on nameKey inside those) and duplicate checks → {nameKey}; registration and imports by credit
// code → {uscc} (not unique: see the field).
orgSchema.index({ uscc: 1 });
orgSchema.index({ nameKey: 1 });
// Names that collide with a verified organisation (org creation, the admin list of flagged names).
orgSchema.index({ collisionKey: 1 });
orgSchema.index({ verified: -1, name: 1 });
orgSchema.index({ city: 1, verified: -1, name: 1 });
orgSchema.index({ type: 1, verified: -1, name: 1 });

// Every path that saves a document (registration, seed, tests) keeps the collision key current.
orgSchema.pre('validate', function setCollisionKey() {
  this.collisionKey = orgCollisionKey(this.name);
});

export type Org = InferSchemaType<typeof orgSchema>;
export type OrgDoc = HydratedDocument<Org>;
export const OrgModel = model('Org', orgSchema);

export function orgNameKey(name: string): string {
  return name.replace(/\s+/g, '').toLowerCase();
}

/**
 * The name as collisions are judged: full-width to half-width, no spaces or punctuation, lower
 * case, so "吉林大学"、"吉林 大学" and "吉林大学（）" are one name.
 */
export function orgCollisionKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s\p{P}\p{S}]+/gu, '')
    .toLowerCase();
}

/**
 * Databases created before credit codes could be disputed hold a unique index on `uscc`; drop it
 * so the plain index of the schema can be built (idempotent, run before the indexes are made).
 */
export async function dropLegacyUsccIndex(): Promise<void> {
  const indexes = await OrgModel.collection.indexes().catch(() => []);
  if (indexes.some((i) => i.name === 'uscc_1' && i.unique)) {
    await OrgModel.collection.dropIndex('uscc_1');
  }
}
