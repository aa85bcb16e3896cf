import { Schema, model, type Types } from 'mongoose';
import { PAIRING_ALGORITHMS, PAIRING_REGION_RULES, PAIRING_RUN_STATUSES, type PairingRunOptions, type PairingRunStatus } from '@kezhuan/shared';

/**
 * One pairing run (双千): its options, the ids of what it read (so it can be audited and compared),
 * its totals and timings, and its progress while it runs. Its pairs are in `pairings` (run: this id).
 */
const pairingRunSchema = new Schema(
  {
    term: { type: Number, required: true },
    status: { type: String, enum: PAIRING_RUN_STATUSES, required: true },
    options: {
      weights: { type: Schema.Types.Mixed, required: true },
      regionRule: { type: String, enum: PAIRING_REGION_RULES, required: true },
      minScore: { type: Number, required: true },
      algorithm: { type: String, enum: PAIRING_ALGORITHMS, required: true },
    },
    startedBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    progress: { stage: { type: String, default: 'read' }, done: { type: Number, default: 0 }, total: { type: Number, default: 0 } },
    /** Snapshot of the inputs: the open requests and approved commissioners read, in matrix order. */
    inputs: {
      requests: { type: [Schema.Types.ObjectId], default: [] },
      commissioners: { type: [Schema.Types.ObjectId], default: [] },
      feasiblePairs: { type: Number, default: 0 },
    },
    totals: {
      score: { type: Number, default: 0 },
      pairs: { type: Number, default: 0 },
      optimalScore: { type: Number, default: null },
      blockingPairs: { type: Number, default: null },
    },
    timings: { readMs: { type: Number, default: 0 }, matrixMs: { type: Number, default: 0 }, solveMs: { type: Number, default: 0 }, storeMs: { type: Number, default: 0 } },
    error: { type: String, default: null },
    startedAt: { type: Date, required: true },
    finishedAt: { type: Date, default: null },
    confirmedAt: { type: Date, default: null },
    confirmedBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
  },
  { collection: 'pairing_runs' },
);
// The runs of a term, newest first (runsOfTermQuery), and "is a run of this term still running" → {term, startedAt}.
pairingRunSchema.index({ term: 1, startedAt: -1 });

export interface PairingRunRecord {
  _id: Types.ObjectId;
  term: number;
  status: PairingRunStatus;
  options: PairingRunOptions;
  startedBy: Types.ObjectId;
  progress: { stage: string; done: number; total: number };
  inputs: { requests: Types.ObjectId[]; commissioners: Types.ObjectId[]; feasiblePairs: number };
  totals: { score: number; pairs: number; optimalScore: number | null; blockingPairs: number | null };
  timings: { readMs: number; matrixMs: number; solveMs: number; storeMs: number };
  error: string | null;
  startedAt: Date;
  finishedAt: Date | null;
  confirmedAt: Date | null;
  confirmedBy: Types.ObjectId | null;
}

export const PairingRunModel = model<PairingRunRecord>('PairingRun', pairingRunSchema);
