import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LONG_DOC, RESULT_DOCS, buildResultDoc } from './contract-fixtures';
import type { SearchEngine, SearchQuery, SearchResult } from './types';

/**
 * The conformance suite both engines (and the resilient wrapper) must pass: same documents, same
 * queries, same answers. `makeEngine` returns a fresh engine whose indexes no other test file sees.
 */
export function runEngineContract(name: string, makeEngine: () => Promise<SearchEngine>): void {
  describe(`${name}: search engine contract`, () => {
    let engine: SearchEngine;
    const search = (q: string, extra: Partial<SearchQuery> = {}): Promise<SearchResult> =>
      engine.query('results', { q, page: 1, pageSize: 20, ...extra });
    const ids = (r: SearchResult) => r.hits.map((h) => h.id);
    const seed = async () => {
      await engine.clear('results');
      await engine.upsert('results', RESULT_DOCS);
    };

    beforeAll(async () => {
      engine = await makeEngine();
      await engine.ensureIndex('results');
      await engine.ensureIndex('needs');
      await seed();
    });

    afterAll(async () => {
      await engine.clear('results');
      await engine.close();
    });

    describe('text', () => {
      it('finds Chinese words inside longer text (jieba segmentation)', async () => {
        expect(ids(await search('复合材料'))).toEqual(['r1']);
        expect(ids(await search('燃料乙醇'))).toContain('r2');
        expect(ids(await search('皂苷'))).toEqual(['r6']);
      });

      it('finds a shorter word inside a longer one: 纤维 in 碳纤维', async () => {
        expect(ids(await search('纤维'))).toContain('r1');
      });

      it('forgives a homophone typo in Chinese (碳纤唯 → 碳纤维), marking the word found', async () => {
        const r = await search('碳纤唯');
        expect(ids(r)).toEqual(['r1']);
        expect(r.hits[0]?.highlights.title).toContain('<mark>碳纤维</mark>');
        expect(r.hits[0]?.matchedTerms).toEqual(['碳纤唯']);
        // A word typed right is not widened to words that only sound like it.
        expect(ids(await search('碳纤维'))).toEqual(['r1']);
      });

      it('finds English and mixed text', async () => {
        expect(ids(await search('graphene'))).toEqual(['r3']);
        expect(ids(await search('battery monitoring'))).toEqual(['r3']);
        expect(ids(await search('deep learning 缺陷'))[0]).toBe('r4');
        expect(ids(await search('ＡＩ'))).toContain('r4');
      });

      it('expands synonyms both ways: 电动汽车 finds 新能源汽车', async () => {
        const r = await search('电动汽车');
        expect(ids(r)).toEqual(expect.arrayContaining(['r5', 'r7']));
        const back = await search('新能源汽车');
        expect(ids(back)).toEqual(expect.arrayContaining(['r5', 'r7']));
        // An English word of a group finds the Chinese documents.
        expect(ids(await search('composite'))).toContain('r1');
      });

      it('highlights the matched Chinese word with <mark> and escapes HTML', async () => {
        const [hit] = (await search('碳纤维')).hits;
        expect(hit?.id).toBe('r1');
        expect(hit?.highlights.title).toContain('<mark>碳纤维</mark>');
        expect(hit?.matchedTerms).toContain('碳纤维');
        const bms = (await search('BMS')).hits.find((h) => h.id === 'r5');
        expect(bms?.highlights.title).toContain('<mark>BMS</mark>');
        expect(bms?.highlights.title).not.toContain('<v2>');
        expect(bms?.highlights.title).toMatch(/&(lt|#60);v2&(gt|#62); &(amp|#38);/);
      });

      it('reports the query terms each hit matched', async () => {
        const [hit] = (await search('碳纤维 复合材料')).hits;
        expect(hit?.matchedTerms).toEqual(expect.arrayContaining(['碳纤维', '复合材料']));
      });

      it('takes any text as a query without failing', async () => {
        for (const odd of ['"(*)', 'NOT AND OR NEAR', '*', "'", '🚗 电池', 'a'.repeat(300), '的 的 的', '  ']) {
          const r = await search(odd);
          expect(r.total).toBeGreaterThanOrEqual(0);
        }
        expect(ids(await search('🚗 电池'))).toContain('r5');
      });

      it('returns the stored document, extra fields included', async () => {
        const [hit] = (await search('皂苷')).hits;
        expect(hit?.doc).toMatchObject({ id: 'r6', _v: 1, city: '220500', transferModes: ['license', 'service'] });
      });

      it('completes prefixes from titles and keywords', async () => {
        expect(await engine.suggest('results', '碳纤', 5)).toContain('碳纤维');
        expect(await engine.suggest('results', 'gra', 5)).toContain('graphene');
        expect((await engine.suggest('results', '人参', 3)).length).toBeGreaterThan(0);
        expect(await engine.suggest('results', '', 5)).toEqual([]);
      });
    });

    describe('filters, facets, sort and pages', () => {
      it('filters by one value, any of several values, and a numeric range', async () => {
        expect(ids(await search('', { filters: { city: '220200' } })).sort()).toEqual(['r2', 'r5']);
        expect(ids(await search('', { filters: { transferModes: ['equity', 'service'] } })).sort()).toEqual(['r2', 'r6']);
        expect(ids(await search('', { filters: { price: { min: 500_000, max: 1_600_000 } } })).sort()).toEqual(['r1', 'r4', 'r6']);
        expect(ids(await search('汽车', { filters: { orgType: 'enterprise' } }))).toEqual(['r5']);
      });

      it('cannot be escaped from through a filter value', async () => {
        const r = await search('', { filters: { city: '220100" OR city = "220200' } });
        expect(r.total).toBe(0);
      });

      it('rejects attributes that are not filterable or sortable', async () => {
        await expect(search('', { filters: { title: 'x' } })).rejects.toThrow(/filterable/);
        await expect(search('', { sort: { field: 'title', order: 'asc' } })).rejects.toThrow(/sortable/);
      });

      it('counts facets over the matching set, respecting filters and text', async () => {
        const all = await search('', { facets: ['city', 'maturity', 'transferModes'] });
        expect(all.facets.city).toEqual({ '220100': 4, '220200': 2, '220500': 1 });
        expect(all.facets.maturity).toEqual({ pilot: 2, industrial: 3, lab: 1, pilot_small: 1 });
        expect(all.facets.transferModes).toEqual({ transfer: 2, license: 4, equity: 1, co_development: 2, service: 1 });
        const industrial = await search('', { filters: { maturity: 'industrial' }, facets: ['city', 'transferModes'] });
        expect(industrial.total).toBe(3);
        expect(industrial.facets.city).toEqual({ '220200': 2, '220500': 1 });
        expect(industrial.facets.transferModes).toEqual({ equity: 1, transfer: 1, license: 1, service: 1 });
        const text = await search('技术', { facets: ['city'] });
        expect(ids(text).sort()).toEqual(['r6', 'r7']);
        expect(text.facets.city).toEqual({ '220100': 1, '220500': 1 });
      });

      it('lists the newest first for an empty query and sorts by date and price', async () => {
        expect(ids(await search(''))).toEqual(['r7', 'r6', 'r5', 'r4', 'r3', 'r2', 'r1']);
        expect(ids(await search('', { sort: { field: 'publishedAt', order: 'asc' } }))).toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7']);
        // 面议 (price null) comes last either way.
        expect(ids(await search('', { sort: { field: 'price', order: 'asc' } }))).toEqual(['r3', 'r7', 'r6', 'r1', 'r4', 'r5', 'r2']);
        expect(ids(await search('', { sort: { field: 'price', order: 'desc' } }))).toEqual(['r5', 'r4', 'r1', 'r6', 'r7', 'r3', 'r2']);
        expect(ids(await search('汽车', { sort: { field: 'price', order: 'asc' }, filters: { price: { min: 1 } } }))[0]).toBe('r7');
      });

      it('pages with a stable total', async () => {
        const pages = await Promise.all([1, 2, 3].map((page) => search('', { page, pageSize: 3 })));
        expect(pages.map((p) => p.total)).toEqual([7, 7, 7]);
        expect(pages.map(ids)).toEqual([['r7', 'r6', 'r5'], ['r4', 'r3', 'r2'], ['r1']]);
        expect(pages[1]).toMatchObject({ page: 2, pageSize: 3 });
      });
    });

    describe('long queries', () => {
      // 温控 is the rarest word of 水稻育秧温控 (one listing), 育秧 next (two), 水稻 the commonest.
      const docs = [
        buildResultDoc({ id: 'q1', title: '寒地水稻育秧技术', keywords: ['水稻', '育秧'] }),
        buildResultDoc({ id: 'q2', title: '大棚温控系统', keywords: ['大棚'] }),
        buildResultDoc({ id: 'q3', title: '蔬菜育秧基质', keywords: ['基质'] }),
        buildResultDoc({ id: 'q4', title: '水稻品种选育', keywords: ['品种'] }),
        buildResultDoc({ id: 'q5', title: '水稻病虫害绿色防控', keywords: ['防控'] }),
        buildResultDoc({ id: 'q6', title: '体液检测新方法', summary: '细胞外囊泡是近年来新兴的研究领域。' }),
        buildResultDoc({ id: 'q7', title: '细胞培养技术', summary: '细胞培养基的优化。' }),
        // A paper searched by its own keywords. The query reads 球菌|酶重组|表达: jieba glues the
        // lone 酶 to the next word, a phrase spanning two keywords of q8 that only q9 has as written.
        buildResultDoc({ id: 'q8', title: '溶葡球菌酶的诱变育种', keywords: ['溶葡球菌酶', '重组表达', '诱变'] }),
        buildResultDoc({ id: 'q9', title: '酶重组表达技术', keywords: ['重组表达'] }),
      ];
      beforeAll(async () => {
        await engine.upsert('results', docs);
      });
      afterAll(async () => {
        await engine.remove('results', docs.map((d) => d.id));
      });

      it('finds a listing that lacks the rarest word of the query, ranked by the rarity of the words it has', async () => {
        const r = await search('水稻育秧温控');
        // q1 has 水稻 and 育秧, q2 only the rarest word 温控: the two together outweigh it.
        expect(ids(r).slice(0, 2)).toEqual(['q1', 'q2']);
        expect(ids(r)).toEqual(expect.arrayContaining(['q3', 'q4', 'q5']));
        expect(r.hits[0]?.matchedTerms).toEqual(['水稻', '育秧']);
        expect(r.total).toBe(r.hits.length);
      });

      it('still finds listings when one word of the query is in no listing at all', async () => {
        const r = await search('水稻 量子');
        expect(ids(r).sort()).toEqual(['q1', 'q4', 'q5']);
        expect(r.terms).toEqual(['水稻', '量子']);
        expect(r.hits.every((h) => !h.matchedTerms.includes('量子'))).toBe(true);
      });

      it('segments a word jieba can only guess the same way in the listing and in the query (细胞外囊泡)', async () => {
        // With jieba's HMM the listing was stored as 细胞|外囊|泡 and the query read 细胞|外|囊|泡.
        // Then no listing had every word, and q7 (细胞 twice) outranked q6.
        const r = await search('细胞外囊泡');
        expect(ids(r)[0]).toBe('q6');
        expect(r.hits[0]?.matchedTerms).toEqual(r.terms);
      });

      it('ranks first the listing that has every word of the query, even where a phrase of the query spans two of its keywords', async () => {
        const r = await search('球菌酶 重组表达');
        expect(r.terms).toEqual(['球菌', '酶重组', '表达']);
        expect(ids(r)[0]).toBe('q8');
        expect(r.hits[0]?.matchedTerms).toEqual(r.terms);
        // q9 has the phrase as written but not 球菌.
        expect(ids(r).indexOf('q9')).toBeGreaterThan(0);
      });

      it('pages through a relaxed long query showing every listing once', async () => {
        const all = ids(await search('水稻育秧温控', { pageSize: 20 }));
        const paged: string[] = [];
        for (let page = 1; page <= 3; page++) {
          paged.push(...ids(await search('水稻育秧温控', { page, pageSize: 2 })));
        }
        expect(paged).toEqual(all);
      });
    });

    describe('writes', () => {
      beforeEach(seed);

      it('counts documents and reports their versions', async () => {
        expect(await engine.count('results')).toBe(7);
        const versions = await engine.versions('results');
        expect(versions.size).toBe(7);
        expect(versions.get('r1')).toBe(1);
      });

      it('replaces a document on upsert', async () => {
        await engine.upsert('results', [buildResultDoc({ id: 'r1', _v: 2, title: '石墨烯导热膜', keywords: ['石墨烯'] })]);
        expect(ids(await search('复合材料'))).toEqual([]);
        expect(ids(await search('导热膜'))).toEqual(['r1']);
        expect((await engine.versions('results')).get('r1')).toBe(2);
        expect(await engine.count('results')).toBe(7);
        expect(await engine.suggest('results', '碳纤', 5)).not.toContain('碳纤维');
      });

      it('removes documents', async () => {
        await engine.remove('results', ['r6', 'missing']);
        expect(ids(await search('皂苷'))).toEqual([]);
        expect(await engine.count('results')).toBe(6);
        expect((await engine.versions('results')).has('r6')).toBe(false);
      });

      it('shows a snippet around the first match of a long field', async () => {
        await engine.upsert('results', [LONG_DOC]);
        const [hit] = (await search('融雪剂')).hits;
        expect(hit?.id).toBe('r8');
        expect(hit?.highlights.summary).toContain('<mark>融雪剂</mark>');
        expect(hit?.highlights.summary?.startsWith('…')).toBe(true);
        expect(hit?.highlights.summary?.length).toBeLessThan(String(LONG_DOC.summary).length);
      });

      it('breaks ties by the unique key: paging through equal dates shows every listing once, in the same order on every engine', async () => {
        const same = Array.from({ length: 23 }, (_, i) => buildResultDoc({ id: `t${String(i).padStart(2, '0')}`, title: `并列 ${i}`, publishedAt: 5, price: 1 }));
        await engine.clear('results');
        await engine.upsert('results', same);
        const expected = same.map((d) => d.id).sort().reverse();
        for (const sort of [undefined, { field: 'publishedAt', order: 'desc' } as const, { field: 'price', order: 'asc' } as const]) {
          const seen: string[] = [];
          for (let page = 1; page <= 5; page++) {
            seen.push(...ids(await search('', { page, pageSize: 5, ...(sort ? { sort } : {}) })));
          }
          expect(seen).toEqual(expected);
        }
        // Equal relevance too.
        const byText: string[] = [];
        for (let page = 1; page <= 5; page++) {
          byText.push(...ids(await search('并列', { page, pageSize: 5 })));
        }
        expect(byText).toEqual(expected);
      });

      it('hides documents whose expiresAt has passed when asked for the listings active at an instant', async () => {
        await engine.upsert('results', [
          buildResultDoc({ id: 'x1', title: '过期的皂苷提取', expiresAt: 1_000 }),
          buildResultDoc({ id: 'x2', title: '有效的皂苷提取', expiresAt: 3_000 }),
          buildResultDoc({ id: 'x3', title: '无期限的皂苷提取', expiresAt: null }),
        ]);
        expect(ids(await search('皂苷', { activeAt: 2_000 })).sort()).toEqual(['r6', 'x2', 'x3']);
        expect(ids(await search('皂苷')).sort()).toEqual(['r6', 'x1', 'x2', 'x3']);
        expect((await search('', { activeAt: 2_000 })).total).toBe(9);
      });

      it('does not expand a Chinese word to an ambiguous abbreviation (碳纤维 ↛ CF), but a typed abbreviation finds the word', async () => {
        await engine.upsert('results', [buildResultDoc({ id: 'f1', title: '复合肥 CF 在玉米上的施用效果', keywords: ['复合肥', 'CF'] })]);
        expect(ids(await search('碳纤维'))).toEqual(['r1']);
        expect(ids(await search('cf')).sort()).toEqual(['f1', 'r1']);
      });

      it('never falls back to a single character of a longer word (磁 of 磁流变抛光, 苷 of 人参皂苷)', async () => {
        await engine.upsert('results', [
          buildResultDoc({ id: 'm1', title: '磁与电的耦合测量', keywords: ['测量'] }),
          buildResultDoc({ id: 'm2', title: '光学元件精密抛光工艺', keywords: ['抛光'] }),
          buildResultDoc({ id: 'm3', title: '甜菊苷的分离', keywords: ['分离'] }),
        ]);
        const r = await search('磁流变抛光');
        expect(ids(r)).toEqual(['m2']);
        // Partial: the hit lacks a term of the query, and the engine says which terms it looked for.
        expect(r.terms.length).toBeGreaterThan(1);
        expect(r.terms.every((t) => r.hits[0]!.matchedTerms.includes(t))).toBe(false);
        expect(ids(await search('人参皂苷'))).toEqual(['r6']);
        expect(ids(await search('黄芪皂苷'))).not.toContain('m3');
      });

      it('finds a listing by each of its keywords, the 15th as the first', async () => {
        const keywords = ['复合材料', '界面改性', '偶联剂', '热压成型', '层间剪切', '疲劳寿命', '湿热老化', '声发射', '损伤容限', '树脂浸渍', '预浸料', '固化动力学', '玻璃化转变', '纤维取向', '微波固化'];
        await engine.upsert('results', [buildResultDoc({ id: 'k1', title: '十五个关键词的成果', keywords })]);
        expect(ids(await search('微波固化'))).toEqual(['k1']);
        expect(ids(await search('偶联剂'))).toEqual(['k1']);
      });

      it('keeps indexes apart and clears one without touching the other', async () => {
        await engine.upsert('needs', [{ id: 'n1', _v: 1, title: '寻求玉米秸秆综合利用技术', problem: '秸秆焚烧污染', city: '220100' }]);
        expect(ids(await engine.query('needs', { q: '秸秆', page: 1, pageSize: 10 }))).toEqual(['n1']);
        await engine.clear('results');
        expect(await engine.count('results')).toBe(0);
        expect((await search('')).total).toBe(0);
        expect(await engine.count('needs')).toBe(1);
        await engine.clear('needs');
      });
    });
  });
}
