import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { slowDb } from '../../lib/db';
import { PlatformSearch } from '../../search/search.service';
import { buildUser } from '../../testing/factories';
import { useTestDb } from '../../testing/harness';
import { buildResult, validResultInput } from '../../testing/listing-factories';
import { needIndexSource, resultIndexSource } from '../listings/listing.index-sources';
import { ResearchResultModel } from '../results/result.model';
import { IndexSync } from './index-sync';

useTestDb();

async function titlesFor(search: PlatformSearch, q: string) {
  return (await search.engine.query('results', { q, page: 1, pageSize: 20 })).hits.map((h) => h.doc.title);
}

describe('database → search index consistency', () => {
  it('reconciles missing, stale and orphaned entries after a crash between the two writes', async () => {
    const search = PlatformSearch.inMemory();
    const sync = new IndexSync(search.engine, [resultIndexSource, needIndexSource]);
    const owner = await buildUser({ role: 'researcher' });
    const a = await buildResult(owner, { status: 'published', input: validResultInput({ title: '稀土发光材料制备方法' }) });
    const b = await buildResult(owner, { status: 'published', input: validResultInput({ title: '人参皂苷酶法转化工艺' }) });
    const c = await buildResult(owner, { status: 'published', input: validResultInput({ title: '高光谱土壤养分检测仪' }) });
    await sync.flush();
    expect(await search.engine.count('results')).toBe(3);

    // A write that reached the database but not the index (the process died in between):
    await ResearchResultModel.updateOne({ _id: a._id }, { $set: { title: '稀土长余辉发光材料制备方法' }, $inc: { searchV: 1 } });
    // A document deleted from the database behind the index's back, and one lost from the index:
    await ResearchResultModel.deleteOne({ _id: b._id });
    await search.engine.remove('results', [String(c._id)]);

    const [report] = await sync.reconcile();
    expect(report).toMatchObject({ index: 'results', checked: 2, added: 1, updated: 1, removed: 1 });
    expect(await titlesFor(search, '长余辉')).toEqual(['稀土长余辉发光材料制备方法']);
    expect(await titlesFor(search, '人参皂苷')).toEqual([]);
    expect(await titlesFor(search, '高光谱')).toEqual(['高光谱土壤养分检测仪']);
    const versions = await search.engine.versions('results');
    const stored = await ResearchResultModel.find({}, { searchV: 1, searchDirty: 1 }).lean();
    expect(stored.map((d) => versions.get(String(d._id)))).toEqual(stored.map((d) => d.searchV));
    expect(stored.every((d) => !d.searchDirty)).toBe(true);
    // A second pass finds nothing left to do.
    expect((await sync.reconcile())[0]).toMatchObject({ added: 0, updated: 0, removed: 0 });
  });

  it('keeps a record dirty when it changed while its older version was being pushed', async () => {
    const search = PlatformSearch.inMemory();
    const owner = await buildUser({ role: 'researcher' });
    const r = await buildResult(owner, { status: 'published' });
    // An engine whose upsert lets another request edit the listing while it writes.
    const engine = Object.create(search.engine) as typeof search.engine;
    engine.upsert = async (index, docs) => {
      await ResearchResultModel.updateOne({ _id: r._id }, { $set: { title: '并发修改后的标题', searchDirty: true }, $inc: { searchV: 1 } });
      await search.engine.upsert(index, docs);
    };
    const racing = new IndexSync(engine, [resultIndexSource]);
    await racing.flush();
    expect((await ResearchResultModel.findById(r._id).lean())?.searchDirty).toBe(true);
    await new IndexSync(search.engine, [resultIndexSource]).flush();
    expect(await titlesFor(search, '并发修改')).toEqual(['并发修改后的标题']);
  });

  it('removes a listing from the index when it stops being searchable', async () => {
    const search = PlatformSearch.inMemory();
    const sync = new IndexSync(search.engine, [resultIndexSource]);
    const owner = await buildUser({ role: 'researcher' });
    const r = await buildResult(owner, { status: 'published', input: validResultInput({ title: '撤回前可以检索到的成果' }) });
    await sync.flush();
    expect(await titlesFor(search, '撤回')).toHaveLength(1);
    await ResearchResultModel.updateOne({ _id: r._id }, { $set: { status: 'withdrawn', searchDirty: true }, $inc: { searchV: 1 } });
    await sync.flush();
    expect(await titlesFor(search, '撤回')).toEqual([]);
  });
});

describe('reconciling many records (a bulk import)', () => {
  it('reads them by _id a batch at a time (FerretDB v1: in one pass, not one $in scan per batch) and clears their flags', async () => {
    await ResearchResultModel.deleteMany({}); // the other tests' records
    const search = PlatformSearch.inMemory();
    const owner = await buildUser({ role: 'researcher' });
    const first = await buildResult(owner, { status: 'published' });
    const base = (await ResearchResultModel.findById(first._id).lean())!;
    // 700 more, as an import writes them (no outbox flag); every 7th dirty at version 2.
    const copies = Array.from({ length: 700 }, (_, i) => ({
      ...base, _id: new Types.ObjectId(), title: `批量导入成果${i}`, searchV: i % 7 === 0 ? 2 : 1, searchDirty: i % 7 === 0,
    }));
    await ResearchResultModel.collection.insertMany(copies);
    await search.engine.ensureIndex('results');
    await search.engine.upsert('results', [{ id: new Types.ObjectId().toHexString(), _v: 1, title: '已删除记录' }]);

    const filters: unknown[] = [];
    // The results model, noting the filter of every find.
    const model = resultIndexSource.model;
    const counted = new Proxy(model, {
      get: (target, prop, receiver) => {
        if (prop !== 'find') {
          return Reflect.get(target, prop, receiver);
        }
        return (filter: object, ...rest: []) => {
          filters.push(filter);
          return target.find(filter, ...rest);
        };
      },
    });
    const sync = new IndexSync(search.engine, [{ ...resultIndexSource, model: counted }]);
    const [report] = await sync.reconcile();

    expect(report).toMatchObject({ index: 'results', checked: 701, added: 701, updated: 0, removed: 1 });
    if (slowDb()) {
      expect(filters).toEqual([{}, {}]); // the versions, then the records in one pass
    } else {
      // The versions, then 701 records by _id in two batches (an indexed $in).
      expect(filters.map((f) => Object.keys(f as object))).toEqual([[], ['_id'], ['_id']]);
    }
    expect(await search.engine.count('results')).toBe(701);
    expect(await titlesFor(search, '批量导入成果699')).toContain('批量导入成果699');
    expect(await ResearchResultModel.countDocuments({ searchDirty: true })).toBe(0);
    const versions = await search.engine.versions('results');
    expect(versions.get(String(copies[7]!._id))).toBe(2);
  });
});

describe('a record that cannot be indexed', () => {
  it('stays dirty and does not stop the others', async () => {
    const search = PlatformSearch.inMemory();
    const owner = await buildUser({ role: 'researcher' });
    const good = await buildResult(owner, { status: 'published', input: validResultInput({ title: '可以索引的成果' }) });
    const bad = await buildResult(owner, { status: 'published', input: validResultInput({ title: '无法索引的成果' }) });
    const errors: string[] = [];
    const source = {
      ...resultIndexSource,
      toDocuments: async (records: Parameters<typeof resultIndexSource.toDocuments>[0]) => {
        if (records.some((r) => String(r._id) === String(bad._id))) {
          throw new Error('broken record');
        }
        return resultIndexSource.toDocuments(records);
      },
    };
    const sync = new IndexSync(search.engine, [source], (_err, _index, id) => errors.push(id));
    expect(await sync.flush()).toBe(1);
    expect(errors).toEqual([String(bad._id)]);
    expect(await titlesFor(search, '索引')).toEqual(['可以索引的成果']);
    expect((await ResearchResultModel.findById(bad._id).lean())?.searchDirty).toBe(true);
    expect((await ResearchResultModel.findById(good._id).lean())?.searchDirty).toBe(false);
  });
});
