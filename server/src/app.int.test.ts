/**
 * Sweeps every API route with hostile input: operator injection, mass assignment and junk bodies.
 * Each must get a 4xx with a clear error, and nothing in the database may change.
 */
import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { buildOrg, buildUser, TEST_PASSWORD } from './testing/factories';
import { client, testApp, useTestDb, type Client } from './testing/harness';
import type { AnyRoute } from './lib/api-router';

useTestDb();

const VOLATILE = new Set(['sessions', 'loginattempts']);

async function snapshot(): Promise<Record<string, unknown[]>> {
  const db = mongoose.connection.db;
  if (!db) {
    throw new Error('no db');
  }
  const out: Record<string, unknown[]> = {};
  for (const c of await db.listCollections().toArray()) {
    if (!VOLATILE.has(c.name)) {
      out[c.name] = await db.collection(c.name).find().sort({ _id: 1 }).toArray();
    }
  }
  return out;
}

function pathFor(route: AnyRoute, id: string): string {
  return `/api${route.path.replace(/:[A-Za-z]+/g, id)}`;
}

function send(c: Client, route: AnyRoute, path: string, body: unknown) {
  const req = c.agent[route.method](path).set('X-CSRF-Token', c.csrf);
  return body === undefined ? req : req.set('Content-Type', 'application/json').send(JSON.stringify(body));
}

const HOSTILE_BODY = {
  $where: 'sleep(100)',
  role: 'admin',
  verified: true,
  _id: '0123456789abcdef01234567',
  owner: '0123456789abcdef01234567',
  createdBy: '0123456789abcdef01234567',
  org: { $ne: null },
  email: { $gt: '' },
};
const JUNK_BODIES: unknown[] = [[], 'text', 42, null, { a: { b: { c: { d: [1, { e: '$x' }] } } } }, { identifier: 'x'.repeat(100_000) }];

describe('every route, with hostile input', () => {
  it('refuses operator injection and mass assignment with 400/401/403, never 5xx, and changes nothing', async () => {
    const app = testApp();
    const admin = await buildUser({ role: 'admin' });
    const org = await buildOrg();
    const c = await client(app);
    expect((await c.login(admin.email, TEST_PASSWORD)).status).toBe(200);
    const before = await snapshot();
    const routes = app.locals.api.routes;
    expect(routes.length).toBeGreaterThan(10);

    for (const route of routes) {
      const path = pathFor(route, String(org._id));
      const label = `${route.method.toUpperCase()} ${route.path}`;
      const injectedQuery = await send(c, route, `${path}?q[$ne]=1&page[$gt]=0&verified[$exists]=true`, undefined);
      expect(injectedQuery.status, `${label} with injected query`).toBe(400);
      expect(injectedQuery.body.error.code, label).toBe('VALIDATION_FAILED');

      if (route.path.includes(':')) {
        const injectedParam = await send(c, route, pathFor(route, encodeURIComponent('{"$ne":null}')), undefined);
        expect(injectedParam.status, `${label} with injected param`).toBe(400);
      }

      const hostile = await send(c, route, path, HOSTILE_BODY);
      expect(hostile.status, `${label} with hostile body`).toBeGreaterThanOrEqual(400);
      expect(hostile.status, `${label} with hostile body`).toBeLessThan(500);

      for (const junk of JUNK_BODIES) {
        const r = await send(c, route, path, junk);
        expect(r.status, `${label} with ${JSON.stringify(junk).slice(0, 40)}`).toBeLessThan(500);
        if (r.status >= 400) {
          expect(r.body.error.message, label).toBeTruthy();
          expect(r.body.error.messageEn, label).toBeTruthy();
        }
      }
    }
    // Still signed in as the same admin, and no document changed anywhere.
    expect((await c.get('/api/users/me')).body.role).toBe('admin');
    expect(await snapshot()).toEqual(before);
  });

  it('answers malformed JSON with a 400 and unknown API paths with a 404', async () => {
    const c = await client(testApp());
    const bad = await c.agent.post('/api/auth/login').set('X-CSRF-Token', c.csrf).set('Content-Type', 'application/json').send('{"identifier": ');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('BAD_REQUEST');
    const missing = await c.get('/api/no-such-thing');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: 'NOT_FOUND', message: '找不到该资源', messageEn: 'Not found' });
  });
});
