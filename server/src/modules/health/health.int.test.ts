import { describe, expect, it } from 'vitest';
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
});
