import { describe, expect, it } from 'vitest';
import { buildResultDoc } from '../../search/contract-fixtures';
import { PlatformSearch } from '../../search/search.service';
import { client, testApp, useTestDb } from '../../testing/harness';

useTestDb();

async function app() {
  const search = PlatformSearch.inMemory('test');
  await search.engine.ensureIndex('results');
  await search.engine.ensureIndex('needs');
  await search.engine.upsert('results', [
    buildResultDoc({ id: '64b000000000000000000001', title: '石墨烯导热膜的制备', keywords: ['石墨烯', '导热膜'] }),
    buildResultDoc({ id: '64b000000000000000000002', title: '人参皂苷提取纯化', keywords: ['人参', '皂苷'] }),
  ]);
  await search.engine.upsert('needs', [{ id: '64b000000000000000000003', _v: 1, title: '寻求玉米秸秆综合利用技术', problem: '秸秆焚烧污染', city: '220100' }]);
  return client(testApp({ embeddedDb: true, search }));
}

describe('GET /api/search/:kind: what an empty or partial result tells the user', () => {
  it('offers a word from the index for a typo (石墨炼 → 石墨烯) and, on an empty result, counts the other tab', async () => {
    const c = await app();
    // 石墨 alone is a partial match; the whole word is a typo.
    const res = await c.get('/api/search/results').query({ q: '石墨炼' }).expect(200);
    expect(res.body).toMatchObject({ total: 1, partial: true, missingTerms: ['炼'], suggestion: '石墨烯', other: null });
    const none = await c.get('/api/search/results').query({ q: 'xyzzy' }).expect(200);
    expect(none.body).toMatchObject({ total: 0, suggestion: null, other: { kind: 'needs', total: 0 } });
    const needs = await c.get('/api/search/results').query({ q: '秸秆' }).expect(200);
    expect(needs.body).toMatchObject({ total: 0, suggestion: null, other: { kind: 'needs', total: 1 } });
    // A hit needs no suggestion.
    const ok = await c.get('/api/search/results').query({ q: '石墨烯' }).expect(200);
    expect(ok.body).toMatchObject({ total: 1, suggestion: null, other: null, partial: false, missingTerms: [] });
  });

  it('says when no listing has every word and which words the best hit lacks', async () => {
    const c = await app();
    const res = await c.get('/api/search/results').query({ q: '人参 发动机' }).expect(200);
    expect(res.body.hits.map((h: { title: string }) => h.title)).toEqual(['人参皂苷提取纯化']);
    expect(res.body).toMatchObject({ partial: true, missingTerms: ['发动机'], terms: ['人参', '发动机'] });
  });
});
