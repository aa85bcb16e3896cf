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

const errorResponse = {
  description: 'Error: `{ error: { code, message, messageEn, fields? } }` with field messages in Chinese and English',
  content: {
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
  },
};

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
        '400': errorResponse,
        ...(r.access === 'public' ? {} : { '401': errorResponse, '403': errorResponse }),
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
  };
}
