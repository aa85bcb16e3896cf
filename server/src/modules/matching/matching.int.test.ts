import { beforeAll, describe, expect, it } from 'vitest';
import { PlatformSearch } from '../../search/search.service';
import { buildUser } from '../../testing/factories';
import { testApp, useTestDb } from '../../testing/harness';
import { buildNeed, buildResult, signedInAs, validResultInput } from '../../testing/listing-factories';
import { IndexSync } from '../indexing/index-sync';
import { needIndexSource, resultIndexSource } from '../listings/listing.index-sources';
import { NotificationModel } from '../notifications/notification.model';
import { OrgModel } from '../orgs/org.model';

useTestDb();
const search = PlatformSearch.inMemory('test');
const app = testApp({ search });
const sync = new IndexSync(search.engine, [resultIndexSource, needIndexSource]);

const fibre = validResultInput({
  title: '碳纤维复合材料高速模压成型技术',
  summary: '针对汽车轻量化需求，开发快速固化环氧树脂体系与高速模压工艺，碳纤维复合材料部件成型周期由120分钟缩短到4分钟，力学性能保持率超过95%，已在长春完成中试验证，可用于车身结构件和电池包壳体。',
  keywords: ['碳纤维', '复合材料', '快速成型', '轻量化'],
  discipline: '430', industry: 'C36', maturity: 'pilot', price: 1_500_000, city: '220100',
});
const corn = validResultInput(); // 玉米秸秆制备聚乳酸: unrelated to the need below

let ids: { need: string; fibre: string; corn: string };
let enterprise: Awaited<ReturnType<typeof buildUser>>;
let researcher: Awaited<ReturnType<typeof buildUser>>;

beforeAll(async () => {
  enterprise = await buildUser({ role: 'enterprise' });
  researcher = await buildUser({ role: 'researcher' });
  const need = await buildNeed(enterprise, { status: 'published' });
  const r1 = await buildResult(researcher, { status: 'published', input: fibre });
  const r2 = await buildResult(researcher, { status: 'published', input: corn });
  await buildResult(researcher, { status: 'draft', input: { ...fibre, title: '尚未发布的碳纤维草稿' } });
  ids = { need: String(need._id), fibre: String(r1._id), corn: String(r2._id) };
  expect(await sync.flush()).toBe(4);
});

describe('search API', () => {
  it('finds published results by Chinese words with highlights and facet counts, never drafts', async () => {
    const res = await (await signedInAs(app, enterprise)).get('/api/search/results?q=碳纤维').expect(200);
    expect(res.body.total).toBe(1);
    expect(res.body.hits[0]).toMatchObject({ id: ids.fibre, kind: 'results', city: '220100', maturity: 'pilot', amount: 1_500_000 });
    expect(res.body.hits[0].highlights.title).toContain('<mark>碳纤维</mark>');
    expect(res.body.facets.maturity).toEqual({ pilot: 1 });
    const all = await (await signedInAs(app, enterprise)).get('/api/search/results?industry=C36&industry=C28&sort=newest').expect(200);
    expect(all.body.total).toBe(2);
    expect(all.body.facets.industry).toEqual({ C36: 1, C28: 1 });
    // Filtering on one industry keeps the other industries' counts, so they stay selectable.
    const one = await (await signedInAs(app, enterprise)).get('/api/search/results?industry=C36').expect(200);
    expect(one.body.total).toBe(1);
    expect(one.body.facets.industry).toEqual({ C36: 1, C28: 1 });
    expect(one.body.facets.maturity).toEqual({ pilot: 1 });
    expect(JSON.stringify(all.body)).not.toContain('13943100001'); // contacts never leave through search
  });

  it('suggests completions as the user types', async () => {
    const res = await (await signedInAs(app, enterprise)).get(`/api/search/suggest?kind=results&q=${encodeURIComponent('碳纤')}`).expect(200);
    expect(res.body.suggestions.some((s: string) => s.startsWith('碳纤维'))).toBe(true);
  });
});

describe('recommendations', () => {
  it('ranks the result that fits a need first and explains why', async () => {
    const c = await signedInAs(app, enterprise);
    const res = await c.get(`/api/needs/${ids.need}/recommendations`).expect(200);
    const [first] = res.body.items;
    expect(first.hit.id).toBe(ids.fibre);
    // The corn result shares no key term with the need: industry section, city and freshness alone
    // (about 40 points) do not make it a recommendation.
    expect(res.body.items.map((i: { hit: { id: string } }) => i.hit.id)).toEqual([ids.fibre]);
    expect(res.body.terms).toContain('碳纤维');
    expect(first.mayJudge).toEqual({ interested: true, notFit: true });
    const factors = first.reasons.map((r: { factor: string }) => r.factor);
    expect(factors).toEqual(expect.arrayContaining(['terms', 'industry', 'discipline', 'maturity', 'budget', 'city', 'freshness']));
    const terms = first.reasons.find((r: { factor: string }) => r.factor === 'terms');
    expect(terms.zh).toContain('碳纤维');
    expect(first.reasons.find((r: { factor: string }) => r.factor === 'industry').zh).toBe('行业一致：汽车制造业');
    expect(first.reasons.find((r: { factor: string }) => r.factor === 'budget').zh).toBe('报价 150 万元，在预算 50 万元–200 万元 内');
    expect(first.feedback).toBeNull();
  });

  it('recommends the need back for the result', async () => {
    const res = await (await signedInAs(app, researcher)).get(`/api/results/${ids.fibre}/recommendations`).expect(200);
    expect(res.body.items[0].hit.id).toBe(ids.need);
  });

  it('takes "not a fit" with a reason, shows it to the result owner in aggregate, and tells owners about interest', async () => {
    const c = await signedInAs(app, enterprise);
    const noReason = await c.post('/api/match-feedback', { needId: ids.need, resultId: ids.corn, verdict: 'not_fit' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields[0]).toMatchObject({ path: 'body.reason', message: '请选择不合适的原因' });
    expect((await c.post('/api/match-feedback', { needId: ids.need, resultId: ids.corn, verdict: 'not_fit', reason: 'wrong_field' })).status).toBe(200);
    const interest = await c.post('/api/match-feedback', { needId: ids.need, resultId: ids.fibre, verdict: 'interested' });
    expect(interest.status).toBe(200);
    expect(interest.body.deal).toMatch(/^[0-9a-f]{24}$/);

    const owner = await signedInAs(app, researcher);
    expect((await owner.get(`/api/results/${ids.corn}/feedback`)).body).toEqual({ interested: 0, notFit: 1, reasons: { wrong_field: 1 }, interest: [] });
    const fibreFeedback = (await owner.get(`/api/results/${ids.fibre}/feedback`)).body;
    expect(fibreFeedback).toMatchObject({ interested: 1, notFit: 0 });
    // The owner sees which organisation is interested, when, and through which of its listings.
    const enterpriseOrg = await OrgModel.findById(enterprise.org).lean().orFail();
    expect(fibreFeedback.interest).toEqual([
      { org: { id: String(enterpriseOrg._id), name: enterpriseOrg.name }, at: expect.any(String), from: { kind: 'need', id: ids.need, title: '汽车轻量化碳纤维部件低成本快速成型' } },
    ]);
    const note = await NotificationModel.findOne({ user: researcher._id, kind: 'listing.interest' }).lean();
    expect(note?.link).toBe(`/needs/${ids.need}`);
    expect(note?.title).toBe(`${enterpriseOrg.name}对您的成果“碳纤维复合材料高速模压成型技术”感兴趣`);
    expect((await c.get(`/api/results/${ids.corn}/feedback`)).status).toBe(403); // not the owner

    const again = await c.get(`/api/needs/${ids.need}/recommendations`);
    const mine = Object.fromEntries(again.body.items.map((i: { hit: { id: string }; feedback: string }) => [i.hit.id, i.feedback]));
    expect(mine[ids.fibre]).toBe('interested');
    // The recommended pair leads to its deal room, on both sides' pages; a pair without one has none.
    const deals = Object.fromEntries(again.body.items.map((i: { hit: { id: string }; deal: string | null }) => [i.hit.id, i.deal]));
    expect(deals[ids.fibre]).toBe(interest.body.deal);
    expect(Object.entries(deals).filter(([id, deal]) => id !== ids.fibre && deal !== null)).toEqual([]);
    const back = (await owner.get(`/api/results/${ids.fibre}/recommendations`).expect(200)).body.items;
    expect(back.find((i: { hit: { id: string } }) => i.hit.id === ids.need)?.deal).toBe(interest.body.deal);
  });

  it('refuses verdicts from outsiders', async () => {
    const outsider = await buildUser({ role: 'enterprise' });
    const oc = await signedInAs(app, outsider);
    const res = await oc.post('/api/match-feedback', { needId: ids.need, resultId: ids.fibre, verdict: 'interested' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe('只有需求方或成果方机构的成员可以评价此匹配');
    // … and the recommendations do not offer them the buttons.
    const recs = await oc.get(`/api/needs/${ids.need}/recommendations`).expect(200);
    expect(recs.body.items[0].mayJudge).toEqual({ interested: false, notFit: false });
    // … nor the room the parties opened on a pair.
    expect(recs.body.items.map((i: { deal: string | null }) => i.deal)).toEqual(recs.body.items.map(() => null));
  });
});
