import { randomBytes } from 'node:crypto';
import { SEARCH_CONFIG, toMeiliSettings } from '@kezhuan/search-config';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runEngineContract } from '../contract';
import { RESULT_DOCS } from '../contract-fixtures';
import { MeiliSearchEngine } from './engine';
import { quoteFilterValue, toMeiliFilter } from './filters';
import { MEILI_DOC_FORMAT } from './homophones';

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

describe.skipIf(!host)('Meilisearch engine', () => {
  runEngineContract('meilisearch', () => Promise.resolve(new MeiliSearchEngine({ host, apiKey, indexPrefix: prefix })));

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
      expect(stored).toMatchObject({ _v: 4, _f: MEILI_DOC_FORMAT, _sub: expect.stringContaining('纤维'), _py: expect.stringContaining('tan xian wei') });
      const hit = (await engine.query('needs', { q: '碳纤维', page: 1, pageSize: 5 })).hits.find((h) => h.id === 'n2');
      expect(Object.keys(hit?.doc ?? {}).filter((k) => ['_sub', '_py', '_f'].includes(k))).toEqual([]);
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

  afterAll(async () => {
    const cleanup = new MeiliSearchEngine({ host, apiKey, indexPrefix: prefix });
    for (const index of ['results', 'needs'] as const) {
      await cleanup.client.deleteIndex(cleanup.uid(index)).waitTask();
    }
    await cleanup.close();
  });
});
