import { randomBytes } from 'node:crypto';
import { SEARCH_CONFIG, toMeiliSettings } from '@kezhuan/search-config';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { runEngineContract } from '../contract';
import { runInstrumentContract } from '../contract-instruments';
import { buildResultDoc, RESULT_DOCS } from '../contract-fixtures';
import { MeiliSearchEngine } from './engine';
import { quoteFilterValue, toMeiliFilter } from './filters';
import { MEILI_DOC_FORMAT } from './homophones';
import { coverage, sideBySide } from './relaxed';
import { planQuery, SynonymIndex } from '../text/query-plan';

const host = inject('meiliHost');
const apiKey = inject('meiliKey');
const prefix = `kz_test_meili_${randomBytes(4).toString('hex')}_`;

if (!host) {
  console.warn('[meili.test] skipped: no Meilisearch (set MEILI_HOST or provide ../shared/bin/meilisearch)');
}

describe('Meilisearch filter syntax', () => {
  it('quotes strings so a value cannot add conditions', () => {
    expect(quoteFilterValue('a" OR status = "x')).toBe('"a\\" OR status = \\"x"');
    expect(quoteFilterValue('back\\slash')).toBe('"back\\\\slash"');
  });

  it('translates one value, several values and ranges', () => {
    expect(
      toMeiliFilter([
        { field: 'city', kind: 'keyword', value: 220100 },
        { field: 'transferModes', kind: 'keywords', value: ['license', 'equity'] },
        { field: 'price', kind: 'number', value: { min: 10, max: 20 } },
      ]),
    ).toEqual(['city = "220100"', 'transferModes IN ["license", "equity"]', 'price >= 10', 'price <= 20']);
  });
});

describe('Meilisearch partial matches, ranked locally', () => {
  it('count two consecutive query words side by side once more, at the rarer one\'s weight', () => {
    const plan = planQuery('余热回收 系统', new SynonymIndex([]));
    const weight = new Map([['余热', 6], ['回收', 5], ['系统', 1]]);
    // Both texts have every word; only the first says 余热回收 in a row.
    expect(coverage(plan, '提出一种余热回收系统', weight)).toBe(12 + 5 + 1);
    expect(coverage(plan, '余热来自柴油机，冷却水也被回收利用，整个系统', weight)).toBe(12);
    expect(sideBySide('余热的回收', '余热', '回收')).toBe(true);
    expect(sideBySide('余热经过换热器后回收', '余热', '回收')).toBe(false);
  });
});

describe.skipIf(!host)('Meilisearch engine', () => {
  runEngineContract('meilisearch', () => Promise.resolve(new MeiliSearchEngine({ host, apiKey, indexPrefix: prefix })));
  runInstrumentContract('meilisearch', () => Promise.resolve(new MeiliSearchEngine({ host, apiKey, indexPrefix: `${prefix}i_` })));

  describe('settings and client', () => {
    let engine: MeiliSearchEngine;
    beforeAll(async () => {
      engine = new MeiliSearchEngine({ host, apiKey, indexPrefix: `${prefix}s_` });
      await engine.ensureIndex('needs');
    });
    afterAll(async () => {
      await engine.client.deleteIndex(engine.uid('needs')).waitTask();
      await engine.close();
    });

    it('applies the search-config settings, idempotently', async () => {
      await engine.ensureIndex('needs');
      const settings = await engine.client.index(engine.uid('needs')).getSettings();
      const wanted = toMeiliSettings(SEARCH_CONFIG.needs);
      expect(settings.searchableAttributes).toEqual(wanted.searchableAttributes);
      expect([...(settings.filterableAttributes ?? [])].sort()).toEqual([...wanted.filterableAttributes].sort());
      expect(settings.rankingRules).toEqual(wanted.rankingRules);
      expect(settings.synonyms?.['电动汽车']).toEqual(expect.arrayContaining(['新能源汽车']));
      expect(settings.stopWords).toEqual(expect.arrayContaining(['的', '一种']));
    });

    it('sends no settings task when they are in place already (a normal start)', async () => {
      const updates = async () => (await engine.client.tasks.getTasks({ indexUids: [engine.uid('needs')], types: ['settingsUpdate'], limit: 1000 })).results.length;
      const before = await updates();
      await engine.ensureIndex('needs');
      expect(await updates()).toBe(before);
      // One setting out of place (an older configuration): the settings are sent again.
      await engine.client.index(engine.uid('needs')).updateStopWords(['旧']).waitTask();
      await engine.ensureIndex('needs');
      expect(await engine.client.index(engine.uid('needs')).getStopWords()).toEqual(expect.arrayContaining(['的', '一种']));
    });

    it('works over the global fetch too', async () => {
      const viaFetch = new MeiliSearchEngine({ host, apiKey, indexPrefix: `${prefix}s_`, http: 'fetch' });
      await viaFetch.upsert('needs', [{ ...RESULT_DOCS[0]!, id: 'n1' }]);
      expect(await viaFetch.count('needs')).toBe(1);
      expect(await viaFetch.healthy()).toBe(true);
      await viaFetch.close();
    });

    it('hides its own fields, and reports documents sent before them as stale (version -1) so a reconciliation re-sends them', async () => {
      await engine.upsert('needs', [{ ...RESULT_DOCS[0]!, id: 'n2', _v: 4 }]);
      const stored = await engine.client.index(engine.uid('needs')).getDocument('n2');
      expect(stored).toMatchObject({ _v: 4, _f: MEILI_DOC_FORMAT, _sub: expect.stringContaining('纤维'), _py: expect.stringContaining('tan xian wei'), _exact: expect.arrayContaining(['碳纤维']) });
      const hit = (await engine.query('needs', { q: '碳纤维', page: 1, pageSize: 5 })).hits.find((h) => h.id === 'n2');
      expect(Object.keys(hit?.doc ?? {}).filter((k) => ['_sub', '_py', '_exact', '_f'].includes(k))).toEqual([]);
      // A document as an older server sent it: no hidden fields.
      await engine.client.index(engine.uid('needs')).addDocuments([{ ...RESULT_DOCS[1]!, id: 'n3', _v: 2 }]).waitTask();
      const versions = await engine.versions('needs');
      expect([versions.get('n2'), versions.get('n3')]).toEqual([4, -1]);
    });

    it('says unhealthy when nothing listens', async () => {
      const dead = new MeiliSearchEngine({ host: 'http://127.0.0.1:9', indexPrefix: prefix, timeoutMs: 500 });
      expect(await dead.healthy()).toBe(false);
      await expect(dead.query('results', { q: 'x', page: 1, pageSize: 1 })).rejects.toThrow();
      await dead.close();
    });
  });

  describe('exactness', () => {
    let engine: MeiliSearchEngine;
    const ids = (r: { hits: { id: string }[] }) => r.hits.map((h) => h.id);
    beforeAll(async () => {
      engine = new MeiliSearchEngine({ host, apiKey, indexPrefix: `${prefix}x_` });
      await engine.ensureIndex('results');
      await engine.upsert('results', [
        // 小麦 in the title (inside 冬小麦), first word of the title, and three times in the summary.
        buildResultDoc({ id: 'w1', title: '小麦冬小麦抗旱品种选育', keywords: ['冬小麦', '抗旱'], summary: '小麦抗旱，小麦节水，小麦增产。' }),
        buildResultDoc({ id: 'w2', title: '盐胁迫对幼苗生长的影响', keywords: ['盐胁迫', '小麦'], summary: '幼苗在盐胁迫下的生长。' }),
        buildResultDoc({ id: 'w3', title: '小麦', keywords: ['育种'], summary: '一个以作物为题的成果。' }),
        ...['w4', 'w5', 'w6'].map((id) => buildResultDoc({ id, title: `小麦赤霉病防治${id}`, keywords: ['赤霉病'] })),
      ]);
    });
    afterAll(async () => {
      await engine.client.deleteIndex(engine.uid('results')).waitTask();
      await engine.close();
    });

    it('ranks first a listing whose keyword or title is the whole query, as the embedded engine does', async () => {
      const r = await engine.query('results', { q: '小麦', page: 1, pageSize: 10 });
      expect(ids(r).slice(0, 2).sort()).toEqual(['w2', 'w3']);
      expect(ids(r).sort()).toEqual(['w1', 'w2', 'w3', 'w4', 'w5', 'w6']);
      expect(r.total).toBe(6);
      // An explicit sort is not overruled.
      const sorted = await engine.query('results', { q: '小麦', page: 1, pageSize: 10, sort: { field: 'price', order: 'asc' } });
      expect(sorted.total).toBe(6);
    });

    it('pages through exact and other matches showing every listing once, with facets of the whole query', async () => {
      const all = await engine.query('results', { q: '小麦', page: 1, pageSize: 10, facets: ['industry'] });
      expect(all.facets.industry).toEqual({ C36: 6 });
      const paged: string[] = [];
      for (let page = 1; page <= 4; page++) {
        const r = await engine.query('results', { q: '小麦', page, pageSize: 2 });
        expect(r.total).toBe(6);
        paged.push(...ids(r));
      }
      expect(paged).toEqual(ids(all));
      const odd: string[] = [];
      for (let page = 1; page <= 2; page++) {
        odd.push(...ids(await engine.query('results', { q: '小麦', page, pageSize: 3 })));
      }
      expect(odd).toEqual(ids(all));
    });
  });

  describe('word counts of long queries', () => {
    let engine: MeiliSearchEngine;
    beforeAll(async () => {
      engine = new MeiliSearchEngine({ host, apiKey, indexPrefix: `${prefix}c_` });
      await engine.ensureIndex('results');
      await engine.upsert('results', [buildResultDoc({ id: 'c1', title: '碳纤维复合材料', keywords: ['碳纤维'] })]);
    });
    afterAll(async () => {
      await engine.client.deleteIndex(engine.uid('results')).waitTask();
      await engine.close();
    });

    it('counts each word once until the index changes, and counts again after a write', async () => {
      const spy = vi.spyOn(engine.client, 'multiSearch');
      // The counting queries of one search: no hits, every word required.
      const counted = async (q: string) => {
        spy.mockClear();
        const r = await engine.query('results', { q, page: 1, pageSize: 10 });
        const sent = spy.mock.calls.flatMap(([body]) => (body as { queries: { q?: string; hitsPerPage?: number; matchingStrategy?: string }[] }).queries);
        return { ids: r.hits.map((h) => h.id), counts: sent.filter((x) => x.hitsPerPage === 0 && x.matchingStrategy === 'all').map((x) => x.q) };
      };
      // 量子芯片 (量子|芯片) is in no listing: left out of the query.
      expect(await counted('碳纤维 量子芯片')).toEqual({ ids: ['c1'], counts: ['碳纤维 量子 芯片', '碳纤维', '量子', '芯片'] });
      // Asked again: only the count under the filters (listings with every word).
      expect(await counted('碳纤维 量子芯片')).toEqual({ ids: ['c1'], counts: ['碳纤维 量子 芯片'] });
      // A listing with 量子芯片 arrives (as the index sync sends it): the word counts again.
      await engine.upsert('results', [buildResultDoc({ id: 'c2', title: '量子芯片设计', keywords: ['芯片'] })]);
      const after = await counted('碳纤维 量子芯片');
      expect(after.ids).toContain('c2');
      expect(after.counts).toEqual(['碳纤维 量子 芯片', '碳纤维', '量子', '芯片']);
      await engine.remove('results', ['c2']);
      expect((await counted('碳纤维 量子芯片')).ids).toEqual(['c1']);
      spy.mockRestore();
    });
  });

  afterAll(async () => {
    const cleanup = new MeiliSearchEngine({ host, apiKey, indexPrefix: prefix });
    for (const index of ['results', 'needs'] as const) {
      await cleanup.client.deleteIndex(cleanup.uid(index)).waitTask();
    }
    await cleanup.close();
  });
});
