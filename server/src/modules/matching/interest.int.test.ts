import { describe, expect, it } from 'vitest';
import { PlatformSearch } from '../../search/search.service';
import { buildUser } from '../../testing/factories';
import { testApp, useTestDb } from '../../testing/harness';
import { buildNeed, buildResult, signedInAs, validResultInput } from '../../testing/listing-factories';
import { IndexSync } from '../indexing/index-sync';
import { needIndexSource, resultIndexSource } from '../listings/listing.index-sources';
import { NotificationModel } from '../notifications/notification.model';
import { ResearchResultModel } from '../results/result.model';

useTestDb();
const search = PlatformSearch.inMemory('interest');
const app = testApp({ search });
const sync = new IndexSync(search.engine, [resultIndexSource, needIndexSource]);

const fibre = validResultInput({
  title: '碳纤维复合材料高速模压成型技术',
  summary: '开发快速固化环氧树脂体系与高速模压工艺，碳纤维复合材料部件成型周期缩短到4分钟，可用于汽车车身结构件。',
  keywords: ['碳纤维', '复合材料', '模压'],
  discipline: '430', industry: 'C36', maturity: 'pilot', price: 1_500_000, city: '220100',
});

describe('"interested" only between published listings of the parties', () => {
  it('refuses interest offered through one’s own draft, and tells the need owner nothing', async () => {
    const enterprise = await buildUser({ role: 'enterprise' });
    const researcher = await buildUser({ role: 'researcher' });
    const need = await buildNeed(enterprise, { status: 'published' });
    const draft = await buildResult(researcher, { input: { ...fibre, title: '未经审核的草稿：碳纤维' } });
    await sync.flush();
    const c = await signedInAs(app, researcher);
    const res = await c.post('/api/match-feedback', { needId: String(need._id), resultId: String(draft._id), verdict: 'interested' });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe('您的成果尚未发布（或已撤回、已过期），发布后才能表达兴趣');
    expect(await NotificationModel.countDocuments({ user: enterprise._id })).toBe(0);
    // The enterprise viewing recommendations for its own draft need is not offered "interested" either.
    const draftNeed = await buildNeed(enterprise);
    const published = await buildResult(researcher, { status: 'published', input: fibre });
    await sync.flush();
    const own = await (await signedInAs(app, enterprise)).get(`/api/needs/${String(draftNeed._id)}/recommendations`).expect(200);
    const item = own.body.items.find((i: { hit: { id: string } }) => i.hit.id === String(published._id));
    expect(item.mayJudge).toEqual({ interested: false, notFit: true });
  });

  it('drops interest from the owner’s view once the offering listing is withdrawn', async () => {
    const enterprise = await buildUser({ role: 'enterprise' });
    const researcher = await buildUser({ role: 'researcher' });
    const need = await buildNeed(enterprise, { status: 'published' });
    const result = await buildResult(researcher, { status: 'published', input: fibre });
    await sync.flush();
    const c = await signedInAs(app, researcher);
    expect((await c.post('/api/match-feedback', { needId: String(need._id), resultId: String(result._id), verdict: 'interested' })).status).toBe(200);
    const owner = await signedInAs(app, enterprise);
    const before = (await owner.get(`/api/needs/${String(need._id)}/feedback`).expect(200)).body;
    expect(before.interest.map((i: { from: { id: string } }) => i.from.id)).toEqual([String(result._id)]);
    const note = await NotificationModel.findOne({ user: enterprise._id, kind: 'listing.interest' }).lean();
    expect(note?.link).toBe(`/results/${String(result._id)}`);
    expect(note?.bodyEn).toBe('Through its result: 碳纤维复合材料高速模压成型技术');

    await ResearchResultModel.updateOne({ _id: result._id }, { $set: { status: 'withdrawn' } });
    const after = (await owner.get(`/api/needs/${String(need._id)}/feedback`).expect(200)).body;
    expect(after).toMatchObject({ interested: 0, interest: [] });
    // Other members of the researcher's side may not read the need owner's view.
    expect((await c.get(`/api/needs/${String(need._id)}/feedback`)).status).toBe(403);
  });
});
