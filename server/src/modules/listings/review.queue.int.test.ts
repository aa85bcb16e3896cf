import { describe, expect, it } from 'vitest';
import { buildOrg, buildUser } from '../../testing/factories';
import { testApp, useTestDb } from '../../testing/harness';
import { buildNeed, buildResult, signedInNew, validResultInput } from '../../testing/listing-factories';
import { ResearchResultModel } from '../results/result.model';

useTestDb();
const app = testApp();

describe('the review queue', () => {
  it('counts what waits on each tab and narrows the queue by words, organisation type, city and submission day', async () => {
    const uni = await buildOrg({ type: 'university', name: '吉林农业大学', verified: true });
    const firm = await buildOrg({ type: 'enterprise', name: '长春碳纤维有限公司', city: '220200' });
    const scientist = await buildUser({ role: 'researcher', org: uni._id });
    const engineer = await buildUser({ role: 'researcher', org: firm._id });
    const ginseng = await buildResult(scientist, { status: 'submitted', input: validResultInput({ title: '人参皂苷高效提取技术', city: '220100' }) });
    const fibre = await buildResult(engineer, { status: 'submitted', input: validResultInput({ title: '碳纤维预浸料快速固化技术', city: '220200' }) });
    await buildResult(scientist, { status: 'draft' });
    await buildNeed(await buildUser({ role: 'enterprise', org: firm._id }), { status: 'submitted' });
    await ResearchResultModel.updateOne({ _id: ginseng._id }, { $set: { submittedAt: new Date('2026-03-01T10:00:00+08:00') } });
    await ResearchResultModel.updateOne({ _id: fibre._id }, { $set: { submittedAt: new Date('2026-03-05T23:30:00+08:00') } });
    const { c } = await signedInNew(app, 'admin');

    const counts = await c.get('/api/admin/review/counts');
    expect(counts.status).toBe(200);
    expect(counts.body).toEqual({ result: 2, need: 1, attachments: 0 });

    const titles = async (query: string) => {
      const res = await c.get(`/api/admin/review?kind=result&${query}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return (res.body.items as { title: string }[]).map((i) => i.title);
    };
    expect(await titles('')).toEqual(['人参皂苷高效提取技术', '碳纤维预浸料快速固化技术']);
    expect(await titles(`q=${encodeURIComponent('皂苷')}`)).toEqual(['人参皂苷高效提取技术']);
    expect(await titles(`q=${encodeURIComponent('碳纤维有限')}`)).toEqual(['碳纤维预浸料快速固化技术']); // by organisation name
    expect(await titles(`q=${encodeURIComponent('.*')}`)).toEqual([]); // words, not a pattern
    expect(await titles('orgType=university')).toEqual(['人参皂苷高效提取技术']);
    expect(await titles('city=220200')).toEqual(['碳纤维预浸料快速固化技术']);
    expect(await titles('submittedFrom=2026-03-02&submittedTo=2026-03-05')).toEqual(['碳纤维预浸料快速固化技术']);
    expect(await titles('submittedTo=2026-03-04')).toEqual(['人参皂苷高效提取技术']);
    expect((await c.get('/api/admin/review?kind=result&submittedFrom=yesterday')).status).toBe(400);
    expect((await c.get('/api/admin/review?kind=result&q[$ne]=x')).status).toBe(400);
  });
});
