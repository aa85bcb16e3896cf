import { randomBytes } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { MeiliSearchEngine } from '../../search/meili/engine';
import { PlatformSearch } from '../../search/search.service';
import { client, testApp, useTestDb } from '../../testing/harness';
import { IndexSync } from '../indexing/index-sync';
import { InstrumentModel } from './instrument.model';
import { instrumentIndexSource } from './instrument.search';
import { instrumentLab, validInstrumentInput } from './instrument.testing';

useTestDb();

const meiliHost = inject('meiliHost');
const meiliKey = inject('meiliKey');

const engines: [string, () => PlatformSearch][] = [
  ['embedded', () => PlatformSearch.inMemory('instrument search')],
  ...(meiliHost
    ? ([['meilisearch', () => new PlatformSearch(new MeiliSearchEngine({ host: meiliHost, apiKey: meiliKey, indexPrefix: `kz_test_instr_${randomBytes(4).toString('hex')}_` }), 'instrument search')]] as [string, () => PlatformSearch][])
    : []),
];

describe.each(engines)('GET /api/instruments on the %s engine', (_name, makeSearch) => {
  it('searches with facets, stays consistent after edit and withdrawal, and a reindex repairs a crash', async () => {
    await InstrumentModel.deleteMany({}); // one database for both engines' runs
    const search = makeSearch();
    await search.engine.ensureIndex('instruments');
    const app = testApp({ search });
    const sync = new IndexSync(search.engine, [instrumentIndexSource]);
    const jlu = await instrumentLab(app, { type: 'university' });
    const beihua = await instrumentLab(app, { type: 'university', city: '220200' });
    const tem = (await jlu.c.post('/api/instruments', validInstrumentInput())).body as { id: string };
    const sem = (await jlu.c.post('/api/instruments', validInstrumentInput({ name: '场发射扫描电镜', model: 'Regulus 8100', manufacturer: '日立 Hitachi', price: { unit: 'hour', amount: 400 } }))).body as { id: string };
    const nmr = (await jlu.c.post('/api/instruments', validInstrumentInput({ name: '核磁共振波谱仪 600MHz', model: 'AVANCE NEO', manufacturer: 'Bruker', category: 'analytical', price: { unit: 'sample', amount: 300 }, operatorRequired: false }))).body as { id: string };
    const confocal = (await beihua.c.post('/api/instruments', validInstrumentInput({ name: '激光共聚焦扫描电镜联用系统', city: '220200', category: 'medical_research' }))).body as { id: string };
    // Not searchable before the outbox is pushed; searchable after.
    const anon = await client(app);
    const find = async (qs: string) => (await anon.get(`/api/instruments?${qs}`).expect(200)).body as { hits: { id: string; org: { name: string }; openingHours: unknown[] }[]; total: number; facets: Record<string, Record<string, number>>; orgNames: Record<string, string> };
    expect((await find('q=电镜')).total).toBe(0);
    expect(await sync.flush()).toBe(4);

    const all = await find('q=电镜');
    expect(all.hits.map((h) => h.id).sort()).toEqual([tem.id, sem.id, confocal.id].sort());
    expect(all.facets.city).toEqual({ '220100': 2, '220200': 1 });
    expect(all.facets.orgId?.[String(beihua.org._id)]).toBe(1);
    expect(all.orgNames[String(jlu.org._id)]).toBe(jlu.org.name);
    expect(all.hits.find((h) => h.id === tem.id)?.openingHours).toHaveLength(3);
    // Filtered by city: the city facet keeps the other value selectable.
    const jilin = await find('q=电镜&city=220200');
    expect(jilin.hits.map((h) => h.id)).toEqual([confocal.id]);
    expect(jilin.facets.city).toEqual({ '220100': 2, '220200': 1 });
    expect((await find(`org=${String(jlu.org._id)}&priceUnit=sample`)).hits.map((h) => h.id)).toEqual([nmr.id]);
    expect((await find('operatorRequired=false')).hits.map((h) => h.id)).toEqual([nmr.id]);
    expect((await find('category=medical_research')).total).toBe(1);
    expect((await find('sort=price_asc&pageSize=2')).hits.map((h) => h.id)).toEqual([nmr.id, sem.id]);

    // Edit: the new name is found, the old one no longer; withdrawal leaves search.
    await jlu.c.put(`/api/instruments/${sem.id}`, validInstrumentInput({ name: '热场发射扫描电子显微镜', model: 'SU5000', price: { unit: 'hour', amount: 400 } }));
    await jlu.c.post(`/api/instruments/${tem.id}/withdraw`);
    expect(await sync.flush()).toBe(2);
    expect((await find('q=SU5000')).hits.map((h) => h.id)).toEqual([sem.id]);
    expect((await find('q=Regulus')).hits.map((h) => h.id)).not.toContain(sem.id);
    expect((await find('q=电镜')).hits.map((h) => h.id)).not.toContain(tem.id);
    expect((await find('')).total).toBe(3);

    // A crash between the database write and the index write: the record is changed but not flagged,
    // and an entry was lost. The reindex (reconciliation at start-up, npm run reindex) repairs both.
    await InstrumentModel.updateOne({ _id: nmr.id }, { $set: { name: '超导核磁共振波谱仪', searchDirty: false }, $inc: { searchV: 1 } });
    await search.engine.remove('instruments', [confocal.id]);
    const [report] = await sync.reconcile();
    expect(report).toMatchObject({ index: 'instruments', checked: 4, added: 1, updated: 1 });
    expect((await find('q=超导')).hits.map((h) => h.id)).toEqual([nmr.id]);
    expect((await find('')).total).toBe(3);
    expect(await InstrumentModel.countDocuments({ searchDirty: true })).toBe(0);
    await search.engine.clear('instruments');
    await search.close();
  });
});
