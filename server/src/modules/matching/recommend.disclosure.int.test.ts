import { beforeAll, describe, expect, it } from 'vitest';
import { PlatformSearch } from '../../search/search.service';
import { buildOrg, buildUser } from '../../testing/factories';
import { client, testApp, useTestDb } from '../../testing/harness';
import { buildNeed, buildResult, signedInAs, validNeedInput, validResultInput } from '../../testing/listing-factories';
import { IndexSync } from '../indexing/index-sync';
import { needIndexSource, resultIndexSource } from '../listings/listing.index-sources';

useTestDb();
const search = PlatformSearch.inMemory('disclosure');
const app = testApp({ search });
const sync = new IndexSync(search.engine, [resultIndexSource, needIndexSource]);

/** What the hidden parts of the needs below would give away: problem terms, exact budget, deadline, discipline. */
const SECRETS = [/热压罐/, /预浸料/, /(?<!\d)50 万元/, /200 万元/, /CNY 500,000/, /CNY 2,000,000/, /距期限/, /months to the deadline/, /学科(一致|相近|不同)/, /Same discipline/];
const AMOUNTS = [/热压罐/, /预浸料/, /(?<!\d)50 万元/, /200 万元/, /CNY 2,000,000/];
const hidden = {
  title: '汽车轻量化碳纤维部件低成本快速成型',
  problem: '现有热压罐工艺采用预浸料铺层，热压罐固化周期超过两小时，热压罐能耗高，预浸料成本高，需要替代热压罐的新工艺。',
  keywords: ['碳纤维', '轻量化'],
  discipline: '430',
  budgetMin: 500_000,
  budgetMax: 2_000_000,
  deadline: '2099-12-31',
};
/** Fits the need's title and keywords. */
const fibre = validResultInput({
  title: '碳纤维复合材料高速模压成型技术',
  summary: '开发快速固化环氧树脂体系与高速模压工艺，碳纤维复合材料部件成型周期缩短到4分钟，可用于汽车车身结构件。',
  keywords: ['碳纤维', '复合材料', '模压'],
  discipline: '430', industry: 'C36', maturity: 'pilot', price: 1_500_000, city: '220100',
});
/** Fits only what the need's hidden problem text says. */
const autoclave = validResultInput({
  title: '热压罐固化温度场均匀性控制与预浸料在线监测',
  summary: '针对热压罐固化过程温度场不均、预浸料树脂流动难以掌握的问题，开发多点测温与在线介电监测系统，固化周期缩短三成。',
  keywords: ['热压罐', '预浸料', '固化监测'],
  discipline: '460', industry: 'C36', maturity: 'pilot', price: 800_000, city: '220100',
});

/** Same industry, discipline and city, a price within budget, fresh: but not a word in common with the need. */
const motor = validResultInput({
  title: '车用电机控制器功率模块散热技术', keywords: ['电机控制器', '散热', '功率模块'], industry: 'C36', discipline: '430', city: '220100',
  maturity: 'pilot', price: 1_000_000,
  summary: '针对电机控制器功率模块温升过高的问题，开发双面冷却结构与高导热界面材料，模块结温降低二十度，已批量装车。',
});

let owner: Awaited<ReturnType<typeof buildUser>>;
let researcher: Awaited<ReturnType<typeof buildUser>>;
let verifiedOutsider: Awaited<ReturnType<typeof buildUser>>;
const ids = { confidential: '', summaryOnly: '', fibre: '', autoclave: '', motor: '' };

beforeAll(async () => {
  owner = await buildUser({ role: 'enterprise' });
  researcher = await buildUser({ role: 'researcher' });
  verifiedOutsider = await buildUser({ role: 'enterprise', org: (await buildOrg({ verified: true }))._id });
  ids.confidential = String((await buildNeed(owner, { status: 'published', input: validNeedInput({ ...hidden, confidentiality: 'confidential' }) }))._id);
  ids.summaryOnly = String((await buildNeed(owner, { status: 'published', input: validNeedInput({ ...hidden, confidentiality: 'summary_only' }) }))._id);
  ids.fibre = String((await buildResult(researcher, { status: 'published', input: fibre }))._id);
  ids.autoclave = String((await buildResult(researcher, { status: 'published', input: autoclave }))._id);
  ids.motor = String((await buildResult(researcher, { status: 'published', input: motor }))._id);
  await sync.flush();
});

type Item = { hit: { id: string }; reasons: { factor: string; zh: string; en: string }[] };
const reason = (item: Item, factor: string) => item.reasons.find((r) => r.factor === factor);

describe('recommendations for a need follow its disclosure', () => {
  for (const viewer of ['anonymous', 'a verified other organisation'] as const) {
    it(`tell ${viewer} nothing a confidential need hides, in the reasons or through the ranking`, async () => {
      const c = viewer === 'anonymous' ? await client(app) : await signedInAs(app, verifiedOutsider);
      const res = await c.get(`/api/needs/${ids.confidential}/recommendations`).expect(200);
      const text = JSON.stringify(res.body);
      for (const secret of SECRETS) {
        expect(text).not.toMatch(secret);
      }
      expect(res.body.items.map((i: Item) => i.hit.id)).toEqual([ids.fibre]);
      const [item] = res.body.items as Item[];
      expect(reason(item!, 'budget')?.zh).toBe('报价 150 万元，在需求的预算区间（100万–500万元）内');
      expect(reason(item!, 'discipline')?.en).toBe('The need’s discipline is not disclosed');
      expect(reason(item!, 'maturity')?.zh).toContain('需求期限未公开');
    });
  }

  it('tell the public what a summary-only need shows (keywords, discipline, deadline) but not its problem or amounts', async () => {
    const res = await (await client(app)).get(`/api/needs/${ids.summaryOnly}/recommendations`).expect(200);
    const text = JSON.stringify(res.body);
    for (const secret of AMOUNTS) {
      expect(text).not.toMatch(secret);
    }
    expect(res.body.items.map((i: Item) => i.hit.id)).toEqual([ids.fibre]);
    expect(reason(res.body.items[0], 'discipline')?.zh).toBe('学科一致：材料科学');
    expect(reason(res.body.items[0], 'budget')?.zh).toContain('预算区间（100万–500万元）');
  });

  it('give the need’s own organisation the full reasons, including what fits the hidden problem', async () => {
    const res = await (await signedInAs(app, owner)).get(`/api/needs/${ids.confidential}/recommendations`).expect(200);
    const got = res.body.items as Item[];
    expect(got.map((i) => i.hit.id)).toContain(ids.autoclave);
    // The relevance floor: no key term in common, so no recommendation, whatever industry and freshness give.
    expect(got.map((i) => i.hit.id)).not.toContain(ids.motor);
    const fibreItem = got.find((i) => i.hit.id === ids.fibre);
    expect(reason(fibreItem!, 'budget')?.zh).toBe('报价 150 万元，在预算 50 万元–200 万元 内');
    expect(reason(fibreItem!, 'maturity')?.zh).toContain('距期限');
  });

  it('show the hidden need to a result’s owner only as the public sees it', async () => {
    const res = await (await signedInAs(app, researcher)).get(`/api/results/${ids.autoclave}/recommendations`).expect(200);
    const text = JSON.stringify(res.body);
    for (const secret of [/热压罐固化周期/, /(?<!\d)50 万元/, /200 万元/, /CNY 2,000,000/, /距期限/]) {
      expect(text).not.toMatch(secret);
    }
    for (const item of res.body.items as Item[]) {
      expect(reason(item, 'budget')?.zh).not.toContain('面议'); // the budget is undisclosed, not negotiable
    }
  });

  it('never recommend an organisation its own confidential need (the index does not name its organisation)', async () => {
    const colleague = await buildUser({ role: 'enterprise', org: researcher.org ?? undefined });
    const ownNeed = await buildNeed(colleague, { status: 'published', input: validNeedInput({ ...hidden, confidentiality: 'confidential' }) });
    await sync.flush();
    const res = await (await signedInAs(app, researcher)).get(`/api/results/${ids.fibre}/recommendations`).expect(200);
    const got = (res.body.items as Item[]).map((i) => i.hit.id);
    expect(got).toContain(ids.confidential);
    expect(got).not.toContain(String(ownNeed._id));
  });
});
