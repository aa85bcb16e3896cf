import { IMPORT_LIMITS, type ImportJobView, type ImportKind } from '@kezhuan/shared';
import { computed, ref, shallowRef } from 'vue';
import { ApiError } from '../../../api/client';
import { currentLocale, errorText, i18n } from '../../../i18n';
import { importsApi } from '../api';
import { formatFromName, uploadName } from '../files';

/** Why an upload did not start: a check in the browser, or the server's refusal (400, 413, 415, 429 …). */
export type UploadProblem = { check: 'badExtension' | 'empty' | 'tooLarge'; name: string } | { error: unknown };

export const MAX_MEGABYTES = IMPORT_LIMITS.maxBytes / 1024 / 1024;

/** Sends an import file: checks what the browser can check, then uploads it and returns the new job. */
export function useImportUpload() {
  /** The name of the file being sent, while it is. */
  const uploading = ref<string | null>(null);
  const problem = shallowRef<UploadProblem | null>(null);

  /** The problem in the current locale; the server's field messages when it named any. */
  const problemLines = computed<string[]>(() => {
    const p = problem.value;
    if (!p) {
      return [];
    }
    if ('check' in p) {
      return [i18n.global.t(`imports.upload.${p.check}`, { name: p.name, max: MAX_MEGABYTES })];
    }
    if (p.error instanceof ApiError && p.error.fields.length > 0) {
      return p.error.fields.map((f) => (currentLocale() === 'en' ? f.messageEn : f.message));
    }
    return [errorText(p.error)];
  });

  async function send(file: File, kind: ImportKind, publish: boolean): Promise<ImportJobView | null> {
    problem.value = null;
    const format = formatFromName(file.name);
    const check = !format ? 'badExtension' : file.size === 0 ? 'empty' : file.size > IMPORT_LIMITS.maxBytes ? 'tooLarge' : null;
    if (!format || check) {
      problem.value = { check: check ?? 'badExtension', name: file.name };
      return null;
    }
    uploading.value = file.name;
    try {
      return await importsApi.upload(file, { kind, format, name: uploadName(file.name), publish });
    } catch (err) {
      problem.value = { error: err };
      return null;
    } finally {
      uploading.value = null;
    }
  }

  return { uploading, problem, problemLines, send };
}
