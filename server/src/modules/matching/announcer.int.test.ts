import { describe, expect, it } from 'vitest';
import { PlatformSearch } from '../../search/search.service';
import { buildUser } from '../../testing/factories';
import { testApp, useTestDb } from '../../testing/harness';
import { buildNeed, buildResult, signedInAs, validResultInput } from '../../testing/listing-factories';
import { IndexSync } from '../indexing/index-sync';
import { needIndexSource, resultIndexSource } from '../listings/listing.index-sources';
import { NotificationModel } from '../notifications/notification.model';
import { ResearchResultModel } from '../results/result.model';
import { announcePublications } from './announcer';

useTestDb();

describe('announcing new publications', () => {
  it('notifies matching subscriptions and owners of fitting needs once, and never the publisher', async () => {
    const search = PlatformSearch.inMemory();
    const app = testApp({ search });
    const sync = new IndexSync(search.engine, [resultIndexSource, needIndexSource]);
    const enterprise = await buildUser({ role: 'enterprise' });
    const watcher = await buildUser({ role: 'enterprise' });
    const researcher = await buildUser({ role: 'researcher' });
    await buildNeed(enterprise, { status: 'published' }); // 汽车轻量化碳纤维部件 …
    await sync.flush();
    await announcePublications(search.engine); // the need itself: nothing to tell yet

    const c = await signedInAs(app, watcher);
    const saved = await c.post('/api/saved-searches', { kind: 'results', name: '碳纤维成果', params: { q: '碳纤维', city: ['220100'] } });
    expect(saved.status).toBe(201);
    const other = await c.post('/api/saved-searches', { kind: 'results', name: '人参', params: { q: '人参皂苷' } });
    expect(other.status).toBe(201);

    await buildResult(researcher, {
      status: 'published',
      input: validResultInput({
        title: '碳纤维复合材料快速成型技术', keywords: ['碳纤维', '快速成型', '轻量化'], industry: 'C36', discipline: '430', price: 1_000_000,
        summary: '面向汽车轻量化，开发快速固化树脂与高速模压工艺，碳纤维部件成型周期缩短到5分钟以内，成本降低30%，已完成中试。',
      }),
    });
    await sync.flush();
    expect(await announcePublications(search.engine)).toBe(1);
    expect(await announcePublications(search.engine)).toBe(0);

    const forWatcher = await NotificationModel.find({ user: watcher._id }).lean();
    expect(forWatcher.map((n) => n.title)).toEqual(['新成果符合您订阅的“碳纤维成果”']);
    const forEnterprise = await NotificationModel.find({ user: enterprise._id }).lean();
    expect(forEnterprise).toHaveLength(1);
    expect(forEnterprise[0]?.title).toMatch(/^新发布的成果与您的需求“汽车轻量化碳纤维部件低成本快速成型”匹配（\d+ 分）$/);
    expect(await NotificationModel.countDocuments({ user: researcher._id })).toBe(0);
    expect(await ResearchResultModel.countDocuments({ announcedAt: null })).toBe(0);
  });

  it('does not tell a need owner about a result that shares no key term, however well the rest fits', async () => {
    const search = PlatformSearch.inMemory('floor');
    const sync = new IndexSync(search.engine, [resultIndexSource, needIndexSource]);
    const enterprise = await buildUser({ role: 'enterprise' });
    const researcher = await buildUser({ role: 'researcher' });
    await buildNeed(enterprise, { status: 'published' }); // 碳纤维 … C36, 430, 长春, 50–200 万元
    await sync.flush();
    await announcePublications(search.engine);
    // Same industry, discipline, city, a price within budget, published today: 60 points without a word in common.
    await buildResult(researcher, {
      status: 'published',
      input: validResultInput({
        title: '车用电机控制器功率模块散热技术', keywords: ['电机控制器', '散热', '功率模块'], industry: 'C36', discipline: '430', city: '220100',
        maturity: 'pilot', price: 1_000_000,
        summary: '针对电机控制器功率模块温升过高的问题，开发双面冷却结构与高导热界面材料，模块结温降低二十度，已批量装车。',
      }),
    });
    await sync.flush();
    expect(await announcePublications(search.engine)).toBe(1);
    expect(await NotificationModel.countDocuments({ user: enterprise._id })).toBe(0);
  });
});
