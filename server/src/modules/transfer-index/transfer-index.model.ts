import { Schema, model, type Types } from 'mongoose';

/**
 * A version of the index's weights. The newest version is the formula in force; older ones stay so
 * the change history is readable (each change is also audited). No document: the defaults of
 * `shared/src/schemas/transfer-index.ts` (version 0).
 */
const formulaSchema = new Schema(
  {
    version: { type: Number, required: true },
    weights: { type: Schema.Types.Mixed, required: true },
    note: { type: String, default: null },
    by: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false }, collection: 'transfer_index_formulas' },
);
// The formula in force: highest version (currentFormulaQuery) → {version} unique, which also refuses a racing duplicate version.
formulaSchema.index({ version: -1 }, { unique: true });

export interface TransferIndexFormulaRecord {
  _id: Types.ObjectId;
  version: number;
  weights: Record<string, number>;
  note: string | null;
  by: Types.ObjectId;
  createdAt: Date;
}
export const TransferIndexFormulaModel = model<TransferIndexFormulaRecord>('TransferIndexFormula', formulaSchema);

/**
 * The raw indicator values of every institution for one year, as last counted from the records
 * (scores are computed from these and the formula in force on each read, so a weight change
 * re-ranks at once without recounting). Recounted when older than TRANSFER_INDEX_CACHE_MINUTES or
 * on an administrator's request.
 */
const snapshotSchema = new Schema(
  {
    year: { type: Number, required: true },
    computedAt: { type: Date, required: true },
    orgs: { type: [Schema.Types.Mixed], default: [] },
  },
  { collection: 'transfer_index_snapshots' },
);
// One snapshot per year (snapshotOfYearQuery) → {year} unique.
snapshotSchema.index({ year: 1 }, { unique: true });

export interface InstitutionFacts {
  org: string;
  name: string;
  type: 'university' | 'institute';
  city: string;
  raw: Record<string, number>;
  /** Record references per indicator (capped), shown to the organisation's members only. */
  records: Record<string, { kind: 'result' | 'deal' | 'contract' | 'commissioner' | 'project'; id: string; label: string }[]>;
  /** Contracts behind the contract value (the public view hides a value of fewer than 3). */
  contractCount: number;
}
export interface TransferIndexSnapshotRecord {
  _id: Types.ObjectId;
  year: number;
  computedAt: Date;
  orgs: InstitutionFacts[];
}
export const TransferIndexSnapshotModel = model<TransferIndexSnapshotRecord>('TransferIndexSnapshot', snapshotSchema);
