import { needSearchQuery, platformStatsView, resultSearchQuery, type PlatformStatsView } from '@kezhuan/shared';
import type { ApiRouter } from '../../lib/api-router';
import type { PlatformSearch } from '../../search/search.service';
import { needEngineQuery, resultEngineQuery } from '../discovery/search-query';
import { OrgModel } from '../orgs/org.model';

const TTL_MS = 60_000;

/**
 * The platform's counts for the home page, taken from the same searches visitors run (so they match
 * what search shows) and cached for a minute: the home page is the most visited page and must not
 * cost three queries per visit.
 */
export function statsRoutes(api: ApiRouter, deps: { search: PlatformSearch; ttlMs?: number }): void {
  let cached: { at: number; value: Promise<PlatformStatsView> } | undefined;
  const compute = async (): Promise<PlatformStatsView> => {
    const rq = { ...resultEngineQuery(resultSearchQuery.parse({})), facets: ['city'], page: 1, pageSize: 1 };
    const nq = { ...needEngineQuery(needSearchQuery.parse({})), facets: ['city'], page: 1, pageSize: 1 };
    const [results, needs, verifiedOrgs] = await Promise.all([
      deps.search.engine.query('results', rq),
      deps.search.engine.query('needs', nq),
      OrgModel.countDocuments({ verified: true }),
    ]);
    const byCity: Record<string, number> = {};
    for (const facet of [results.facets.city ?? {}, needs.facets.city ?? {}]) {
      for (const [city, n] of Object.entries(facet)) {
        byCity[city] = (byCity[city] ?? 0) + n;
      }
    }
    return { results: results.total, needs: needs.total, verifiedOrgs, byCity, at: new Date().toISOString() };
  };
  api.add({
    method: 'get', path: '/stats', tag: 'platform', access: 'public',
    summary: 'Platform counts for the home page: published results and needs, verified organisations, listings per city (cached for a minute)',
    response: platformStatsView,
    handler: async (_in, _req, res) => {
      const ttl = deps.ttlMs ?? TTL_MS;
      if (!cached || Date.now() - cached.at > ttl) {
        const value = compute();
        cached = { at: Date.now(), value };
        // A failed count is not kept: the next visit tries again.
        value.catch(() => {
          cached = undefined;
        });
      }
      res.set('Cache-Control', `public, max-age=${Math.round(ttl / 1000)}`);
      return cached.value;
    },
  });
}
