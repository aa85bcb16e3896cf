import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlatformStatsView } from '@kezhuan/shared';
import { buildResultDoc } from '../../search/contract-fixtures';
import { PlatformSearch } from '../../search/search.service';
import { buildOrg } from '../../testing/factories';
import { testApp, useTestDb } from '../../testing/harness';

useTestDb();
const search = PlatformSearch.inMemory();
const app = testApp({ search });

beforeAll(async () => {
  await search.engine.ensureIndex('results');
  await search.engine.ensureIndex('needs');
  await search.engine.upsert('results', [
    buildResultDoc({ id: 'r1', title: '人参皂苷提取', city: '220100' }),
    buildResultDoc({ id: 'r2', title: '碳纤维原丝', city: '220200' }),
    buildResultDoc({ id: 'r3', title: '汽车电子控制器', city: '220100' }),
  ]);
  await search.engine.upsert('needs', [buildResultDoc({ id: 'n1', title: '玉米深加工副产物利用', city: '220200', cooperationModes: ['joint'], budgetBand: '10w_50w' })]);
  await buildOrg({ verified: true });
  await buildOrg({ verified: true });
  await buildOrg({ verified: false });
});

describe('GET /api/stats', () => {
  it('counts published listings, verified organisations and listings per city, as search does', async () => {
    const res = await request(app).get('/api/stats').expect(200);
    const stats = res.body as PlatformStatsView;
    expect(stats).toMatchObject({ results: 3, needs: 1, verifiedOrgs: 2, byCity: { '220100': 2, '220200': 2 } });
    expect(res.headers['cache-control']).toBe('public, max-age=60');
  });

  it('answers from a cache for a minute instead of counting on every visit', async () => {
    const first = (await request(app).get('/api/stats')).body as PlatformStatsView;
    await search.engine.upsert('results', [buildResultDoc({ id: 'r4', title: '光电子器件', city: '220300' })]);
    const second = (await request(app).get('/api/stats')).body as PlatformStatsView;
    expect(second).toEqual(first);
    // A new app (a restart) counts again.
    expect(((await request(testApp({ search })).get('/api/stats')).body as PlatformStatsView).results).toBe(4);
  });
});
