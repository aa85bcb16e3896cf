/**
 * `npm run bench:search`: what a search engine buys at 10k and 100k listings. In one run, on the
 * same documents (the ChinaXiv papers, replicated with varied titles) and the same 200 keyword
 * queries of qrels: index build time and query latency p50/p95/p99 of the embedded engine (engine
 * direct, the API's query with its facets), beside the naive way, a MongoDB `$regex` scan in
 * FerretDB (`find({$or: [{title: /q/}, {summary: /q/}, {keywords: /q/}]}).limit(10)`), with the
 * ratio regex ÷ engine per figure; Meilisearch at 10k when available (at 100k with --meili-100k).
 *
 *   npm run bench:search [-- --sizes 10000,100000] [--queries 200] [--meili-100k] [--regex-budget 90]
 */
import { parseArgs } from 'node:util';
import mongoose from 'mongoose';
import { resultSearchQuery } from '@kezhuan/shared';
import { ProgressBar } from '../../lib/progress';
import { resultEngineQuery } from '../../modules/discovery/search-query';
import { EmbeddedSearchEngine } from '../embedded/engine';
import { MeiliSearchEngine } from '../meili/engine';
import type { SearchDocument, SearchEngine } from '../types';
import { chinaxivResults, selectQrels } from './corpus';
import { percentile, startHarness } from './harness';
import { fmtInt, markdownTable } from './metrics';

process.env.LOG_LEVEL ??= 'error';
const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000' },
    queries: { type: 'string', default: '200' },
    'meili-100k': { type: 'boolean', default: false },
    /** Seconds of $regex queries per size at most: at 100k a scan takes seconds, so fewer queries run. */
    'regex-budget': { type: 'string', default: '90' },
  },
});
const sizes = args.sizes.split(',').map(Number);
const queries = selectQrels('keyword', Number(args.queries)).qrels.map((q) => q.query);
const budgetMs = Number(args['regex-budget']) * 1000;
/** Suffixes that make the copies' titles differ (the corpus ×10 for 100k). */
const SUFFIXES = ['中试验证', '产业化示范', '长春应用', '吉林市推广', '工艺改进', '第二代', '低成本方案', '集成系统', '延边示范', '四平应用', '通化试点'];

function listings(n: number): SearchDocument[] {
  const base = chinaxivResults(Math.ceil(n / 9702));
  return base.slice(0, n).map((d, i) => (i < 9702 ? d : { ...d, title: `${String(d.title)}（${SUFFIXES[Math.floor(i / 9702) % SUFFIXES.length]}）` }));
}

interface Figures {
  buildMs: number;
  latencies: number[];
  /** Listing pages: no text, 100 hits, every facet of the API, newest first, pages 1…n. */
  facetLatencies: number[];
  /** Queries with at least one hit. */
  found: number;
  note?: string;
}

const FACET_PAGES = 30;
const apiQuery = (q: string) => resultEngineQuery(resultSearchQuery.parse({ q, pageSize: 10 }));

async function measureEngine(name: string, engine: SearchEngine, docs: SearchDocument[]): Promise<Figures> {
  await engine.ensureIndex('results');
  await engine.clear('results');
  const bar = new ProgressBar(`${name.padEnd(9)} ${fmtInt(docs.length).padStart(7)}`);
  const t0 = performance.now();
  const chunk = 5000;
  for (let i = 0; i < docs.length; i += chunk) {
    await engine.upsert('results', docs.slice(i, i + chunk));
    bar.update(Math.min(i + chunk, docs.length), docs.length, 'indexing');
  }
  const f: Figures = { buildMs: performance.now() - t0, latencies: [], facetLatencies: [], found: 0 };
  for (const [i, q] of queries.entries()) {
    const t = performance.now();
    const r = await engine.query('results', apiQuery(q));
    f.latencies.push(performance.now() - t);
    f.found += r.hits.length > 0 ? 1 : 0;
    bar.update(i + 1, queries.length, 'querying');
  }
  // The facet-heavy page a listing view asks for (they once took up to 6.8 s on Meilisearch).
  for (let page = 1; page <= FACET_PAGES; page++) {
    const t = performance.now();
    await engine.query('results', resultEngineQuery(resultSearchQuery.parse({ pageSize: 100, page })));
    f.facetLatencies.push(performance.now() - t);
    bar.update(page, FACET_PAGES, 'listing pages');
  }
  bar.done(`built in ${(f.buildMs / 1000).toFixed(1)} s, p50 ${percentile(f.latencies, 0.5).toFixed(1)} ms`);
  return f;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function measureRegex(docs: SearchDocument[]): Promise<Figures> {
  const coll = mongoose.connection.db!.collection(`bench_listings_${docs.length}`);
  const bar = new ProgressBar(`$regex    ${fmtInt(docs.length).padStart(7)}`);
  const t0 = performance.now();
  for (let i = 0; i < docs.length; i += 1000) {
    await coll.insertMany(docs.slice(i, i + 1000).map(({ id, title, summary, keywords, orgName }) => ({ _id: id as never, title, summary, keywords, orgName })));
    bar.update(Math.min(i + 1000, docs.length), docs.length, 'loading FerretDB');
  }
  const f: Figures = { buildMs: performance.now() - t0, latencies: [], facetLatencies: [], found: 0 };
  const started = performance.now();
  for (const q of queries) {
    const re = new RegExp(escapeRe(q));
    const t = performance.now();
    const hits = await coll.find({ $or: [{ title: re }, { summary: re }, { keywords: re }] }).limit(10).toArray();
    f.latencies.push(performance.now() - t);
    f.found += hits.length > 0 ? 1 : 0;
    bar.update(f.latencies.length, queries.length, 'querying');
    if (performance.now() - started > budgetMs && f.latencies.length < queries.length) {
      f.note = `${f.latencies.length} of ${queries.length} queries (time budget ${budgetMs / 1000} s)`;
      break;
    }
  }
  bar.done(`loaded in ${(f.buildMs / 1000).toFixed(1)} s, p50 ${percentile(f.latencies, 0.5).toFixed(0)} ms${f.note ? `; ${f.note}` : ''}`);
  await coll.drop();
  return f;
}

const started = Date.now();
const wantMeili = sizes.some((n) => n <= 20_000 || args['meili-100k']);
const harness = await startHarness({ meili: wantMeili, dbName: 'kz_bench' });
const columns: { label: string; f: Figures; vs?: Figures }[] = [];
const meili =
  harness.meili.host !== null ? new MeiliSearchEngine({ host: harness.meili.host, apiKey: harness.meili.key || undefined, indexPrefix: `kz_bench_${process.pid}_` }) : undefined;
try {
  for (const n of sizes) {
    const docs = listings(n);
    const embedded = new EmbeddedSearchEngine({ file: `${harness.dir}/embedded-${n}.sqlite` });
    const e = await measureEngine('embedded', embedded, docs);
    await embedded.close();
    const r = await measureRegex(docs);
    columns.push({ label: `${fmtInt(n)} embedded`, f: e }, { label: `${fmtInt(n)} FerretDB $regex`, f: r, vs: e });
    if (meili && (n <= 20_000 || args['meili-100k'])) {
      columns.push({ label: `${fmtInt(n)} Meilisearch`, f: await measureEngine('Meili', meili, docs) });
      await meili.clear('results');
    }
  }
} finally {
  if (meili) {
    await meili.client.deleteIndex(meili.uid('results')).waitTask().catch(() => undefined);
    await meili.close();
  }
  await harness.close();
}

const ms = (x: number) => (x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(1)} ms`);
const cell = (c: (typeof columns)[number], v: (f: Figures) => number, fmt: (x: number) => string) =>
  c.vs ? `${fmt(v(c.f))} (×${(v(c.f) / v(c.vs)).toFixed(v(c.f) / v(c.vs) < 10 ? 1 : 0)})` : fmt(v(c.f));
const rows = [
  ['build: engine index / FerretDB load', ...columns.map((c) => cell(c, (f) => f.buildMs, (x) => `${(x / 1000).toFixed(1)} s`))],
  ...([0.5, 0.95, 0.99] as const).map((p) => [`query p${p * 100}`, ...columns.map((c) => cell(c, (f) => percentile(f.latencies, p), ms))]),
  ...([0.5, 0.95] as const).map((p) => [
    `listing page p${p * 100} (no text, 100 hits, 7 facets)`,
    ...columns.map((c) => (c.f.facetLatencies.length ? ms(percentile(c.f.facetLatencies, p)) : '—')),
  ]),
  ['queries measured (with a hit)', ...columns.map((c) => `${c.f.latencies.length} (${c.f.found})`)],
];
console.log(`\n### Embedded engine vs a $regex scan in FerretDB (ratio regex ÷ engine in brackets)\n`);
console.log(markdownTable(['figure', ...columns.map((c) => c.label)], rows));
const notes = columns.filter((c) => c.f.note).map((c) => `${c.label}: ${c.f.note}`);
console.log(
  `\nQueries: ${queries.length} keyword queries of qrels (every k-th), one at a time, in process; the engines answer the public API's query ` +
    `(7 facets, highlights), $regex only finds 10 documents. ${meili ? '' : `Meilisearch: not measured (${harness.meili.host === null ? harness.meili.why : ''}). `}` +
    `${notes.length ? `Fewer $regex queries: ${notes.join('; ')}. ` : ''}Total ${((Date.now() - started) / 1000).toFixed(0)} s.`,
);
