import type { ImportFormat, ImportJobDetailView, ImportJobView, ImportKind, ImportListingView } from '@kezhuan/shared';
import { api, buildUrl } from '../../api/client';
import type { Page } from '../../api/endpoints';

export interface ImportUpload {
  kind: ImportKind;
  format: ImportFormat;
  /** The file name the job shows (already cleaned by `uploadName`). */
  name: string;
  publish: boolean;
}

/** The administrators' bulk-import API (`/api/admin/imports`). */
export const importsApi = {
  list: (q: { kind?: ImportKind; page: number; pageSize: number }) => api.get<Page<ImportJobView>>('/admin/imports', { ...q }),
  get: (id: string) => api.get<ImportJobDetailView>(`/admin/imports/${encodeURIComponent(id)}`),
  /**
   * Sends the file as the raw body. It goes out as application/octet-stream whatever the browser
   * guessed (Windows labels CSV files application/vnd.ms-excel, JSONL has no type at all).
   */
  upload: (file: Blob, q: ImportUpload) =>
    api.upload<ImportJobView>('/admin/imports', file.slice(0, file.size, 'application/octet-stream'), {
      kind: q.kind,
      format: q.format,
      name: q.name,
      publish: String(q.publish),
    }),
  /** The listings an import created (its drafts to follow up). */
  listings: (id: string, q: { page: number; pageSize: number }) => api.get<Page<ImportListingView>>(`/admin/imports/${encodeURIComponent(id)}/listings`, { ...q }),
  cancel: (id: string) => api.post<ImportJobView>(`/admin/imports/${encodeURIComponent(id)}/cancel`),
  templateUrl: (kind: ImportKind, format: 'xlsx' | 'csv') => buildUrl('/admin/imports/template', { kind, format }),
  errorsUrl: (id: string) => buildUrl(`/admin/imports/${encodeURIComponent(id)}/errors.csv`),
};
