import type { ImportJobView } from '@kezhuan/shared';
import { describe, expect, it } from 'vitest';
import { buildImportJob } from './testing';
import { durationParts, formatBytes, importCounts, importProgress, isFinished, isNewerJob } from './progress';

const job = (overrides: Partial<ImportJobView>) => buildImportJob(overrides);

describe('importProgress', () => {
  it('follows the bytes read while validating, never showing 100 % before the phase ends', () => {
    expect(importProgress(job({ status: 'validating', size: 2000, bytesRead: 500 }))).toEqual({ percent: 25, step: 1, barStatus: '' });
    expect(importProgress(job({ status: 'validating', size: 2000, bytesRead: 2000 })).percent).toBe(99);
    expect(importProgress(job({ status: 'validating', size: 0, bytesRead: 0 })).percent).toBe(0);
  });

  it('follows the rows written while committing', () => {
    expect(importProgress(job({ status: 'committing', total: 300, committed: 100 }))).toEqual({ percent: 33, step: 2, barStatus: '' });
    expect(importProgress(job({ status: 'committing', total: null, committed: 0 })).percent).toBe(0);
  });

  it('ends full and green when done, red where it stopped when failed', () => {
    expect(importProgress(job({ status: 'done' }))).toEqual({ percent: 100, step: 4, barStatus: 'success' });
    expect(importProgress(job({ status: 'failed', size: 1000, bytesRead: 700, total: 2 }))).toEqual({ percent: 100, step: 1, barStatus: 'exception' });
    expect(importProgress(job({ status: 'failed', size: 1000, bytesRead: 400, total: null })).percent).toBe(40);
  });

  it('knows which statuses are final', () => {
    expect(['validating', 'committing', 'done', 'failed', 'cancelled'].map((s) => isFinished(s as ImportJobView['status']))).toEqual([false, false, true, true, true]);
    expect(importProgress(job({ status: 'cancelled', size: 1000, bytesRead: 300, total: null }))).toEqual({ percent: 30, step: 1, barStatus: 'exception' });
  });
});

describe('importCounts', () => {
  it('splits the checked rows into valid and invalid', () => {
    expect(importCounts(job({ total: 10, validated: 10, invalidRows: 3, errorCount: 5, committed: 0 }))).toEqual({ total: 10, valid: 7, invalid: 3, committed: 0, problems: 5 });
    expect(importCounts(job({ total: null, validated: 4, invalidRows: 0 })).total).toBeNull();
  });
});

describe('isNewerJob', () => {
  const at = (status: ImportJobView['status'], updatedAt: string) => job({ status, updatedAt });

  it('moves forward only: a later status, or a later update of the same status', () => {
    expect(isNewerJob(at('validating', '2026-01-01T00:00:01Z'), at('committing', '2026-01-01T00:00:00Z'))).toBe(true);
    expect(isNewerJob(at('committing', '2026-01-01T00:00:01Z'), at('validating', '2026-01-01T00:00:02Z'))).toBe(false);
    expect(isNewerJob(at('validating', '2026-01-01T00:00:01Z'), at('validating', '2026-01-01T00:00:02Z'))).toBe(true);
    expect(isNewerJob(at('validating', '2026-01-01T00:00:02Z'), at('validating', '2026-01-01T00:00:01Z'))).toBe(false);
    expect(isNewerJob(at('done', '2026-01-01T00:00:02Z'), at('done', '2026-01-01T00:00:02Z'))).toBe(true);
  });

  it('ignores other jobs', () => {
    expect(isNewerJob(job({}), job({ id: 'ffffffffffffffffffffffff', status: 'done' }))).toBe(false);
  });
});

describe('durations and sizes', () => {
  it('picks a unit a person reads at once', () => {
    expect(durationParts(420)).toEqual({ key: 'ms', params: { n: 420 } });
    expect(durationParts(1234)).toEqual({ key: 'seconds', params: { n: 1.2 } });
    expect(durationParts(125_400)).toEqual({ key: 'minutes', params: { m: 2, s: 5 } });
    expect([formatBytes(512), formatBytes(2048), formatBytes(3.5 * 1024 * 1024)]).toEqual(['512 B', '2.0 KB', '3.5 MB']);
  });
});
