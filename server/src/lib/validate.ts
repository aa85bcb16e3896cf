import type { RequestHandler } from 'express';
import { toFieldErrors } from '@kezhuan/shared';
import type { z } from 'zod';
import { createError } from './errors';

export interface RequestSchemas {
  body?: z.ZodType;
  query?: z.ZodType;
  params?: z.ZodType;
}

export interface ValidInput {
  body: unknown;
  query: unknown;
  params: unknown;
}

declare module 'express-serve-static-core' {
  interface Request {
    /** Input parsed by `validate()`; handlers read this, never `req.body` raw. */
    valid: ValidInput;
  }
}

/**
 * Parses body, query and params with zod. Anything not described by a schema is refused: a route
 * without a body schema takes no body, and without a query schema takes no query parameters.
 */
export function validate(schemas: RequestSchemas): RequestHandler {
  return (req, _res, next) => {
    const fields = [];
    const out: ValidInput = { body: undefined, query: {}, params: {} };
    for (const part of ['body', 'query', 'params'] as const) {
      const schema = schemas[part];
      const raw: unknown = req[part];
      if (!schema) {
        // Nothing, or an empty JSON object, is all a route without a schema for this part accepts.
        const empty = raw === undefined || (isPlainObject(raw) && Object.keys(raw).length === 0);
        if (!empty && part !== 'params') {
          fields.push({ path: part, code: 'unrecognized_keys', message: '此接口不接受该部分参数', messageEn: `This endpoint takes no ${part}` });
        }
        continue;
      }
      const result = schema.safeParse(raw ?? (part === 'body' ? undefined : {}));
      if (result.success) {
        out[part] = result.data;
      } else {
        fields.push(...toFieldErrors(result.error.issues, part));
      }
    }
    if (fields.length > 0) {
      next(createError('VALIDATION_FAILED', { fields }));
      return;
    }
    req.valid = out;
    next();
  };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
