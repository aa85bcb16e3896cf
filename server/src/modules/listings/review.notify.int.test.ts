import { describe, expect, it } from 'vitest';
import { buildOrg, buildUser } from '../../testing/factories';
import { testApp, useTestDb } from '../../testing/harness';
import { buildResult, signedInNew } from '../../testing/listing-factories';
import { NotificationModel } from '../notifications/notification.model';
import { ResearchResultModel } from '../results/result.model';

useTestDb();
const app = testApp();

describe('review outcomes reach the people of the listing', () => {
  it('tells the members of the organisation when an imported listing (owned by an administrator) is returned or approved', async () => {
    const uni = await buildOrg({ type: 'university', verified: true });
    const researcher = await buildUser({ role: 'researcher', org: uni._id });
    const colleague = await buildUser({ role: 'researcher', org: uni._id });
    const outsider = await buildUser({ role: 'researcher' });
    const { u: admin, c } = await signedInNew(app, 'admin');
    const returned = await buildResult(researcher, { status: 'submitted' });
    const approved = await buildResult(researcher, { status: 'submitted' });
    // As an import leaves them: owned by the importing administrator.
    await ResearchResultModel.updateMany({ _id: { $in: [returned._id, approved._id] } }, { $set: { owner: admin._id } });

    expect((await c.post(`/api/admin/review/result/${String(returned._id)}`, { decision: 'return', reason: '请补充中试数据' })).status).toBe(200);
    expect((await c.post(`/api/admin/review/result/${String(approved._id)}`, { decision: 'approve' })).status).toBe(200);

    for (const member of [researcher, colleague]) {
      const titles = (await NotificationModel.find({ user: member._id }).lean()).map((n) => n.title).sort();
      expect(titles).toEqual([`您的成果“${approved.title}”已通过审核并发布`, `您的成果“${returned.title}”被退回修改`].sort());
    }
    expect(await NotificationModel.countDocuments({ user: outsider._id })).toBe(0);
    expect(await NotificationModel.countDocuments({ user: admin._id })).toBe(0);
  });

  it('tells only the owner when a person owns the listing', async () => {
    const uni = await buildOrg({ type: 'university', verified: true });
    const owner = await buildUser({ role: 'researcher', org: uni._id });
    const colleague = await buildUser({ role: 'researcher', org: uni._id });
    const { c } = await signedInNew(app, 'admin');
    const r = await buildResult(owner, { status: 'submitted' });
    expect((await c.post(`/api/admin/review/result/${String(r._id)}`, { decision: 'return', reason: '标题不清楚' })).status).toBe(200);
    expect(await NotificationModel.find({ user: owner._id }).lean()).toEqual([expect.objectContaining({ body: '标题不清楚', link: `/results/${String(r._id)}` })]);
    expect(await NotificationModel.countDocuments({ user: colleague._id })).toBe(0);
  });
});
