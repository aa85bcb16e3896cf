/**
 * Side-by-side benchmark of the two engines on the ChinaXiv sample: index time, query latency
 * (p50/p95 over keyword queries, with facets and highlights as the listing page asks) and ranking
 * quality (MRR@10; recall@10 = relevant found in the top 10 / min(10, relevant);
 * success@10 = share of queries with a relevant paper in the top 10). Run: `npx tsx server/src/search/bench/engines.bench.ts [copies] [queries]`
 * with MEILI_HOST and MEILI_MASTER_KEY set to include Meilisearch (SKIP_EMBEDDED=1 to run it alone).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedSearchEngine } from '../embedded/engine';
import { MeiliSearchEngine } from '../meili/engine';
import type { SearchEngine } from '../types';
import { chinaxivResults, keywordQueries } from './corpus';

const copies = Number(process.argv[2] ?? 1);
const queryCount = Number(process.argv[3] ?? 500);
// Fractions index a part of the corpus (0.3 → 2,911 papers); quality figures then mean little.
const all = chinaxivResults(Math.max(1, Math.ceil(copies)));
const docs = copies < 1 ? all.slice(0, Math.round(all.length * copies)) : all;
const queries = keywordQueries().slice(0, queryCount);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

async function measure(name: string, engine: SearchEngine): Promise<void> {
  await engine.ensureIndex('results');
  await engine.clear('results');
  const t0 = performance.now();
  await engine.upsert('results', docs);
  const indexSeconds = (performance.now() - t0) / 1000;
  const latencies: number[] = [];
  let mrr = 0;
  let recall = 0;
  let found = 0;
  for (const { query, relevant } of queries) {
    const t = performance.now();
    const r = await engine.query('results', { q: query, page: 1, pageSize: 10, facets: ['city', 'transferModes'] });
    latencies.push(performance.now() - t);
    const rank = r.hits.findIndex((h) => relevant.includes(h.id));
    mrr += rank >= 0 ? 1 / (rank + 1) : 0;
    found += rank >= 0 ? 1 : 0;
    recall += r.hits.filter((h) => relevant.includes(h.id)).length / Math.min(10, relevant.length);
  }
  console.log(
    `${name}: ${docs.length} docs indexed in ${indexSeconds.toFixed(1)} s; ${queries.length} queries p50 ${pct(latencies, 0.5).toFixed(1)} ms, ` +
      `p95 ${pct(latencies, 0.95).toFixed(1)} ms; MRR@10 ${(mrr / queries.length).toFixed(3)}, recall@10 ${(recall / queries.length).toFixed(3)}, ` +
      `success@10 ${(found / queries.length).toFixed(3)}`,
  );
}

if (!process.env.SKIP_EMBEDDED) {
  const dir = mkdtempSync(join(tmpdir(), 'kz-bench-'));
  const file = join(dir, 'embedded.sqlite');
  const embedded = new EmbeddedSearchEngine({ file });
  await measure('embedded (SQLite FTS5)', embedded);
  console.log(`  embedded file ${(statSync(file).size / 1e6).toFixed(0)} MB, heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
  await embedded.close();
  rmSync(dir, { recursive: true, force: true });
}

if (process.env.MEILI_HOST) {
  const meili = new MeiliSearchEngine({ host: process.env.MEILI_HOST, apiKey: process.env.MEILI_MASTER_KEY, indexPrefix: 'kz_bench_' });
  await measure('meilisearch', meili);
  await meili.client.deleteIndex(meili.uid('results')).waitTask();
  await meili.close();
}
