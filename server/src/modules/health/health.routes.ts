import { healthView } from '@kezhuan/shared';
import type { ApiRouter } from '../../lib/api-router';
import { describeDb } from '../../lib/db';
import type { PlatformSearch } from '../../search/search.service';

export function healthRoutes(api: ApiRouter, deps: { embeddedDb: boolean; search: PlatformSearch; version: string }): void {
  api.add({
    method: 'get', path: '/health', tag: 'platform', access: 'public',
    summary: 'Database and search engine status', response: healthView,
    handler: async (_in, _req, res) => {
      const [database, search] = await Promise.all([describeDb(deps.embeddedDb), deps.search.status()]);
      const ok = database.reachable && search.reachable;
      res.status(ok ? 200 : 503);
      return { status: ok ? 'ok' : 'degraded', version: deps.version, database, search };
    },
  });
}
