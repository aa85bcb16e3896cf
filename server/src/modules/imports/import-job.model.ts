import { Schema, model, type Types } from 'mongoose';
import { IMPORT_FORMATS, IMPORT_KINDS, IMPORT_STATUSES, type ImportFormat, type ImportKind, type ImportStatus } from '@kezhuan/shared';

/**
 * One bulk import: its file, its state and its progress. The rows themselves are staged in
 * collections of their own (see import.staging.ts) until they are committed.
 */
const importJobSchema = new Schema(
  {
    kind: { type: String, enum: IMPORT_KINDS, required: true },
    format: { type: String, enum: IMPORT_FORMATS, required: true },
    filename: { type: String, required: true },
    status: { type: String, enum: IMPORT_STATUSES, required: true, default: 'validating' },
    publish: { type: Boolean, required: true, default: false },
    size: { type: Number, required: true, default: 0 },
    bytesRead: { type: Number, required: true, default: 0 },
    total: { type: Number, default: null },
    validated: { type: Number, required: true, default: 0 },
    committed: { type: Number, required: true, default: 0 },
    /** Staged batches already written to the target collection (commit resumes after them). */
    doneBatches: { type: [Number], default: [] },
    invalidRows: { type: Number, required: true, default: 0 },
    errorCount: { type: Number, required: true, default: 0 },
    message: { type: String, default: null },
    messageEn: { type: String, default: null },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    createdByName: { type: String, default: '' },
    finishedAt: { type: Date, default: null },
    validateMs: { type: Number, default: null },
    commitMs: { type: Number, default: null },
  },
  { timestamps: true, collection: 'import_jobs' },
);
// Queries (import.service.ts, import.retention.ts): the imports page, newest first → {createdAt};
// the page of one kind → {kind, createdAt}; start-up recovery of jobs in a state and the retention
// sweep of finished jobs by finishedAt → {status, finishedAt}. A job's rows and errors live in
// collections of its own, read whole (import.staging.ts).
importJobSchema.index({ createdAt: -1 });
importJobSchema.index({ kind: 1, createdAt: -1 });
importJobSchema.index({ status: 1, finishedAt: 1 });

export interface ImportJobRecord {
  _id: Types.ObjectId;
  kind: ImportKind;
  format: ImportFormat;
  filename: string;
  status: ImportStatus;
  publish: boolean;
  size: number;
  bytesRead: number;
  total: number | null;
  validated: number;
  committed: number;
  doneBatches: number[];
  invalidRows: number;
  errorCount: number;
  message: string | null;
  messageEn: string | null;
  createdBy: Types.ObjectId;
  createdByName: string;
  finishedAt: Date | null;
  validateMs: number | null;
  commitMs: number | null;
  createdAt: Date;
  updatedAt: Date;
}

export const ImportJobModel = model<ImportJobRecord>('ImportJob', importJobSchema);
