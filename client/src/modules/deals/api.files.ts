import type { DealFilesView, DealFileView, DealNdaInput, DealNdaView, ErrorCode, FieldError } from '@kezhuan/shared';
import { api, ApiError, buildUrl, getCsrfToken, refreshSession } from '../../api/client';

const id = (v: string) => encodeURIComponent(v);

export interface DealFileUpload {
  file: File;
  note?: string;
  confidential: boolean;
  /** Files picked together share a batch: the other parties are told once. */
  batch: string;
}

/** The error of a failed XHR answer, shaped like the fetch client's. */
function xhrError(status: number, text: string): ApiError {
  try {
    const err = (JSON.parse(text) as { error?: { code?: string; message?: string; messageEn?: string; fields?: FieldError[] } }).error;
    if (err?.code) {
      return new ApiError(status, err.code as ErrorCode, err.message ?? '', err.messageEn ?? err.message ?? '', err.fields ?? []);
    }
  } catch {
    // Not JSON: a proxy's page, answered below.
  }
  if (status === 0) {
    return new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络', 'Cannot reach the server; check your connection');
  }
  return new ApiError(status, 'BAD_RESPONSE', `服务器返回了意外的响应（${status}）`, `Unexpected server response (${status})`);
}

function sendOnce(url: string, file: File, onProgress: (fraction: number) => void): Promise<DealFileView> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.setRequestHeader('X-CSRF-Token', getCsrfToken());
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) {
        onProgress(e.loaded / e.total);
      }
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(JSON.parse(xhr.responseText) as DealFileView);
      } else {
        reject(xhrError(xhr.status, xhr.responseText));
      }
    };
    xhr.onerror = () => reject(xhrError(0, ''));
    xhr.send(file);
  });
}

/**
 * Uploads over XMLHttpRequest (fetch reports no upload progress), with the same CSRF handling as
 * the fetch client: a token first if there is none, one retry when it went stale.
 */
async function upload(dealId: string, u: DealFileUpload, onProgress: (fraction: number) => void): Promise<DealFileView> {
  if (!getCsrfToken()) {
    await refreshSession();
  }
  const url = buildUrl(`/deals/${id(dealId)}/files`, { name: u.file.name, note: u.note, confidential: u.confidential ? 'true' : 'false', batch: u.batch });
  try {
    return await sendOnce(url, u.file, onProgress);
  } catch (err) {
    if (err instanceof ApiError && err.code === 'CSRF_INVALID') {
      await refreshSession();
      return sendOnce(url, u.file, onProgress);
    }
    throw err;
  }
}

/** A deal room's files and its NDA (server: deal.files.routes.ts). */
export const dealFilesApi = {
  list: (dealId: string) => api.get<DealFilesView>(`/deals/${id(dealId)}/files`),
  upload,
  downloadUrl: (dealId: string, fileId: string) => buildUrl(`/deals/${id(dealId)}/files/${id(fileId)}`),
  remove: (dealId: string, fileId: string) => api.delete<undefined>(`/deals/${id(dealId)}/files/${id(fileId)}`),
  setNda: (dealId: string, input: DealNdaInput) => api.put<DealNdaView>(`/deals/${id(dealId)}/nda`, input),
  acceptNda: (dealId: string, version: number) => api.post<DealNdaView>(`/deals/${id(dealId)}/nda/accept`, { version }),
};
