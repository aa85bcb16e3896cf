import { needSearchQuery, resultSearchQuery, searchResponse, suggestQuery, suggestResponse, type SearchKind } from '@kezhuan/shared';
import type { ApiRouter } from '../../lib/api-router';
import type { PlatformSearch } from '../../search/search.service';
import type { SearchQuery } from '../../search/types';
import { presentHit } from './hit.presenter';
import { needEngineQuery, resultEngineQuery } from './search-query';

async function run(search: PlatformSearch, kind: SearchKind, q: SearchQuery) {
  const r = await search.engine.query(kind, q);
  return { hits: r.hits.map((h) => presentHit(kind, h)), total: r.total, page: r.page, pageSize: r.pageSize, facets: r.facets, engine: r.engine, tookMs: r.tookMs };
}

/** Public search over published listings, with facets and suggestions. */
export function discoveryRoutes(api: ApiRouter, deps: { search: PlatformSearch }): void {
  api.add({
    method: 'get', path: '/search/results', tag: 'search', access: 'public',
    summary: 'Search published research results (full text in Chinese or English, filters, facet counts, sort)',
    query: resultSearchQuery, response: searchResponse,
    handler: ({ query }) => run(deps.search, 'results', resultEngineQuery(query)),
  });
  api.add({
    method: 'get', path: '/search/needs', tag: 'search', access: 'public',
    summary: 'Search published technology needs',
    query: needSearchQuery, response: searchResponse,
    handler: ({ query }) => run(deps.search, 'needs', needEngineQuery(query)),
  });
  api.add({
    method: 'get', path: '/search/suggest', tag: 'search', access: 'public',
    summary: 'Search-as-you-type completions (titles and keywords)',
    query: suggestQuery, response: suggestResponse,
    handler: async ({ query }) => ({ suggestions: await deps.search.engine.suggest(query.kind, query.q, 8) }),
  });
}
