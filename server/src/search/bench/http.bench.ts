/**
 * Global fetch against the keep-alive `node:http` client, same Meilisearch, same queries, one at a
 * time. Run: `MEILI_HOST=… MEILI_MASTER_KEY=… npx tsx server/src/search/bench/http.bench.ts`.
 */
import { MeiliSearchEngine } from '../meili/engine';
import { chinaxivResults, keywordQueries } from './corpus';

const host = process.env.MEILI_HOST;
if (!host) {
  throw new Error('set MEILI_HOST (and MEILI_MASTER_KEY)');
}
const apiKey = process.env.MEILI_MASTER_KEY;
const rounds = Number(process.argv[2] ?? 300);
const queries = keywordQueries().map((q) => q.query);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * p)]!;

const engines = {
  fetch: new MeiliSearchEngine({ host, apiKey, indexPrefix: 'kz_bench_http_', http: 'fetch' }),
  'keep-alive': new MeiliSearchEngine({ host, apiKey, indexPrefix: 'kz_bench_http_', http: 'keep-alive' }),
};
await engines.fetch.ensureIndex('results');
await engines.fetch.upsert('results', chinaxivResults(1).slice(0, 2_000));

const times: Record<keyof typeof engines, number[]> = { fetch: [], 'keep-alive': [] };
for (let i = 0; i < rounds; i++) {
  // Alternate so both see the same server state and caches.
  for (const name of ['fetch', 'keep-alive'] as const) {
    const t = performance.now();
    await engines[name].query('results', { q: queries[i % queries.length]!, page: 1, pageSize: 10, facets: ['city'] });
    times[name].push(performance.now() - t);
  }
}
for (const [name, xs] of Object.entries(times)) {
  console.log(`${name}: p50 ${pct(xs, 0.5).toFixed(2)} ms, p95 ${pct(xs, 0.95).toFixed(2)} ms, max ${Math.max(...xs).toFixed(1)} ms`);
}
await engines.fetch.client.deleteIndex(engines.fetch.uid('results')).waitTask();
await Promise.all(Object.values(engines).map((e) => e.close()));
