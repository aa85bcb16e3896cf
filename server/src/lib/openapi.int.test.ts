import type { Router } from 'express';
import { describe, expect, it } from 'vitest';
import { client, testApp, useTestDb } from '../testing/harness';

useTestDb();

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
}

describe('OpenAPI document', () => {
  it('lists every route the API router really serves, with its method', async () => {
    const app = testApp();
    const c = await client(app);
    const doc = (await c.get('/api/openapi.json').expect(200)).body as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    const served = ((app.locals.api.router as Router).stack as Layer[])
      .filter((l) => l.route)
      .flatMap((l) => Object.keys(l.route!.methods).filter((m) => m !== '_all').map((m) => [m, `/api${l.route!.path.replace(/:(\w+)/g, '{$1}')}`] as const));
    expect(served.length).toBeGreaterThan(10);
    for (const [method, path] of served) {
      expect(doc.paths[path]?.[method], `${method.toUpperCase()} ${path} missing from openapi.json`).toBeDefined();
    }
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`));
    expect(documented.sort()).toEqual(served.map(([m, p]) => `${m} ${p}`).sort());
  });

  it('describes request bodies and query parameters from the zod schemas', async () => {
    const c = await client(testApp());
    const doc = (await c.get('/api/openapi.json')).body as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown>; required: string[] } }> }; parameters: { name: string; in: string }[]; responses?: Record<string, unknown> }>> };
    const register = doc.paths['/api/auth/register']?.post?.requestBody?.content['application/json']?.schema;
    expect(Object.keys(register?.properties ?? {})).toEqual(expect.arrayContaining(['email', 'phone', 'password', 'role', 'newOrg']));
    expect(register?.required).toEqual(expect.arrayContaining(['email', 'phone', 'password']));
    const list = doc.paths['/api/orgs']?.get?.parameters.map((p) => `${p.in}:${p.name}`);
    expect(list).toEqual(expect.arrayContaining(['query:q', 'query:type', 'query:city', 'query:page']));
    // Work accepted to run in the background is documented with the status it really answers.
    expect(Object.keys(doc.paths['/api/admin/imports']?.post?.responses ?? {})).toContain('202');
    expect(doc.paths['/api/orgs/{id}']?.get?.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path', required: true })]);
  });

  it('serves a readable documentation page with its assets', async () => {
    const c = await client(testApp());
    const page = await c.get('/api/docs').expect(200);
    expect(page.text).toContain('科转');
    expect(page.text).toContain('/api/docs/assets/swagger-ui-bundle.js');
    await c.get('/api/docs/assets/swagger-ui-bundle.js').expect(200);
    await c.get('/api/docs/init.js').expect(200).expect('Content-Type', /javascript/);
  });
});
