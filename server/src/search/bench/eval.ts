/**
 * `npm run eval:search`: search quality of the platform on the ChinaXiv sample, end to end.
 *
 * Imports the 9,702 papers as published research results into FerretDB (as the seed and bulk
 * imports do: no outbox flag), lets the index sync's reconciliation push them to each engine, then sends every judged query of qrels.jsonl.gz to the public API
 * (`GET /api/search/results?q=…&pageSize=10`, one at a time over a keep-alive connection) and prints
 * MRR@10, recall@10, nDCG@10 per query type and latency, embedded engine beside Meilisearch.
 *
 *   npm run eval:search [-- --engines embedded,meili] [--sample 500] [--types keyword,known]
 *                          [--without-keywords]   keywords stored but not searchable (robustness)
 *                          [--blind title,keywords]  (default both; `--blind none` skips them)
 *
 * Then the long-query checks, each on indexes built with one field stored but not searchable (so
 * a paper can only be found by what else it says, as an enterprise describing its need would):
 * every paper's title as the query with titles not searchable, and every known-item keyword query
 * with keywords not searchable.
 */
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { INDEX_NAMES, type IndexConfig, type IndexName } from '@kezhuan/search-config';
import { createApp } from '../../app';
import { ProgressBar } from '../../lib/progress';
import { createIndexSync } from '../../workers';
import { EmbeddedSearchEngine } from '../embedded/engine';
import { MeiliSearchEngine } from '../meili/engine';
import { ResilientSearchEngine } from '../resilient';
import { PlatformSearch } from '../search.service';
import type { SearchEngine } from '../types';
import { importChinaxiv } from './chinaxiv-import';
import { benchConfig, chinaxivPapers, chinaxivQrels, configWithout, selectQrels, type Qrel, type QueryType } from './corpus';
import { keepAliveGetter, startHarness } from './harness';
import { fmtInt, fmtSec, markdownTable, scoreRanking, Tally } from './metrics';

process.env.LOG_LEVEL ??= 'error';
const { values: args } = parseArgs({
  options: {
    engines: { type: 'string', default: 'embedded,meili' },
    types: { type: 'string', default: 'keyword,known,institution,clc' },
    sample: { type: 'string', default: '0' },
    'without-keywords': { type: 'boolean', default: false },
    blind: { type: 'string', default: 'title,keywords' },
  },
});
const LABEL: Record<QueryType, string> = {
  'keyword->paper': 'keyword → papers', 'keywords->paper(known-item)': 'keywords → paper (known item)',
  'institution->paper(metadata filter)': 'institution → papers (as text)', 'clc_class->paper(label)': 'CLC class → papers (as text)',
};
const noKeywords = args['without-keywords'];
/** The design notes' figures (stock Meilisearch 1.50.0 / plain BM25 over jieba tokens, HTTP, 9.7k papers). */
const STOCK: Record<QueryType, string> = {
  'keyword->paper': 'Meili 0.767 / 0.869; BM25 0.789 / 0.857 (MRR / R@10)',
  'keywords->paper(known-item)': noKeywords ? 'Meili 0.890 (frequency 0.898); BM25 0.962 (MRR)' : 'Meili 0.990; BM25 0.992 (MRR)',
  'institution->paper(metadata filter)': '—',
  'clc_class->paper(label)': '—',
};
const MAX_Q = 200; // the API's limit on q

const sample = Number(args.sample);
const { types, qrels } = selectQrels(args.types, sample);
const config = benchConfig(noKeywords);

/** A long-query check: queries run on indexes where one field is not searchable. */
interface Blind {
  label: string;
  config: Readonly<Record<IndexName, IndexConfig>>;
  qrels: Qrel[];
}
const every = <T>(xs: T[]) => (sample > 0 && sample < xs.length ? xs.filter((_, i) => i % Math.ceil(xs.length / sample) === 0) : xs);
const blinds: Blind[] = [];
if (args.blind.split(',').includes('title')) {
  blinds.push({
    label: 'title → paper (known item), titles not searchable',
    config: configWithout('title'),
    qrels: every(chinaxivPapers().map((p) => ({ qid: `t-${p.id}`, query: p.title, type: 'keywords->paper(known-item)' as const, relevant: [p.id] }))),
  });
}
if (args.blind.split(',').includes('keywords')) {
  blinds.push({
    label: 'keywords → paper (known item), keywords not searchable',
    config: configWithout('keywords'),
    qrels: every(chinaxivQrels().filter((q) => q.type === 'keywords->paper(known-item)')),
  });
}
const blindRuns: { label: string; queries: number; runs: EngineRun[] }[] = [];

interface EngineRun {
  name: string;
  /** The whole reconciliation (FerretDB reads, document mapping, writes to every engine). */
  indexMs: number;
  /** This engine's share: its upserts. */
  writeMs: number;
  tallies: Map<QueryType, Tally>;
  all: Tally;
  note?: string;
}

const started = Date.now();
const harness = await startHarness({ meili: args.engines.includes('meili'), dbName: 'kz_eval' });
const runs: EngineRun[] = [];
let allEngines: SearchEngine[] = [];
let paperOf = new Map<string, string>();

type Named = { name: string; engine: SearchEngine; writeMs: number };

/** Engines with the given settings (own files / index names per tag), indexed by one reconciliation. */
async function indexedEngines(cfg: Readonly<Record<IndexName, IndexConfig>>, tag: string): Promise<{ engines: Named[]; indexMs: number }> {
  const engines: Named[] = [];
  if (args.engines.includes('embedded')) {
    engines.push({ name: 'embedded', engine: new EmbeddedSearchEngine({ file: `${harness.dir}/search/embedded-${tag}.sqlite`, config: cfg }), writeMs: 0 });
  }
  const m = harness.meili;
  if (args.engines.includes('meili') && m.host !== null) {
    const meili = new MeiliSearchEngine({ host: m.host, apiKey: m.key || undefined, indexPrefix: `kz_eval_${process.pid}_${tag}_`, config: cfg });
    engines.push({ name: 'Meilisearch', engine: meili, writeMs: 0 });
  }
  allEngines.push(...engines.map((e) => e.engine));
  // Time each engine's writes inside the one reconciliation.
  for (const e of engines) {
    const upsert = e.engine.upsert.bind(e.engine);
    e.engine.upsert = async (index, docs) => {
      const t = performance.now();
      await upsert(index, docs);
      e.writeMs += performance.now() - t;
    };
  }
  // As the platform runs with Meilisearch: one index sync writing to both (the embedded engine is
  // its fallback), so FerretDB is read once.
  const [first, second] = engines.map((e) => e.engine);
  const target = second ? new ResilientSearchEngine(second, first!) : first!;
  for (const index of INDEX_NAMES) {
    await target.ensureIndex(index);
  }
  const indexBar = new ProgressBar(`index sync ${tag.padEnd(5)}`);
  const t0 = performance.now();
  const [report] = await createIndexSync(new PlatformSearch(target, 'eval')).reconcile((p) => {
    if (p.index === 'results') {
      indexBar.update(p.done, p.total);
    }
  });
  const indexMs = performance.now() - t0;
  const counts = await Promise.all(engines.map(async (e) => `${e.name} ${fmtInt(await e.engine.count('results'))}`));
  indexBar.done(`${fmtInt(report?.added ?? 0)} added by the reconciliation; in the indexes: ${counts.join(', ')}`);
  return { engines, indexMs };
}

/** Sends the queries to the public API over one engine; tallies per query type. */
async function measure(e: Named, indexMs: number, queries: readonly Qrel[], tallyTypes: readonly QueryType[]): Promise<EngineRun> {
  const { name, engine, writeMs } = e;
  const app = createApp({ search: new PlatformSearch(engine, 'eval'), clientDist: null, sessionSecret: 'x'.repeat(40) });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((res) => server.once('listening', () => res()));
  const http = keepAliveGetter(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  const run: EngineRun = { name, indexMs, writeMs, tallies: new Map(tallyTypes.map((t) => [t, new Tally()])), all: new Tally() };
  const queryBar = new ProgressBar(`query ${name.padEnd(11)}`);
  let truncated = 0;
  let wrongEngine = 0;
  // The slowest query, named: a run that once stalled for minutes inside one query must say which.
  let slowest = { ms: 0, query: '' };
  for (const [i, q] of queries.entries()) {
    truncated += q.query.length > MAX_Q ? 1 : 0;
    const t = performance.now();
    const body = (await http.get(`/api/search/results?pageSize=10&q=${encodeURIComponent(q.query.slice(0, MAX_Q))}`)) as {
      hits: { id: string }[];
      engine: string;
    };
    const ms = performance.now() - t;
    if (ms > slowest.ms) {
      slowest = { ms, query: q.query };
    }
    wrongEngine += body.engine === engine.kind ? 0 : 1;
    const score = scoreRanking(body.hits.map((h) => paperOf.get(h.id) ?? h.id), new Set(q.relevant));
    run.tallies.get(q.type)?.add(score, ms);
    run.all.add(score, ms);
    if (i % 50 === 0 || i === queries.length - 1) {
      queryBar.update(i + 1, queries.length, `MRR@10 ${run.all.mrr.toFixed(3)}`);
    }
  }
  queryBar.done(
    `${fmtInt(queries.length)} queries, p50 / p95 ${run.all.latency()}, slowest ${Math.round(slowest.ms)} ms («${slowest.query.slice(0, 60)}»)` +
      `${truncated ? `; ${truncated} cut to ${MAX_Q} characters` : ''}`,
  );
  if (wrongEngine > 0) {
    run.note = `${wrongEngine} answers came from another engine`;
  }
  http.close();
  await new Promise<void>((res) => server.close(() => res()));
  return run;
}

/** Deletes our Meilisearch indexes (MEILI_HOST may be a shared server) and closes the engines. */
async function closeEngines(): Promise<void> {
  for (const engine of allEngines) {
    if (engine instanceof MeiliSearchEngine) {
      for (const index of INDEX_NAMES) {
        await engine.client.deleteIndex(engine.uid(index)).waitTask().catch(() => undefined);
      }
    }
    await engine.close();
  }
  allEngines = [];
}

try {
  const papers = chinaxivPapers();
  const importBar = new ProgressBar('import ChinaXiv  ');
  const imported = await importChinaxiv(papers, importBar);
  importBar.done(
    `${fmtInt(imported.orgs.length)} organisations, ${fmtInt(imported.results.length)} published results; keyword strings split at separators ` +
      `${imported.split.separated}, glued strings split into known keywords ${imported.split.unglued}, title keywords for ${imported.titleKeywords} papers`,
  );
  paperOf = new Map([...imported.idOf].map(([paper, id]) => [id, paper]));
  if (harness.meili.host !== null) {
    console.error(`Meilisearch: ${harness.meili.how}`);
  } else if (args.engines.includes('meili')) {
    console.error(`Meilisearch: not measured (${harness.meili.why})`);
  }

  if (qrels.length > 0) {
    const { engines, indexMs } = await indexedEngines(config, 'main');
    for (const e of engines) {
      runs.push(await measure(e, indexMs, qrels, types));
    }
    await closeEngines();
  }
  // One index at a time: the machine is shared.
  for (const [k, blind] of blinds.entries()) {
    const { engines, indexMs } = await indexedEngines(blind.config, `b${k}`);
    const label = blind.qrels[0]?.type ?? 'keywords->paper(known-item)';
    const bruns: EngineRun[] = [];
    for (const e of engines) {
      bruns.push(await measure(e, indexMs, blind.qrels, [label]));
    }
    blindRuns.push({ label: blind.label, queries: blind.qrels.length, runs: bruns });
    await closeEngines();
  }
} finally {
  await closeEngines();
  await harness.close();
}

const header = ['query type (queries)', ...runs.map((r) => `${r.name} MRR@10 / R@10 / nDCG@10`), 'stock (design notes)'];
const count = (t: QueryType) => qrels.filter((q) => q.type === t).length;
const rows = types.map((t) => [`${LABEL[t]} (${fmtInt(count(t))})`, ...runs.map((r) => r.tallies.get(t)!.figures()), STOCK[t]]);
rows.push(['not found in top 10', ...runs.map((r) => types.map((t) => `${r.tallies.get(t)!.missed}`).join(' / ')), `(per type, in the order above)`]);
rows.push(['latency p50 / p95, HTTP, all queries', ...runs.map((r) => r.all.latency()), 'Meili 4.8 / 10.5 ms; BM25 5.1 / 26.8 ms']);
rows.push([`index sync of ${fmtInt(chinaxivPapers().length)} results: engine writes (whole reconciliation)`, ...runs.map((r) => `${fmtSec(r.writeMs)} (${fmtSec(r.indexMs)})`), 'Meili 21 s; BM25 15.5 s (engine direct)']);
console.log(`\n### Search quality on ChinaXiv through GET /api/search/results (pageSize 10)${noKeywords ? ', keywords not searchable' : ''}\n`);
console.log(markdownTable(header, rows));
if (blindRuns.length > 0) {
  const names = blindRuns[0]!.runs.map((r) => r.name);
  const bheader = ['long query, field not searchable (queries)', ...names.map((n) => `${n} MRR@10 / R@10 / nDCG@10`), `not in top 10 (${names.join(' / ')})`, 'latency p50 / p95'];
  const brows = blindRuns.map((b) => [
    `${b.label} (${fmtInt(b.queries)})`,
    ...b.runs.map((r) => r.all.figures()),
    b.runs.map((r) => String(r.all.missed)).join(' / '),
    b.runs.map((r) => r.all.latency()).join('; '),
  ]);
  console.log(`\n### Long queries: a paper found by what else it says (GET /api/search/results, pageSize 10)\n`);
  console.log(markdownTable(bheader, brows));
}
console.log(
  `\nInstitution and CLC queries are sent as the text they are: the public API has no organisation-name filter, and its ` +
    `discipline filter takes GB/T 13745 codes, onto which CLC classes do not map one to one. ` +
    `${sample > 0 ? `A sample of at most ${sample} queries per type (every k-th), not the full set. ` : ''}` +
    `${runs.map((r) => r.note).filter(Boolean).join('; ')}\nTotal run time ${fmtSec(Date.now() - started)}.`,
);
