import { describe, expect, it } from 'vitest';
import { IndexSync } from '../modules/indexing/index-sync';
import { InstrumentModel } from '../modules/instruments/instrument.model';
import { instrumentIndexSource } from '../modules/instruments/instrument.search';
import { PlatformSearch } from '../search/search.service';
import { buildOrg, buildUser } from '../testing/factories';
import { client, testApp, useTestDb } from '../testing/harness';
import { demoInstrumentRows, demoInstruments, INSTRUMENT_HOLDERS, seedDemoInstruments } from './demo-instruments';

useTestDb();

describe('the instrument demo data', () => {
  it('lists about 120 instruments of Jilin’s universities and institutes, deterministic, valid, searchable after the start-up reconciliation', async () => {
    const orgs = new Map<string, { id: import('mongoose').Types.ObjectId; user: import('mongoose').Types.ObjectId }>();
    for (const h of INSTRUMENT_HOLDERS) {
      const org = await buildOrg({ name: h.org, type: h.org.includes('研究所') ? 'institute' : 'university', city: h.city, verified: true });
      orgs.set(h.org, { id: org._id, user: (await buildUser({ role: 'researcher', org: org._id }))._id });
    }
    const now = new Date('2026-06-01T00:00:00Z');
    // Same input, same rows.
    expect(JSON.stringify(demoInstrumentRows(orgs, now))).toBe(JSON.stringify(demoInstrumentRows(orgs, now)));
    const ids = await seedDemoInstruments(orgs, now);
    expect(ids.length).toBeGreaterThanOrEqual(110);
    expect(ids.length).toBeLessThanOrEqual(130);
    expect((await demoInstruments()).map((i) => String(i._id)).sort()).toEqual(ids.map(String).sort());
    // Listed over two years, not all today.
    expect(new Set((await InstrumentModel.find({}, { updatedAt: 1 }).lean()).map((i) => i.updatedAt.toISOString().slice(0, 7))).size).toBeGreaterThan(12);
    const cities = await InstrumentModel.distinct('city');
    expect(cities.sort()).toEqual(['220100', '220200', '222400']);

    const search = PlatformSearch.inMemory('demo instruments');
    const app = testApp({ search });
    const [report] = await new IndexSync(search.engine, [instrumentIndexSource]).reconcile();
    expect(report?.added).toBe(ids.length);
    const anon = await client(app);
    const microscopes = (await anon.get(`/api/instruments?q=${encodeURIComponent('电镜')}`).expect(200)).body as { total: number; facets: { city: Record<string, number> } };
    expect(microscopes.total).toBeGreaterThanOrEqual(10);
    expect(microscopes.facets.city['220200']).toBeGreaterThan(0);
    const nmr = (await anon.get(`/api/instruments?q=${encodeURIComponent('核磁共振波谱仪 600MHz')}`).expect(200)).body as { hits: { name: string; org: { name: string } }[] };
    expect(nmr.hits[0]?.name).toContain('600MHz');
    await search.close();
  });
});
