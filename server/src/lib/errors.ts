import { ERROR_CODES, type ApiErrorBody, type ErrorCode, type FieldError } from '@kezhuan/shared';

/** An error that the API answers with as is: code, HTTP status, messages in both languages. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly messageEn: string;
  readonly fields: FieldError[] | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(code: ErrorCode, opts: { message?: string; messageEn?: string; fields?: FieldError[]; headers?: Record<string, string> } = {}) {
    const def = ERROR_CODES[code];
    super(opts.message ?? def.zh);
    this.code = code;
    this.status = def.status;
    this.messageEn = opts.messageEn ?? def.en;
    this.fields = opts.fields;
    this.headers = opts.headers;
  }

  toBody(): ApiErrorBody {
    return {
      code: this.code,
      message: this.message,
      messageEn: this.messageEn,
      ...(this.fields ? { fields: this.fields } : {}),
    };
  }
}

/** The one error factory: `throw createError('NOT_FOUND')`. */
export function createError(
  code: ErrorCode,
  opts?: { message?: string; messageEn?: string; fields?: FieldError[]; headers?: Record<string, string> },
): AppError {
  return new AppError(code, opts);
}
