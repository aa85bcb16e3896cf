import { describe, expect, it } from 'vitest';
import { buildResultDoc } from '../../search/contract-fixtures';
import { PlatformSearch } from '../../search/search.service';
import { client, testApp, useTestDb } from '../../testing/harness';

useTestDb();

describe('GET /api/health', () => {
  it('reports the database kind, version and reachability, and the search engine', async () => {
    const c = await client(testApp({ embeddedDb: true, search: PlatformSearch.inMemory('test') }));
    const res = await c.get('/api/health').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.database).toMatchObject({ reachable: true, embedded: true });
    if (!process.env.MONGODB_URI) {
      expect(res.body.database.kind).toBe('ferretdb2-documentdb');
      expect(res.body.database.version).toMatch(/^v2\.7\.0 \(MongoDB 7\./);
    }
    expect(res.body.search).toMatchObject({ kind: 'embedded', reachable: true, documents: 0, reason: 'test' });
  });

  it('counts per index what search finds: an expired listing not yet swept counts in neither', async () => {
    const search = PlatformSearch.inMemory('test');
    await search.engine.ensureIndex('results');
    await search.engine.ensureIndex('needs');
    const now = Date.now();
    await search.engine.upsert('results', [
      buildResultDoc({ id: 'a1', title: '有效', expiresAt: now + 86_400_000 }),
      buildResultDoc({ id: 'a2', title: '已过期', expiresAt: now - 1 }),
    ]);
    const c = await client(testApp({ embeddedDb: true, search }));
    const health = await c.get('/api/health').expect(200);
    const found = await c.get('/api/search/results').expect(200);
    expect(found.body.total).toBe(1);
    expect(health.body.search).toMatchObject({ documents: 1, indexes: { results: 1, needs: 0 } });
  });
});
