/**
 * Imports a file of research results, technology needs, organisations, or the 双千 lists (commissioners, serviceRequests):
 *   npm run import -- --kind results --file 成果.xlsx [--publish] [--format csv|xlsx|jsonl] [--as admin@example.cn]
 * Every row is checked first; nothing is written unless all rows are valid. On failure the error
 * report is written beside the file and the exit code is 1. Imported listings are indexed (search
 * engine of the environment) before the command ends. Uses MONGODB_URI or the embedded database:
 * stop the server first when it uses the embedded one (they would share its files).
 */
import { createWriteStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { IMPORT_FORMATS, IMPORT_KINDS, IMPORT_LIMITS, type ImportFormat, type ImportKind } from '@kezhuan/shared';
import { ProgressBar } from '../lib/progress';
import { errorReportCsv, reportFileName } from '../modules/imports/import.report';
import { startImport } from '../modules/imports/import.service';
import { UserModel } from '../modules/users/user.model';
import { takeReconcileRequest } from '../modules/indexing/write-hint';
import { startRuntime } from '../runtime';
import { reconcileWithBars } from './reconcile-progress';

const USAGE = 'usage: npm run import -- --kind results|needs|orgs|commissioners|serviceRequests --file PATH [--publish] [--format csv|xlsx|jsonl] [--as ADMIN_EMAIL]';
const { values } = parseArgs({
  options: {
    kind: { type: 'string' },
    file: { type: 'string' },
    format: { type: 'string' },
    publish: { type: 'boolean', default: false },
    as: { type: 'string' },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const kind = values.kind as ImportKind | undefined;
if (!kind || !IMPORT_KINDS.includes(kind) || !values.file) {
  fail(USAGE);
}
const file = resolve(values.file);
const ext = file.split('.').pop()?.toLowerCase();
const format = (values.format ?? (ext === 'ndjson' ? 'jsonl' : ext)) as ImportFormat;
if (!IMPORT_FORMATS.includes(format)) {
  fail(`cannot tell the format of ${file}; give --format csv|xlsx|jsonl\n${USAGE}`);
}
const size = (await stat(file).catch(() => fail(`no such file: ${file}`))).size;
if (size > IMPORT_LIMITS.maxBytes) {
  fail(`${file} is larger than ${IMPORT_LIMITS.maxBytes / 1024 / 1024} MB; split it`);
}

const runtime = await startRuntime();
try {
  const admin = await UserModel.findOne(values.as ? { email: values.as.toLowerCase(), role: 'admin' } : { role: 'admin' }).sort({ createdAt: 1 }).lean();
  if (!admin) {
    throw new Error(values.as ? `no administrator with email ${values.as}` : 'no administrator yet: create one with `npm run admin:create`');
  }
  console.log(`importing ${kind} from ${file} (${format}, ${(size / 1e6).toFixed(1)} MB) as ${admin.email}${values.publish ? ', published' : ''}`);
  const validating = new ProgressBar('校验 validate');
  let committing: ProgressBar | undefined; // started when the commit starts, so its rate is its own
  const { done } = await startImport({
    kind, format, filename: basename(file), publish: values.publish, bytes: await readFile(file),
    actor: { id: admin._id, name: admin.displayName },
    onProgress: (job) => {
      if (job.status === 'validating') {
        validating.update(job.bytesRead, job.size, `${job.validated} rows, ${job.invalidRows} invalid`);
      } else if (job.status === 'committing') {
        committing ??= new ProgressBar('写入 commit ');
        committing.update(job.committed, job.total ?? 0);
      }
    },
  });
  const job = await done;
  if (job.validateMs !== null) {
    validating.done(`${job.validated} rows checked, ${job.invalidRows} invalid`);
  }
  if (job.status === 'done') {
    (committing ?? new ProgressBar('写入 commit ')).done(`${job.committed} ${kind} imported`);
    if ((kind === 'results' || kind === 'needs') && takeReconcileRequest()) {
      // The rows were written without outbox flags; make them searchable before the command ends
      // (a running server would otherwise only pick them up at its next start).
      await reconcileWithBars(runtime.search, '索引 index');
    }
  } else if (job.status === 'failed') {
    const report = resolve(file, '..', reportFileName(basename(file)));
    await pipeline(Readable.from(errorReportCsv(job.id)), createWriteStream(report));
    console.error(`import failed: ${job.message} / ${job.messageEn}\nerror report: ${report}`);
    process.exitCode = 1;
  } else {
    console.error(`import stopped while ${job.status}; it is finished when the server (resumeImports) next starts`);
    process.exitCode = 1;
  }
} catch (err) {
  console.error(`import failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
} finally {
  await runtime.stop();
}
