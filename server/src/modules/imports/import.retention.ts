/**
 * Old import jobs go: a finished job and its error report are kept for `IMPORT_RETENTION_DAYS`
 * (long enough to answer "what did we import last quarter"), then removed by the hourly sweep.
 * Jobs still running are never touched; the listings an import created stay, of course.
 */
import type { QuerySpec } from '../../lib/query-spec';
import { ImportJobModel } from './import-job.model';
import { dropErrors } from './import.staging';

export const IMPORT_RETENTION_DAYS = 180;

/** Finished jobs that finished before `before`: index {status, finishedAt}. */
export function expiredJobsQuery(before: Date): QuerySpec {
  return { filter: { status: { $in: ['done', 'failed'] }, finishedAt: { $lt: before } } };
}

/** Removes finished jobs older than the retention period; returns how many. */
export async function pruneImportJobs(now = new Date(), days = IMPORT_RETENTION_DAYS): Promise<number> {
  const before = new Date(now.getTime() - days * 86_400_000);
  const old = await ImportJobModel.find(expiredJobsQuery(before).filter, { _id: 1 }).lean();
  for (const { _id } of old) {
    // The report first: a crash in between leaves a job without a report, never an orphaned report.
    await dropErrors(String(_id));
    await ImportJobModel.deleteOne({ _id });
  }
  return old.length;
}
