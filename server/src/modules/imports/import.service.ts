/**
 * Bulk imports: a job per uploaded file, run in the background one at a time. Phase 1 validates
 * every row into staging and fails the file on any problem; phase 2 commits the staged documents
 * and is finished by `resumeImports()` after a crash, so a file is imported completely or not at all.
 */
import type { ImportFormat, ImportJobView, ImportKind, ImportListQuery, ImportRowError } from '@kezhuan/shared';
import type { Types, UpdateQuery } from 'mongoose';
import { createError } from '../../lib/errors';
import { logger } from '../../lib/logger';
import { SINCE_EVER, type QuerySpec } from '../../lib/query-spec';
import { ImportJobModel, type ImportJobRecord } from './import-job.model';
import { commitJob } from './import.commit-phase';
import { presentImportJob } from './import.presenter';
import { appendErrors, dropStagedRows, jobsWithStagedRows, readErrors } from './import.staging';
import { validateFile, type ValidateOutcome } from './import.validate-phase';
import { notifyAll, orgMembers } from '../listings/listing.audience';
import { announcePairingImport } from './import.pairing-notices';

/** Where job progress goes live (Socket.io: the importing administrator's room); set at start-up. */
export interface ImportProgressPublisher {
  push(userId: string, job: ImportJobView): void;
}

let publisher: ImportProgressPublisher | undefined;

export function setImportProgressPublisher(p: ImportProgressPublisher | undefined): void {
  publisher = p;
}

type Listener = (job: ImportJobView) => void;
const listeners = new Map<string, Listener>();
const lastPush = new Map<string, { at: number; status: string }>();

/** Tells the publisher and the job's listener (CLI); live pushes at most ~4 per second per job. */
function announce(job: ImportJobRecord): void {
  const id = String(job._id);
  const view = presentImportJob(job);
  listeners.get(id)?.(view);
  const last = lastPush.get(id);
  const now = Date.now();
  if (publisher && (!last || last.status !== job.status || now - last.at >= 250)) {
    lastPush.set(id, { at: now, status: job.status });
    publisher.push(String(job.createdBy), view);
  }
}

async function update(id: string, filter: Record<string, unknown>, change: UpdateQuery<ImportJobRecord>): Promise<ImportJobRecord | null> {
  const job = await ImportJobModel.findOneAndUpdate({ _id: id, ...filter }, change, { returnDocument: 'after' }).lean<ImportJobRecord>();
  if (job) {
    announce(job);
  }
  return job;
}

// Jobs run one after another: the database takes one writer at a time anyway (SQLite), and a
// second 100,000-row file would only slow the first.
let tail: Promise<unknown> = Promise.resolve();
const running = new Set<string>();

function enqueue<T>(fn: () => Promise<T>): Promise<T> {
  const p = tail.then(fn);
  tail = p.catch(() => undefined);
  return p;
}

export interface StartImportInput {
  kind: ImportKind;
  format: ImportFormat;
  filename: string;
  publish: boolean;
  bytes: Uint8Array;
  actor: { id: Types.ObjectId; name: string };
  /** Every progress change of this job (the CLI's progress bars). */
  onProgress?: Listener;
}

/** Uploads waiting for their turn are held in memory: at most this many. */
const MAX_WAITING = 3;

/** Creates the job and queues its work; `done` settles with the job's final state (never rejects). */
export async function startImport(input: StartImportInput): Promise<{ job: ImportJobView; done: Promise<ImportJobView> }> {
  if (running.size > MAX_WAITING) {
    throw createError('RATE_LIMITED', { message: '导入任务排队已满，请等当前导入完成后再上传', messageEn: 'Too many imports are waiting; upload again when the current one has finished' });
  }
  const created = await ImportJobModel.create({
    kind: input.kind,
    format: input.format,
    filename: input.filename,
    publish: input.publish,
    size: input.bytes.byteLength,
    createdBy: input.actor.id,
    createdByName: input.actor.name,
  });
  const job = created.toObject() as ImportJobRecord;
  const id = String(job._id);
  running.add(id);
  if (input.onProgress) {
    listeners.set(id, input.onProgress);
  }
  // The upload is let go once validated (a 200 MB file need not stay in memory during the commit).
  const file = { bytes: input.bytes as Uint8Array | null };
  const actor = input.actor;
  const done = enqueue(() => runImport(job, actor, file))
    .catch((err: unknown) => {
      // The database failed even while recording the failure; the job is resumed or failed at the next start.
      logger().error({ err, job: id }, 'import: stopped by an unexpected error');
      return presentImportJob(job);
    })
    .finally(() => {
      running.delete(id);
      listeners.delete(id);
      lastPush.delete(id);
    });
  return { job: presentImportJob(job), done };
}

function failureWords(o: ValidateOutcome): { message: string; messageEn: string } {
  if (o.fileError && o.invalidRows === 0) {
    return { message: o.fileError.message, messageEn: o.fileError.messageEn };
  }
  if (o.stoppedEarly) {
    return {
      message: `发现 ${o.errorCount} 处错误后停止校验（已检查 ${o.validated} 行，其中 ${o.invalidRows} 行有误），未导入任何数据。请下载错误报告，修改后重新上传`,
      messageEn: `Checking stopped after ${plural(o.errorCount, 'problem', 'problems')} (${plural(o.validated, 'row', 'rows')} checked, ${o.invalidRows} invalid); nothing was imported. Download the error report, fix the file and upload it again`,
    };
  }
  return {
    message: `${o.invalidRows} 行有误（共 ${o.errorCount} 处），未导入任何数据。请下载错误报告，修改后重新上传`,
    messageEn: `${plural(o.invalidRows, 'row is', 'rows are')} invalid (${plural(o.errorCount, 'problem', 'problems')}); nothing was imported. Download the error report, fix the file and upload it again`,
  };
}

async function runImport(job: ImportJobRecord, actor: StartImportInput['actor'], file: { bytes: Uint8Array | null }): Promise<ImportJobView> {
  const id = String(job._id);
  const log = logger();
  const started = Date.now();
  let outcome: ValidateOutcome;
  try {
    if (!(await ImportJobModel.exists({ _id: id, status: 'validating' }))) {
      throw new ImportCancelled(); // cancelled while waiting for its turn
    }
    outcome = await validateFile(
      { jobId: id, kind: job.kind, format: job.format, publish: job.publish, actor, now: job.createdAt, bytes: file.bytes ?? new Uint8Array(0) },
      async (p) => {
        // The job is no longer validating only when an administrator cancelled it: stop reading.
        if (!(await update(id, { status: 'validating' }, { $set: p }))) {
          throw new ImportCancelled();
        }
      },
    );
  } catch (err) {
    file.bytes = null;
    if (err instanceof ImportCancelled) {
      await dropStagedRows(id);
      return presentImportJob((await ImportJobModel.findById(id).lean<ImportJobRecord>()) ?? job);
    }
    log.error({ err, job: id }, 'import: validation stopped by an unexpected error');
    await dropStagedRows(id).catch(() => undefined);
    const failed = await update(id, { status: 'validating' }, { $set: { status: 'failed', finishedAt: new Date(), message: '导入时发生内部错误，未写入任何数据', messageEn: 'Internal error during the import; nothing was written' } });
    return presentImportJob(failed ?? job);
  }
  file.bytes = null;
  const validateMs = Date.now() - started;
  const { staged: _staged, fileError: _fileError, stoppedEarly: _stoppedEarly, orgCounts, ...progress } = outcome;
  if (outcome.fileError || outcome.invalidRows > 0) {
    await dropStagedRows(id);
    const failed = await update(id, { status: 'validating' }, { $set: { ...progress, ...failureWords(outcome), status: 'failed', total: outcome.validated, validateMs, finishedAt: new Date() } });
    return presentImportJob(failed ?? job);
  }
  // Every row is valid: from here on the job only ever moves forward.
  const committing = await update(id, { status: 'validating' }, { $set: { ...progress, status: 'committing', total: outcome.validated, validateMs } });
  if (!committing) {
    await dropStagedRows(id); // failed by resumeImports() elsewhere meanwhile
    return presentImportJob((await ImportJobModel.findById(id).lean<ImportJobRecord>()) ?? job);
  }
  try {
    await commitJob(id, announce);
  } catch (err) {
    // The job stays `committing`; resumeImports() finishes it at the next start.
    log.error({ err, job: id }, 'import: commit interrupted; it resumes at the next start');
  }
  const final = await ImportJobModel.findById(id).lean<ImportJobRecord>();
  if (final) {
    announce(final);
  }
  if (final?.status === 'done' && (final.kind === 'commissioners' || final.kind === 'serviceRequests')) {
    await announcePairingImport(final).catch((err: unknown) => log.error({ err, job: id }, 'import: could not audit or announce the pairing list'));
  } else if (final?.status === 'done' && final.kind !== 'orgs') {
    await tellOrganisations(final, orgCounts).catch((err: unknown) => log.error({ err, job: id }, 'import: could not notify the organisations'));
  }
  return presentImportJob(final ?? job);
}

/**
 * Call at start-up. Finishes every job a crash left `committing` (roll forward: all rows end up
 * imported exactly once), fails jobs interrupted while validating (their upload is gone; nothing
 * of them was written), and removes staging left behind by finished jobs.
 */
export function resumeImports(): Promise<{ resumed: number; interrupted: number; cleaned: number }> {
  return enqueue(async () => {
    const out = { resumed: 0, interrupted: 0, cleaned: 0 };
    for (const j of await ImportJobModel.find(jobsInStatusQuery('validating').filter, { _id: 1 }).lean()) {
      const id = String(j._id);
      const failed = running.has(id)
        ? null
        : await update(id, { status: 'validating' }, { $set: { status: 'failed', finishedAt: new Date(), message: '导入在校验时中断（服务重启），未写入任何数据，请重新上传', messageEn: 'The import was interrupted while validating (restart); nothing was written. Upload the file again' } });
      if (failed) {
        await appendErrors(id, [{ row: 0, field: '文件 file', message: failed.message ?? '', messageEn: failed.messageEn ?? '' }]);
        await dropStagedRows(id);
        out.interrupted += 1;
      }
    }
    for (const j of await ImportJobModel.find(jobsInStatusQuery('committing').filter, { _id: 1 }).lean()) {
      const id = String(j._id);
      if (!running.has(id) && (await commitJob(id, announce)) !== 'skipped') {
        out.resumed += 1;
      }
    }
    for (const id of await jobsWithStagedRows()) {
      const job = running.has(id) ? null : await ImportJobModel.findById(id, { status: 1 }).lean();
      if (!running.has(id) && (!job || job.status === 'done' || job.status === 'failed' || job.status === 'cancelled')) {
        await dropStagedRows(id);
        out.cleaned += 1;
      }
    }
    return out;
  });
}

/** The imports page, newest first: index {kind, createdAt} with a kind, else {createdAt}. */
export function importListQuery(kind?: ImportListQuery['kind']): QuerySpec {
  return { filter: kind ? { kind } : { createdAt: { $gte: SINCE_EVER } }, sort: { createdAt: -1 } };
}

/** Jobs in one state (start-up recovery): index {status, finishedAt}. */
export function jobsInStatusQuery(status: 'validating' | 'committing'): QuerySpec {
  return { filter: { status } };
}

/** Tells the members of each organisation how many listings an administrator imported for it. */
async function tellOrganisations(job: ImportJobRecord, orgCounts: ReadonlyMap<string, number>): Promise<void> {
  const what = job.kind === 'results' ? { zh: '科技成果', en: 'research results', path: '/me/listings?tab=result' } : { zh: '技术需求', en: 'technology needs', path: '/me/listings?tab=need' };
  const state = job.publish ? { zh: '并已发布', en: 'and published them' } : { zh: '（草稿，请核对后提交审核）', en: '(drafts: check them and submit them for review)' };
  for (const [org, n] of orgCounts) {
    await notifyAll(await orgMembers(org), {
      kind: 'system',
      title: `管理员为贵机构导入了 ${n} 项${what.zh}${state.zh}`,
      titleEn: `An administrator imported ${n} ${what.en} for your organisation ${state.en}`,
      body: job.filename,
      bodyEn: job.filename,
      link: what.path,
      key: `import:${String(job._id)}:${org}`,
    });
  }
}

/** Thrown inside a running validation once its job has been cancelled. */
class ImportCancelled extends Error {}

/**
 * Cancels a job that is still being checked (or waiting for its turn): it stops at its next batch
 * and nothing of it is written. A job already writing cannot be cancelled: it would leave the file
 * half imported, which the all-or-nothing promise forbids.
 */
export async function cancelImport(id: string, by: { id: Types.ObjectId; name: string }): Promise<ImportJobView> {
  const cancelled = await update(id, { status: 'validating' }, {
    $set: { status: 'cancelled', finishedAt: new Date(), message: `已被 ${by.name} 取消，未导入任何数据`, messageEn: `Cancelled by ${by.name}; nothing was imported` },
  });
  if (cancelled) {
    if (!running.has(id)) {
      await dropStagedRows(id); // no run of this process will see the cancellation (an orphan)
    }
    return presentImportJob(cancelled);
  }
  const job = await getImport(id);
  throw createError('CONFLICT', {
    message: job.status === 'committing' ? '导入已在写入数据，不能取消' : '导入已结束，不能取消',
    messageEn: job.status === 'committing' ? 'The import is already writing its rows and cannot be cancelled' : 'The import has finished and cannot be cancelled',
  });
}

export async function listImports(q: ImportListQuery): Promise<{ items: ImportJobView[]; total: number }> {
  const { filter, sort } = importListQuery(q.kind);
  const [items, total] = await Promise.all([
    ImportJobModel.find(filter).sort(sort).skip((q.page - 1) * q.pageSize).limit(q.pageSize).lean<ImportJobRecord[]>(),
    ImportJobModel.countDocuments(filter),
  ]);
  return { items: items.map(presentImportJob), total };
}

export async function getImport(id: string): Promise<ImportJobRecord> {
  const job = await ImportJobModel.findById(id).lean<ImportJobRecord>();
  if (!job) {
    throw createError('NOT_FOUND');
  }
  return job;
}

/** "1 row is", "3 rows are". */
const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** A job with the first problems of its report. */
export async function importDetail(id: string, errorsShown = 50): Promise<ImportJobView & { errors: ImportRowError[] }> {
  const job = await getImport(id);
  const errors: ImportRowError[] = [];
  if (job.errorCount > 0) {
    for await (const e of readErrors(id, errorsShown)) {
      errors.push({ row: e.row, field: e.field, message: e.message, messageEn: e.messageEn });
    }
  }
  return { ...presentImportJob(job), errors };
}
