import request from 'supertest';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resetEnv } from '../../config/env';
import { buildResultDoc } from '../../search/contract-fixtures';
import { PlatformSearch } from '../../search/search.service';
import type { SearchEngine } from '../../search/types';
import { testApp, useTestDb } from '../../testing/harness';
import { EXPORT_LIMITS } from './export.limits';

useTestDb();
const search = PlatformSearch.inMemory();
const T0 = Date.UTC(2025, 0, 1);

beforeAll(async () => {
  await search.engine.ensureIndex('results');
  const docs = Array.from({ length: 250 }, (_, i) =>
    buildResultDoc({ id: `e${String(i).padStart(3, '0')}`, title: `寒地作物成果${i}`, publishedAt: T0 + i * 60_000 }),
  );
  await search.engine.upsert('results', docs);
});

afterEach(() => {
  delete process.env.PUBLIC_URL;
  resetEnv();
});

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const r = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  r.on('data', (d: Buffer) => chunks.push(d));
  r.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('export streaming and links', () => {
  it('streams every page and links to the configured public URL, whatever the Host header says', async () => {
    process.env.PUBLIC_URL = 'https://kz.jl.gov.cn/';
    resetEnv();
    const app = testApp({ search });
    const res = await request(app).get('/api/search/results/export?format=csv').set('Host', 'evil.example').buffer(true).parse(binary);
    expect(res.status).toBe(200);
    // Streamed: chunked, no Content-Length computed from a finished buffer.
    expect(res.headers['content-length']).toBeUndefined();
    expect(res.headers['x-export-rows']).toBe('250');
    const text = (res.body as Buffer).toString('utf8');
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(251);
    expect(text).toContain('"https://kz.jl.gov.cn/results/e000"');
    expect(text).not.toContain('evil.example');
  });

  it('defaults the link origin to http://localhost:PORT', async () => {
    const app = testApp({ search });
    const res = await request(app).get('/api/search/results/export?format=csv&q=成果7').set('Host', 'evil.example').buffer(true).parse(binary);
    expect((res.body as Buffer).toString('utf8')).toMatch(/"http:\/\/localhost:\d+\/results\/e\d+"/);
    expect((res.body as Buffer).toString('utf8')).not.toContain('evil.example');
  });
});

describe('export limits', () => {
  it('allows an anonymous IP address a few exports an hour, then answers 429 with Retry-After', async () => {
    const app = testApp({ search });
    for (let i = 0; i < EXPORT_LIMITS.anonymousPerHour; i++) {
      expect((await request(app).get('/api/search/results/export?format=csv&q=成果1')).status).toBe(200);
    }
    const refused = await request(app).get('/api/search/needs/export?format=csv');
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    expect((refused.body as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
  });

  it('runs one export at a time per client', async () => {
    const slow: SearchEngine = Object.create(search.engine) as SearchEngine;
    slow.query = async (index, q) => {
      await new Promise((r) => setTimeout(r, 150));
      return search.engine.query(index, q);
    };
    const app = testApp({ search: new PlatformSearch(slow, 'test') });
    const first = request(app).get('/api/search/results/export?format=xlsx').buffer(true).parse(binary).then((r) => r);
    await new Promise((r) => setTimeout(r, 60));
    const second = await request(app).get('/api/search/results/export?format=csv');
    expect(second.status).toBe(429);
    const done = await first;
    expect(done.status).toBe(200);
    // And the next one is allowed again once the first has finished.
    expect((await request(app).get('/api/search/results/export?format=csv&q=成果2')).status).toBe(200);
  });
});
