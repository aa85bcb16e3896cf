import { resultSearchQuery } from '@kezhuan/shared';
import { resultEngineQuery } from '/work/h-search/server/src/modules/discovery/search-query';
import { EmbeddedSearchEngine } from '/work/h-search/server/src/search/embedded/engine';
import { configWithout } from '/work/h-search/server/src/search/bench/corpus';
const e = new EmbeddedSearchEngine({ file: '/tmp/hs/tune/embedded-blind-title.sqlite', config: configWithout('title') });
await e.ensureIndex('results');
const r = await e.query('results', resultEngineQuery(resultSearchQuery.parse({ q: process.argv[2], pageSize: 10 })));
console.log(r.total, r.terms, (r as any).partial, r.hits.slice(0,5).map(h=>[(h.doc as any).title, h.matchedTerms]));
