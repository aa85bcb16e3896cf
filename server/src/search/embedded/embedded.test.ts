import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runEngineContract } from '../contract';
import { runInstrumentContract } from '../contract-instruments';
import { buildResultDoc, RESULT_DOCS } from '../contract-fixtures';
import { EmbeddedSearchEngine } from './engine';

runEngineContract('embedded', () => Promise.resolve(new EmbeddedSearchEngine({ file: ':memory:' })));
runInstrumentContract('embedded', () => Promise.resolve(new EmbeddedSearchEngine({ file: ':memory:' })));

describe('embedded engine', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kz-embedded-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('ranks first a listing whose keyword or title is the whole query (exactness)', async () => {
    const engine = new EmbeddedSearchEngine({ file: ':memory:' });
    await engine.upsert('results', [
      // 小麦 in the title (inside 冬小麦) and three times in the summary: BM25 alone ranks it first.
      buildResultDoc({ id: 'w1', title: '冬小麦抗旱品种选育', keywords: ['冬小麦', '抗旱'], summary: '小麦抗旱，小麦节水，小麦增产。' }),
      buildResultDoc({ id: 'w2', title: '盐胁迫对幼苗生长的影响', keywords: ['小麦', '盐胁迫'], summary: '幼苗在盐胁迫下的生长。' }),
      buildResultDoc({ id: 'w3', title: '小麦', keywords: ['育种'], summary: '一个以作物为题的成果。' }),
    ]);
    const r = await engine.query('results', { q: '小麦', page: 1, pageSize: 5 });
    expect(r.hits.map((h) => h.id).slice(0, 2).sort()).toEqual(['w2', 'w3']);
    expect(r.hits[2]?.id).toBe('w1');
    await engine.close();
  });

  it('keeps its documents in the file across close and reopen', async () => {
    const file = join(dir, 'search', 'embedded.sqlite');
    const first = new EmbeddedSearchEngine({ file });
    await first.ensureIndex('results');
    await first.upsert('results', RESULT_DOCS);
    await first.close();

    const again = new EmbeddedSearchEngine({ file });
    await again.ensureIndex('results');
    expect(await again.count('results')).toBe(RESULT_DOCS.length);
    const r = await again.query('results', { q: '碳纤维', page: 1, pageSize: 5 });
    expect(r.hits.map((h) => h.id)).toEqual(['r1']);
    expect(await again.suggest('results', '碳纤', 3)).toContain('碳纤维');
    await again.close();
  });

  it('forgives a homophone typo in Chinese (碳纤唯 → 碳纤维) only when the exact query finds little', async () => {
    const engine = new EmbeddedSearchEngine({ file: ':memory:' });
    await engine.upsert('results', RESULT_DOCS);
    const r = await engine.query('results', { q: '碳纤唯', page: 1, pageSize: 5 });
    expect(r.hits.map((h) => h.id)).toEqual(['r1']);
    expect(r.hits[0]?.highlights.title).toContain('<mark>碳纤维</mark>');
    expect(r.hits[0]?.matchedTerms).toEqual(['碳纤唯']);
    const typoWithWord = await engine.query('results', { q: '人生皂苷', page: 1, pageSize: 5 });
    expect(typoWithWord.hits.map((h) => h.id)).toEqual(['r6']);
    // A correct word that exists is never widened to its homophones.
    await engine.upsert('results', [buildResultDoc({ id: 'x1', title: '碳纤唯一性测试', keywords: [] })]);
    expect((await engine.query('results', { q: '碳纤维', page: 1, pageSize: 5 })).hits.map((h) => h.id)).toEqual(['r1']);
    await engine.close();
  });

  it('forgives a Latin typo and completes the last word', async () => {
    const engine = new EmbeddedSearchEngine({ file: ':memory:' });
    await engine.upsert('results', RESULT_DOCS);
    expect((await engine.query('results', { q: 'grahpene sensor', page: 1, pageSize: 5 })).hits.map((h) => h.id)).toEqual(['r3']);
    expect((await engine.query('results', { q: 'battery monit', page: 1, pageSize: 5 })).hits.map((h) => h.id)).toEqual(['r3']);
    await engine.close();
  });

  it('relaxes to any term, ranking documents with more terms first', async () => {
    const engine = new EmbeddedSearchEngine({ file: ':memory:' });
    await engine.upsert('results', RESULT_DOCS);
    const r = await engine.query('results', { q: '人参 电池 均衡控制', page: 1, pageSize: 10 });
    expect(r.hits[0]?.id).toBe('r5');
    expect(r.hits.map((h) => h.id)).toContain('r6');
    // Several facets are counted over the matches materialised once; the same counts as one facet
    // at a time (counted straight from the full-text match), with and without a filter.
    for (const filter of [undefined, { city: ['220100'] }]) {
      const q = { q: '人参 电池 均衡控制 碳纤维', page: 1, pageSize: 10, ...(filter ? { filters: filter } : {}) };
      const together = await engine.query('results', { ...q, facets: ['city', 'discipline', 'transferModes'] });
      expect(together.total).toBeGreaterThan(0);
      for (const f of ['city', 'discipline', 'transferModes']) {
        const alone = await engine.query('results', { ...q, facets: [f] });
        expect(together.facets[f], f).toEqual(alone.facets[f]);
        expect(Object.values(alone.facets[f] ?? {}).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
      }
    }
    await engine.close();
  });

  it('among partial matches, ranks first the listing that has consecutive query words side by side', async () => {
    const engine = new EmbeddedSearchEngine({ file: ':memory:' });
    // No listing has all three words, so the engine ranks partial matches. p2 covers the rarer
    // words (饲料 is in it alone) but only scattered; p1 says 玉米秸秆, two words of the query in a row.
    await engine.upsert('results', [
      buildResultDoc({ id: 'p1', title: '综合利用', summary: '介绍玉米秸秆的综合利用技术与装备。' }),
      buildResultDoc({ id: 'p2', title: '加工装备', summary: '介绍玉米种植区的饲料加工技术与装备。' }),
      buildResultDoc({ id: 'p3', title: '还田', summary: '秸秆还田对土壤有机质的影响。' }),
      ...['稻田灌溉节水', '果树修剪', '温室番茄栽培', '奶牛养殖管理'].map((t, i) => buildResultDoc({ id: `f${i}`, title: t, summary: `${t}的技术要点。` })),
    ]);
    const r = await engine.query('results', { q: '玉米秸秆饲料', page: 1, pageSize: 5 });
    expect(r.hits.map((h) => h.id).slice(0, 2)).toEqual(['p1', 'p2']);
    await engine.close();
  });

  it('among partial matches, counts a query word whose characters a listing has though jieba cut them otherwise there', async () => {
    const engine = new EmbeddedSearchEngine({ file: ':memory:' });
    // In d1, jieba reads 一双|循环 (a pair of …), so the query's word 双循环 is no token of it; d2
    // says 余热回收 twice (more BM25) but nothing of 双循环. No listing has every word.
    await engine.upsert('results', [
      buildResultDoc({ id: 'd1', title: '柴油机', summary: '本文提出一双循环余热回收系统，高温循环以水为工质。' }),
      buildResultDoc({ id: 'd2', title: '装置', summary: '余热回收装置的余热回收效率。' }),
      ...['稻田灌溉节水', '果树修剪', '温室番茄栽培', '奶牛养殖管理'].map((t, i) => buildResultDoc({ id: `f${i}`, title: t, summary: `${t}的技术要点。` })),
    ]);
    const r = await engine.query('results', { q: '双循环余热回收', page: 1, pageSize: 5 });
    expect(r.hits.map((h) => h.id).slice(0, 2)).toEqual(['d1', 'd2']);
    // Paging past the reordered first positions still shows every listing once.
    const all = [];
    for (let page = 1; page <= 2; page++) {
      all.push(...(await engine.query('results', { q: '双循环余热回收', page, pageSize: 1 })).hits.map((h) => h.id));
    }
    expect(all).toEqual(['d1', 'd2']);
    await engine.close();
  });

  it('among partial matches of about the same coverage, ranks first the listing whose title and keywords have the words', async () => {
    const engine = new EmbeddedSearchEngine({ file: ':memory:' });
    // s2 covers a slightly rarer word (固氮: 5 listings have it, 根瘤 6) but only in passing in a
    // long summary; s1's title and keywords are two of the query's words.
    const fillers = (word: string, n: number, from: number) =>
      Array.from({ length: n }, (_, i) => buildResultDoc({ id: `${word}${i}`, title: `观察${from + i}`, summary: `田间试验记录${word}的变化，第${from + i}组。` }));
    await engine.upsert('results', [
      buildResultDoc({ id: 's1', title: '大豆根瘤菌剂', keywords: ['大豆', '根瘤'], summary: '一种微生物菌剂的制备。' }),
      buildResultDoc({ id: 's2', title: '土壤改良', summary: '大豆产区的土壤改良方法很多，本文讨论轮作与施肥的效果以及秋季深翻的作用，兼顾生物固氮。' }),
      ...fillers('根瘤', 5, 0),
      ...fillers('固氮', 4, 10),
      ...Array.from({ length: 29 }, (_, i) => buildResultDoc({ id: `f${i}`, title: `温室番茄栽培${i}`, summary: '温室番茄栽培的技术要点。' })),
    ]);
    const r = await engine.query('results', { q: '大豆 固氮 根瘤', page: 1, pageSize: 5 });
    expect(r.hits.map((h) => h.id).slice(0, 2)).toEqual(['s1', 's2']);
    // Sorted by a field, coverage alone decides first (the sort orders listings of equal coverage).
    const sorted = await engine.query('results', { q: '大豆 固氮 根瘤', sort: { field: 'publishedAt', order: 'desc' }, page: 1, pageSize: 5 });
    expect(sorted.hits.map((h) => h.id).slice(0, 2)).toEqual(['s2', 's1']);
    await engine.close();
  });

  it('rebuilds an index whose stored layout differs from the config', async () => {
    const file = join(dir, 'rebuild.sqlite');
    const first = new EmbeddedSearchEngine({ file });
    await first.upsert('results', RESULT_DOCS);
    await first.close();
    const { SEARCH_CONFIG } = await import('@kezhuan/search-config');
    const config = { ...SEARCH_CONFIG, results: { ...SEARCH_CONFIG.results, sortable: [...SEARCH_CONFIG.results.sortable, 'updatedAt'] } };
    const changed = new EmbeddedSearchEngine({ file, config });
    await changed.ensureIndex('results');
    expect(await changed.count('results')).toBe(RESULT_DOCS.length);
    const r = await changed.query('results', { q: '', sort: { field: 'updatedAt', order: 'asc' }, page: 1, pageSize: 2 });
    expect(r.total).toBe(RESULT_DOCS.length);
    await changed.close();
  });
});
