import type { ImportJobView, ImportStatus } from '@kezhuan/shared';

/** The job will not change any more. */
export function isFinished(status: ImportStatus): boolean {
  return status === 'done' || status === 'failed' || status === 'cancelled';
}

export interface ImportProgress {
  /** 0–100 of the current phase: bytes read while validating, rows written while committing. */
  percent: number;
  /**
   * The active el-steps index of upload → validate → commit → finish: 1 while validating (and where
   * a failed job stopped, since only validation can fail), 2 while committing, 4 when all are done.
   */
  step: 1 | 2 | 4;
  /** For el-progress: running, finished well, or stopped. */
  barStatus: '' | 'success' | 'exception';
}

const clampPercent = (part: number, whole: number) => (whole > 0 ? Math.max(0, Math.min(100, Math.floor((part / whole) * 100))) : 0);

/** Where a job stands, for the progress bar and the steps. */
export function importProgress(job: ImportJobView): ImportProgress {
  switch (job.status) {
    case 'validating':
      // Reading can reach the end of the file before the last rows are checked: 100 % only once the phase is over.
      return { percent: Math.min(99, clampPercent(job.bytesRead, job.size)), step: 1, barStatus: '' };
    case 'committing':
      return { percent: job.total ? clampPercent(job.committed, job.total) : 0, step: 2, barStatus: '' };
    case 'done':
      return { percent: 100, step: 4, barStatus: 'success' };
    case 'failed':
      // A file checked to its end (total known) shows full; one stopped early, where it stopped.
      return { percent: job.total === null ? clampPercent(job.bytesRead, job.size) : 100, step: 1, barStatus: 'exception' };
    case 'cancelled':
      // Stopped where the administrator cancelled it.
      return { percent: clampPercent(job.bytesRead, job.size), step: 1, barStatus: 'exception' };
  }
}

export interface ImportCounts {
  /** Data rows of the file; null until the whole file has been read. */
  total: number | null;
  valid: number;
  invalid: number;
  committed: number;
  problems: number;
}

/** The row counts shown under the progress bar. */
export function importCounts(job: ImportJobView): ImportCounts {
  return {
    total: job.total,
    valid: Math.max(0, job.validated - job.invalidRows),
    invalid: job.invalidRows,
    committed: job.committed,
    problems: job.errorCount,
  };
}

const STATUS_ORDER: Record<ImportStatus, number> = { validating: 0, committing: 1, done: 2, failed: 2, cancelled: 2 };

/**
 * Whether `next` (a live push or a polled view of the same job) is at least as recent as `current`:
 * statuses only move forward, and within a status the later update wins, so a slow poll answer
 * cannot move the bar backwards.
 */
export function isNewerJob(current: ImportJobView, next: ImportJobView): boolean {
  if (next.id !== current.id) {
    return false;
  }
  const order = STATUS_ORDER[next.status] - STATUS_ORDER[current.status];
  return order !== 0 ? order > 0 : next.updatedAt >= current.updatedAt;
}

/** A duration as i18n key and parameters (`imports.duration.*`). */
export function durationParts(ms: number): { key: 'ms' | 'seconds' | 'minutes'; params: Record<string, number> } {
  if (ms < 1000) {
    return { key: 'ms', params: { n: Math.round(ms) } };
  }
  if (ms < 60_000) {
    return { key: 'seconds', params: { n: Math.round(ms / 100) / 10 } };
  }
  const seconds = Math.round(ms / 1000);
  return { key: 'minutes', params: { m: Math.floor(seconds / 60), s: seconds % 60 } };
}

export { formatBytes } from '../../utils/bytes';
