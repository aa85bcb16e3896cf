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

  it('documents 404, 409, 413, 415, 429 and the CSRF 403 on the routes where they can occur', async () => {
    const c = await client(testApp());
    type Op = { responses: Record<string, { description: string }> };
    const doc = (await c.get('/api/openapi.json')).body as { paths: Record<string, Record<string, Op>> };
    const statuses = (path: string, method: string) => Object.keys(doc.paths[path]?.[method]?.responses ?? {});
    expect(statuses('/api/orgs/{id}', 'get')).toContain('404');
    expect(statuses('/api/search/results', 'get')).not.toContain('404');
    expect(statuses('/api/results/{id}', 'patch')).toEqual(expect.arrayContaining(['403', '404', '409', '413']));
    expect(doc.paths['/api/results/{id}']?.patch?.responses['403']?.description).toContain('CSRF_INVALID');
    // A public write still needs the CSRF token.
    expect(doc.paths['/api/auth/login']?.post?.responses['403']?.description).toContain('CSRF_INVALID');
    expect(statuses('/api/auth/login', 'post')).toContain('429');
    // Step 1 of registration never answers 409 (it would say the email is registered); step 2 may.
    expect(statuses('/api/auth/register', 'post')).toContain('429');
    expect(statuses('/api/auth/register', 'post')).not.toContain('409');
    expect(statuses('/api/auth/register/confirm', 'post')).toEqual(expect.arrayContaining(['400', '409', '429']));
    expect(statuses('/api/search/results/export', 'get')).toContain('429');
    expect(statuses('/api/search/results', 'get')).not.toContain('429');
    expect(statuses('/api/admin/imports', 'post')).toEqual(expect.arrayContaining(['413', '415']));
    expect(statuses('/api/results/{id}/attachments', 'post')).toEqual(expect.arrayContaining(['413', '415']));
    expect(statuses('/api/search/results', 'get')).not.toContain('415');
  });

  it('answers a wrong method on a known path with 405, an Allow header and a JSON error', async () => {
    const c = await client(testApp());
    const res = await c.agent.delete('/api/search/results');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD, OPTIONS');
    expect((res.body as { error: { code: string; messageEn: string } }).error.code).toBe('METHOD_NOT_ALLOWED');
    const put = await c.agent.put('/api/results/66a000000000000000000001');
    expect(put.status).toBe(405);
    expect(put.headers.allow?.split(', ')).toEqual(expect.arrayContaining(['GET', 'PATCH']));
    const options = await c.agent.options('/api/auth/login');
    expect(options.status).toBe(204);
    expect(options.headers.allow).toBe('OPTIONS, POST');
    // Unknown paths stay 404, and right methods are untouched.
    expect((await c.get('/api/no-such-thing')).status).toBe(404);
    expect((await c.get('/api/search/results')).status).toBe(200);
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
