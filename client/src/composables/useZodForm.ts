import { toFieldErrors, type FieldError } from '@kezhuan/shared';
import { computed, ref, toValue, watch, type MaybeRefOrGetter } from 'vue';
import type { z } from 'zod';
import { ApiError } from '../api/client';
import { i18n } from '../i18n';

const SOURCES = new Set(['body', 'query', 'params']);

/** `body.newOrg.uscc` → `newOrg.uscc`: server paths name where the input came from; forms do not. */
export function stripSource(path: string): string {
  const [head, ...rest] = path.split('.');
  return head !== undefined && SOURCES.has(head) ? rest.join('.') : path;
}

/** The value at a dotted path of a plain object (used to notice that a field was edited). */
function valueAt(source: unknown, path: string): unknown {
  let cur: unknown = source;
  for (const key of path.split('.').filter(Boolean)) {
    cur = typeof cur === 'object' && cur !== null ? (cur as Record<string, unknown>)[key] : undefined;
  }
  return cur;
}

export interface ZodFormOptions {
  /** Maps a server path (after stripping `body.`) onto a form field, e.g. `{ uscc: 'newOrg.uscc' }`. */
  aliases?: Record<string, string>;
  /** The UI locale; defaults to the app's vue-i18n locale. */
  locale?: () => string;
}

interface ServerFieldError {
  error: FieldError;
  snapshot: string;
}

/**
 * Validates a form model with a shared zod schema and keeps one message per field (dotted path),
 * in the current locale. Server field errors land in the same map and stay until that field changes.
 * After the first `validate()`, edits re-validate live so messages clear as the user fixes them.
 */
export function useZodForm<S extends z.ZodType>(schema: S, source: MaybeRefOrGetter<unknown>, options: ZodFormOptions = {}) {
  const clientErrors = ref<Record<string, FieldError>>({});
  const serverErrors = ref<Record<string, ServerFieldError>>({});
  const submitted = ref(false);
  const locale = options.locale ?? (() => i18n.global.locale.value);

  const errors = computed<Record<string, string | undefined>>(() => {
    const en = locale() === 'en';
    const out: Record<string, string | undefined> = {};
    for (const [key, { error }] of Object.entries(serverErrors.value)) {
      out[key] = en ? error.messageEn : error.message;
    }
    for (const [key, error] of Object.entries(clientErrors.value)) {
      out[key] = en ? error.messageEn : error.message;
    }
    return out;
  });
  const hasErrors = computed(() => Object.keys(errors.value).length > 0);

  function keyOf(path: string): string {
    const stripped = stripSource(path);
    return options.aliases?.[stripped] ?? stripped;
  }

  function check(): z.ZodSafeParseResult<z.output<S>> {
    const result = schema.safeParse(toValue(source));
    const next: Record<string, FieldError> = {};
    if (!result.success) {
      for (const fe of toFieldErrors(result.error.issues)) {
        next[fe.path] ??= fe;
      }
    }
    clientErrors.value = next;
    return result;
  }

  /** Validates now; returns the parsed (normalised) data, or undefined when a field is invalid. */
  function validate(): z.output<S> | undefined {
    submitted.value = true;
    serverErrors.value = {};
    const result = check();
    return result.success ? result.data : undefined;
  }

  /** Puts server field errors on the form; true when the error had any. */
  function applyServerFields(fields: readonly FieldError[]): boolean {
    const next: Record<string, ServerFieldError> = {};
    const model = toValue(source);
    for (const error of fields) {
      const key = keyOf(error.path);
      next[key] ??= { error, snapshot: JSON.stringify(valueAt(model, key)) ?? '' };
    }
    serverErrors.value = next;
    return fields.length > 0;
  }

  /** Maps an `ApiError`'s fields onto the form; false for other errors (show those as a message). */
  function applyServerError(err: unknown): boolean {
    return err instanceof ApiError && applyServerFields(err.fields);
  }

  function clearErrors(): void {
    clientErrors.value = {};
    serverErrors.value = {};
    submitted.value = false;
  }

  watch(
    () => JSON.stringify(toValue(source)) ?? '',
    () => {
      const model = toValue(source);
      const kept = Object.entries(serverErrors.value).filter(
        ([key, se]) => (JSON.stringify(valueAt(model, key)) ?? '') === se.snapshot,
      );
      serverErrors.value = Object.fromEntries(kept);
      if (submitted.value) {
        check();
      }
    },
  );

  return { errors, hasErrors, submitted, validate, applyServerError, applyServerFields, clearErrors };
}
