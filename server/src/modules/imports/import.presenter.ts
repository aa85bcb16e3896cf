import type { ImportJobView } from '@kezhuan/shared';
import type { ImportJobRecord } from './import-job.model';

/** What administrators see of an import job. */
export function presentImportJob(j: ImportJobRecord): ImportJobView {
  return {
    id: String(j._id),
    kind: j.kind,
    format: j.format,
    filename: j.filename,
    status: j.status,
    publish: j.publish,
    size: j.size,
    bytesRead: j.bytesRead,
    total: j.total,
    validated: j.validated,
    committed: j.committed,
    invalidRows: j.invalidRows,
    errorCount: j.errorCount,
    message: j.message,
    messageEn: j.messageEn,
    createdBy: { id: String(j.createdBy), name: j.createdByName },
    createdAt: j.createdAt.toISOString(),
    updatedAt: j.updatedAt.toISOString(),
    finishedAt: j.finishedAt?.toISOString() ?? null,
    validateMs: j.validateMs,
    commitMs: j.commitMs,
  };
}
