import { ERROR_CODES, type ErrorCode } from '@kezhuan/shared';
import { z } from 'zod';
import type { AnyRoute } from './api-router';

type Json = Record<string, unknown>;

function schemaOf(s: z.ZodType, io: 'input' | 'output'): Json {
  const out = z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
  delete out.$schema;
  return out;
}

/** `/orgs/:id` → `/orgs/{id}` */
export function toOpenApiPath(expressPath: string): string {
  return expressPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function parameters(route: AnyRoute): Json[] {
  const params: Json[] = [];
  for (const where of ['path', 'query'] as const) {
    const schema = where === 'path' ? route.params : route.query;
    if (!schema) {
      continue;
    }
    const js = schemaOf(schema as z.ZodType, 'input') as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, prop] of Object.entries(js.properties ?? {})) {
      params.push({ name, in: where, required: where === 'path' || (js.required ?? []).includes(name), schema: prop });
    }
  }
  return params;
}

const errorContent = {
    'application/json': {
      schema: {
        type: 'object',
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message', 'messageEn'],
            properties: {
              code: { type: 'string' },
              message: { type: 'string' },
              messageEn: { type: 'string' },
              fields: {
                type: 'array',
                items: { type: 'object', properties: { path: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' }, messageEn: { type: 'string' } } },
              },
            },
          },
        },
      },
    },
};

const WRITES = new Set(['post', 'put', 'patch', 'delete']);

/**
 * The error codes a route can answer with: those every route shares (400), those that follow from its
 * shape (sign-in and roles, the CSRF token on writes, a path id that may not exist, a JSON body over
 * 1 MB, a rate limit, a state conflict on writes to an existing or new record), and those it declares.
 */
export function routeErrors(r: AnyRoute): ErrorCode[] {
  const codes = new Set<ErrorCode>(['VALIDATION_FAILED', 'BAD_REQUEST']);
  const write = WRITES.has(r.method);
  const hasParams = r.path.includes(':');
  if (r.access !== 'public') {
    codes.add('UNAUTHENTICATED');
    if (r.access !== 'user') {
      codes.add('FORBIDDEN');
    }
  }
  if (write) {
    codes.add('CSRF_INVALID');
  }
  if (hasParams) {
    codes.add('NOT_FOUND');
    if (r.access !== 'public') {
      codes.add('FORBIDDEN');
    }
  }
  if (write && (hasParams || r.status === 201)) {
    codes.add(hasParams ? 'INVALID_STATE' : 'CONFLICT');
  }
  if (r.body) {
    codes.add('PAYLOAD_TOO_LARGE');
  }
  if (r.before?.some(isRateLimit)) {
    codes.add('RATE_LIMITED');
  }
  for (const c of r.errors ?? []) {
    codes.add(c);
  }
  return [...codes];
}

/** express-rate-limit's middleware carries `resetKey`; other `before` middleware (auth, raw body) does not. */
function isRateLimit(mw: unknown): boolean {
  return typeof (mw as { resetKey?: unknown }).resetKey === 'function';
}

/** One response per status, its description naming the codes that answer with it. */
function errorResponses(r: AnyRoute): Record<string, Json> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of routeErrors(r)) {
    const status = ERROR_CODES[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const out: Record<string, Json> = {};
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    const what = codes.map((c) => `\`${c}\` (${ERROR_CODES[c].en}${c === 'CSRF_INVALID' ? ': send the X-CSRF-Token header' : ''})`).join('; ');
    out[String(status)] = { description: `Error ${what}. Body \`{ error: { code, message, messageEn, fields? } }\`, messages in Chinese and English.`, content: errorContent };
  }
  return out;
}

/** Builds the OpenAPI 3.1 document from the registered routes and their zod schemas. */
export function buildOpenApi(routes: readonly AnyRoute[], version: string): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const r of routes) {
    const p = `/api${toOpenApiPath(r.path)}`;
    paths[p] ??= {};
    const status = String(r.status ?? 200);
    const op: Json = {
      tags: [r.tag],
      summary: r.summary,
      operationId: `${r.method}${p.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c?: string) => (c ? c.toUpperCase() : ''))}`,
      parameters: parameters(r),
      responses: {
        [status]: r.status === 204 || !r.response
          ? { description: 'Success' }
          : { description: 'Success', content: { 'application/json': { schema: schemaOf(r.response, 'output') } } },
        ...errorResponses(r),
      },
      ...(r.access === 'public' ? { security: [] } : {}),
      'x-access': r.access === 'public' || r.access === 'user' ? r.access : [...r.access],
    };
    if (r.body) {
      op.requestBody = { required: true, content: { 'application/json': { schema: schemaOf(r.body as z.ZodType, 'input') } } };
    }
    paths[p][r.method] = op;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '科转 Kezhuan API — 吉林省科技成果转化对接平台',
      version,
      description:
        'Session-cookie API. Every state-changing request must send the `X-CSRF-Token` header with the token from `GET /api/auth/session`. Errors carry Chinese and English messages.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'kz.sid' } },
    },
    security: [{ session: [] }],
    paths,
    'x-method-not-allowed': 'A known path called with a method it does not serve answers 405 METHOD_NOT_ALLOWED with an Allow header.',
  };
}
