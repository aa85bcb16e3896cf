/**
 * The quick loop for tuning search quality: the same documents `eval:search` indexes (built in
 * memory with the platform's `toSearchDocument`, no FerretDB, no HTTP), queried through the engines
 * directly with the API's own query translation. Indexes are kept in `--dir` between runs, so a
 * change of query shaping is measured in seconds; pass `--reindex` after a change of the documents.
 * Figures match `eval:search` (same documents, same queries); only latency differs (no HTTP).
 *
 *   npx tsx server/src/search/bench/tune.ts --dir /tmp/kz-tune [--engines embedded,meili]
 *     [--types keyword,known,institution,clc] [--sample 1000] [--reindex] [--misses 10] [--without-keywords]
 *     [--blind title|keywords]  eval:search's long-query checks: that field not searchable; `title`
 *                               sends every paper's title as the query, `keywords` the known-item queries
 *     [--half even|odd]         only the queries of even / odd position (tune on one half, report the other)
 */
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { resultSearchQuery } from '@kezhuan/shared';
import { resultEngineQuery } from '../../modules/discovery/search-query';
import { toSearchDocument } from '../../modules/results/result.search';
import type { ResearchResultRecord } from '../../modules/results/result.model';
import { EmbeddedSearchEngine } from '../embedded/engine';
import { MeiliSearchEngine } from '../meili/engine';
import type { SearchEngine } from '../types';
import { buildChinaxiv } from './chinaxiv-import';
import { benchConfig, chinaxivPapers, configWithout, selectQrels, type Qrel, type QueryType } from './corpus';
import { startHarness } from './harness';
import { markdownTable, scoreRanking, Tally } from './metrics';

const { values: args } = parseArgs({
  options: {
    dir: { type: 'string', default: '/tmp/kz-tune' },
    engines: { type: 'string', default: 'embedded,meili' },
    types: { type: 'string', default: 'keyword,known,institution,clc' },
    sample: { type: 'string', default: '0' },
    reindex: { type: 'boolean', default: false },
    misses: { type: 'string', default: '0' },
    'without-keywords': { type: 'boolean', default: false },
    blind: { type: 'string', default: '' },
    half: { type: 'string', default: '' },
  },
});
mkdirSync(args.dir, { recursive: true });
const blind = args.blind;
const papers = chinaxivPapers();
const picked = blind ? selectQrels(blind === 'title' ? '' : 'known', Number(args.sample)) : selectQrels(args.types, Number(args.sample));
const types: QueryType[] = blind ? ['keywords->paper(known-item)'] : picked.types;
let qrels: Qrel[] = picked.qrels;
if (blind === 'title') {
  const n = Number(args.sample);
  const all = papers.map((p) => ({ qid: `t-${p.id}`, query: p.title, type: 'keywords->paper(known-item)' as const, relevant: [p.id] }));
  qrels = n > 0 && n < all.length ? all.filter((_, i) => i % Math.ceil(all.length / n) === 0) : all;
}
if (args.half) {
  qrels = qrels.filter((_, i) => i % 2 === (args.half === 'even' ? 0 : 1));
}
// Today's midnight (UTC) keeps the documents identical between runs of a day, and unexpired: a
// fixed date let every listing expire months later, and the queries then found nothing.
const today = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
const data = buildChinaxiv(papers, today);
const orgs = new Map(data.orgs.map((o) => [String(o._id), o]));
const docs = data.results.map((r) => toSearchDocument(r as unknown as ResearchResultRecord, orgs.get(String(r.org))!, new Date(today.getTime() + 3_600_000)));
const paperOf = new Map([...data.idOf].map(([paper, id]) => [id, paper]));
const titleOf = new Map(papers.map((p) => [p.id, p.title]));
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const queryOf = new Map(papers.map((p) => [p.id, norm(p.keywords.join(' '))]));

const noKw = args['without-keywords'];
const config = blind ? configWithout(blind) : benchConfig(noKw);
const tag = blind ? `-blind-${blind}` : noKw ? '-nokw' : '';
const harness = await startHarness({ meili: args.engines.includes('meili'), dir: args.dir });
const engines: [string, SearchEngine][] = [];
if (args.engines.includes('embedded')) {
  engines.push(['embedded', new EmbeddedSearchEngine({ file: `${args.dir}/embedded${tag}.sqlite`, config })]);
}
if (args.engines.includes('meili') && harness.meili.host !== null) {
  engines.push(['Meilisearch', new MeiliSearchEngine({ host: harness.meili.host, apiKey: harness.meili.key, indexPrefix: `kz_tune${tag.replace(/-/g, '_')}_`, config })]);
}
const rows: string[][] = types.map((t) => [t]);
try {
  for (const [name, engine] of engines) {
    await engine.ensureIndex('results');
    if (args.reindex || (await engine.count('results')) !== docs.length) {
      const t0 = performance.now();
      await engine.clear('results');
      await engine.upsert('results', docs);
      console.error(`${name}: indexed ${docs.length} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    const tallies = new Map<QueryType, Tally>(types.map((t) => [t, new Tally()]));
    const misses: string[] = [];
    for (const q of qrels) {
      const t = performance.now();
      const r = await engine.query('results', resultEngineQuery(resultSearchQuery.parse({ q: q.query.slice(0, 200), pageSize: 10 })));
      const ranked = r.hits.map((h) => paperOf.get(h.id) ?? h.id);
      const score = scoreRanking(ranked, new Set(q.relevant));
      tallies.get(q.type)!.add(score, performance.now() - t);
      if (score.rr < 1 && misses.length < Number(args.misses)) {
        // A miss whose query is also another paper's title or keyword list (the same text twice in
        // the corpus): no engine can tell them apart.
        const twin = ranked.slice(0, 1).some((id) => !q.relevant.includes(id) && (queryOf.get(id) === norm(q.query) || titleOf.get(id) === q.query));
        const rank = score.rr > 0 ? String(Math.round(1 / score.rr)) : '>10';
        misses.push(`  [${rank}${twin ? ' twin' : ''}] «${q.query}» → ${q.relevant.slice(0, 2).map((id) => titleOf.get(id)).join(' | ')}; got ${ranked.slice(0, 3).map((id) => titleOf.get(id)).join(' | ')}`);
      }
    }
    types.forEach((t, i) => rows[i]!.push(`${tallies.get(t)!.figures()} (${tallies.get(t)!.latency()})`));
    if (misses.length > 0) {
      console.error(`${name} misses:\n${misses.join('\n')}`);
    }
  }
} finally {
  await Promise.all(engines.map(([, e]) => e.close()));
  await harness.close();
}
console.log(markdownTable(['type', ...engines.map(([n]) => `${n} MRR / R@10 / nDCG (p50 / p95)`)], rows));
