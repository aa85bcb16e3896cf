/**
 * Phase 2 of an import: write the staged documents to their collection, batch by batch, with the
 * `_id`s generated in phase 1. There is no transaction (FerretDB has none); instead the write is
 * idempotent and rolls forward: a batch inserted before (`E11000` on our own `_id`) counts as done,
 * and a job left `committing` by a crash is finished by `resumeImports()` at start-up.
 */
import { requestReconcile } from '../indexing/write-hint';
import type { ImportKind } from '@kezhuan/shared';
import mongoose from 'mongoose';
import { TechNeedModel } from '../needs/need.model';
import { CommissionerModel } from '../commissioners/commissioner.model';
import { CarrierModel } from '../carriers/carrier.model';
import { OrgModel } from '../orgs/org.model';
import { ServiceRequestModel } from '../service-requests/service-request.model';
import { ResearchResultModel } from '../results/result.model';
import { ImportJobModel, type ImportJobRecord } from './import-job.model';
import type { RowError } from './import.errors';
import { appendErrors, dropStagedRows, readStaged, type ImportRow } from './import.staging';

/** Test hooks: `afterBatch` runs after each committed batch (a test throws there to simulate a crash). */
export const commitHooks: { afterBatch?: (batch: number) => void } = {};

type TargetCollection = mongoose.mongo.Collection<mongoose.mongo.Document>;

function targetOf(kind: ImportKind): TargetCollection {
  switch (kind) {
    case 'results':
      return ResearchResultModel.collection as unknown as TargetCollection;
    case 'needs':
      return TechNeedModel.collection as unknown as TargetCollection;
    case 'orgs':
      return OrgModel.collection as unknown as TargetCollection;
    case 'commissioners':
      return CommissionerModel.collection as unknown as TargetCollection;
    case 'serviceRequests':
      return ServiceRequestModel.collection as unknown as TargetCollection;
    case 'carriers':
      return CarrierModel.collection as unknown as TargetCollection;
  }
}

interface WriteErrorLike {
  index: number;
  code: number;
}

/**
 * Inserts one batch; returns the rows refused with E11000. Such a row is fine when a document
 * with its `_id` exists (an earlier, interrupted run inserted it); otherwise another record holds
 * one of its unique keys (an organisation registered the same credit code meanwhile).
 */
async function insertBatch(target: TargetCollection, rows: readonly ImportRow[]): Promise<ImportRow[]> {
  try {
    await target.insertMany(rows.map((r) => r.doc), { ordered: false });
    return [];
  } catch (err) {
    const raw = (err as { writeErrors?: WriteErrorLike | WriteErrorLike[] }).writeErrors;
    const writeErrors = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
    if (writeErrors.length === 0 || writeErrors.some((w) => w.code !== 11000)) {
      throw err;
    }
    return writeErrors.flatMap((w) => (rows[w.index] ? [rows[w.index] as ImportRow] : []));
  }
}

/** `_id`s in chunks: FerretDB answers an `$in` with one scan of the collection, whatever its length. */
function* chunks<T>(items: readonly T[], size = 1000): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) {
    yield items.slice(i, i + size);
  }
}

/**
 * The refused rows whose document is not there: real conflicts. A collection whose only unique
 * index is `_id` (results, needs) cannot have any: every refusal is a row inserted before. Others
 * (organisations: the credit code) are checked with `$in` lookups, not one `findOne` per row:
 * FerretDB v1 on SQLite does not use its `_id` index, so each lookup scans the table.
 */
async function conflictsAmong(target: TargetCollection, refused: readonly ImportRow[]): Promise<ImportRow[]> {
  if (refused.length === 0) {
    return [];
  }
  const indexes = await target.indexes();
  if (!indexes.some((i) => i.unique && i.name !== '_id_')) {
    return [];
  }
  const present = new Set<string>();
  for (const ids of chunks(refused.map((r) => r.doc._id))) {
    for (const d of await target.find({ _id: { $in: ids } }, { projection: { _id: 1 } }).toArray()) {
      present.add(String(d._id));
    }
  }
  return refused.filter((r) => !present.has(String(r.doc._id)));
}

/** Takes back every document of the job, by its own `_id`s (nobody else's record is touched). */
async function rollBack(jobId: string, target: TargetCollection): Promise<void> {
  const ids: ImportRow['doc']['_id'][] = [];
  for await (const row of readStaged(jobId)) {
    ids.push(row.doc._id);
  }
  for (const chunk of chunks(ids)) {
    await target.deleteMany({ _id: { $in: chunk } });
  }
}

export type CommitResult = 'done' | 'failed' | 'skipped';

/**
 * Commits a job in state `committing`, skipping batches already recorded as done. Progress is
 * persisted after every batch, together with the batch number, in one single-document update.
 */
export async function commitJob(jobId: string, onProgress: (job: ImportJobRecord) => void): Promise<CommitResult> {
  const job = await ImportJobModel.findById(jobId).lean<ImportJobRecord>();
  if (!job || job.status !== 'committing') {
    return 'skipped';
  }
  const started = Date.now();
  const target = targetOf(job.kind);
  const done = new Set(job.doneBatches);
  const refused: ImportRow[] = [];
  let current: ImportRow[] = [];
  const write = async () => {
    const batch = current[0]?.batch;
    if (batch === undefined) {
      return;
    }
    const refusedHere = await insertBatch(target, current);
    refused.push(...refusedHere);
    // A batch with refused rows is not recorded as done: after a crash it is tried, and its
    // refused rows checked, again.
    const after = await ImportJobModel.findOneAndUpdate(
      { _id: job._id, status: 'committing' },
      { $inc: { committed: current.length - refusedHere.length }, ...(refusedHere.length === 0 ? { $push: { doneBatches: batch } } : {}) },
      { returnDocument: 'after' },
    ).lean<ImportJobRecord>();
    current = [];
    commitHooks.afterBatch?.(batch);
    if (after) {
      onProgress(after);
    }
  };
  for await (const row of readStaged(jobId)) {
    if (done.has(row.batch)) {
      continue;
    }
    if (current.length > 0 && current[0]?.batch !== row.batch) {
      await write();
    }
    current.push(row);
  }
  await write();

  const conflicts = await conflictsAmong(target, refused);
  if (conflicts.length > 0) {
    await rollBack(jobId, target);
    const errors: RowError[] = conflicts.map((r) =>
      job.kind === 'commissioners'
        ? { row: r.row, field: '人员邮箱或手机号', message: '导入期间该人员已提交同年度的申请', messageEn: 'This person applied for the same term while the import was running' }
        : { row: r.row, field: '统一社会信用代码', message: '导入期间已有机构以该统一社会信用代码注册', messageEn: 'An organisation registered this credit code while the import was running' },
    );
    await appendErrors(jobId, errors);
    await ImportJobModel.updateOne(
      { _id: job._id, status: 'committing' },
      {
        $set: {
          status: 'failed', committed: 0, doneBatches: [], invalidRows: conflicts.length, errorCount: conflicts.length, finishedAt: new Date(), commitMs: Date.now() - started,
          message: `${conflicts.length} 行与导入期间新写入的记录冲突，已全部撤回`, messageEn: `${conflicts.length} rows conflict with records written meanwhile; everything was taken back`,
        },
      },
    );
    await dropStagedRows(jobId);
    return 'failed';
  }
  await ImportJobModel.updateOne(
    { _id: job._id, status: 'committing' },
    { $set: { status: 'done', committed: job.total ?? job.committed, finishedAt: new Date(), commitMs: Date.now() - started } },
  );
  await dropStagedRows(jobId);
  requestReconcile();
  return 'done';
}
