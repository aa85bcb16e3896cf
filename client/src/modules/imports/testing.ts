import type { ImportJobView } from '@kezhuan/shared';

export const IMPORT_ID = 'dddddddddddddddddddddddd';

/** An import job as the API shows it: a results CSV that has just started validating, unless overridden. */
export function buildImportJob(overrides: Partial<ImportJobView> = {}): ImportJobView {
  return {
    id: IMPORT_ID,
    kind: 'results',
    format: 'csv',
    filename: '成果.csv',
    status: 'validating',
    publish: false,
    size: 1000,
    bytesRead: 0,
    total: null,
    validated: 0,
    committed: 0,
    invalidRows: 0,
    errorCount: 0,
    message: null,
    messageEn: null,
    createdBy: { id: '0123456789abcdef01234567', name: '管理员' },
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: null,
    validateMs: null,
    commitMs: null,
    ...overrides,
  };
}
