import { describe, expect, it } from 'vitest';
import { NotificationModel } from '../notifications/notification.model';
import { AuditModel } from '../audit/audit.model';
import { buildOrg, buildUser } from '../../testing/factories';
import { client, testApp, useTestDb } from '../../testing/harness';
import { buildResult, signedInAs, validResultInput } from '../../testing/listing-factories';
import { isSearchable } from '../listings/lifecycle';
import { expireStaleListings } from '../listings/review.service';
import { ResearchResultModel } from './result.model';

useTestDb();
const app = testApp();
const DAY = 86_400_000;

async function researcherAndAdmin() {
  const org = await buildOrg({ type: 'university', verified: true });
  const owner = await buildUser({ role: 'researcher', org: org._id });
  const admin = await buildUser({ role: 'admin' });
  return { owner, admin, c: await signedInAs(app, owner), a: await signedInAs(app, admin) };
}

describe('research result lifecycle', () => {
  it('goes draft → submitted → returned with a reason → submitted → published → withdrawn, with history and audit', async () => {
    const { owner, admin, c, a } = await researcherAndAdmin();
    const anon = await client(app);

    const created = await c.post('/api/results', validResultInput());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ disclosure: 'full', status: 'draft', kind: 'result', price: 800_000, priceBand: '50w_100w' });
    const id = created.body.id as string;
    expect((await anon.get(`/api/results/${id}`)).status).toBe(404);
    expect((await a.get(`/api/results/${id}`)).body.disclosure).toBe('full');

    expect((await c.post(`/api/results/${id}/submit`)).body.status).toBe('submitted');
    expect((await c.post(`/api/results/${id}/submit`)).status).toBe(409);
    const queue = await a.get('/api/admin/review?kind=result&pageSize=100').expect(200);
    expect(queue.body.items.map((i: { id: string }) => i.id)).toContain(id);
    expect((await a.get('/api/admin/review?kind=need&pageSize=100')).body.items.map((i: { id: string }) => i.id)).not.toContain(id);

    const noReason = await a.post(`/api/admin/review/result/${id}`, { decision: 'return' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields[0]).toMatchObject({ path: 'body.reason', message: '退回时请填写原因，申请人将看到该原因' });
    const reason = '请补充中试数据和专利证书编号';
    expect((await a.post(`/api/admin/review/result/${id}`, { decision: 'return', reason })).body).toMatchObject({ status: 'draft', reason });

    const mine = await c.get(`/api/results/${id}`).expect(200);
    expect(mine.body).toMatchObject({ status: 'draft', returnReason: reason });
    const listed = await c.get('/api/me/results?status=draft').expect(200);
    expect(listed.body.items.find((i: { id: string }) => i.id === id)).toMatchObject({ returnReason: reason, status: 'draft' });

    await c.post(`/api/results/${id}/submit`).then((r) => expect(r.status).toBe(200));
    const approved = await a.post(`/api/admin/review/result/${id}`, { decision: 'approve' });
    expect(approved.body).toMatchObject({ status: 'published', reason: null });
    expect((await a.post(`/api/admin/review/result/${id}`, { decision: 'approve' })).status).toBe(409);

    const published = await anon.get(`/api/results/${id}`).expect(200);
    expect(published.body).toMatchObject({ disclosure: 'public', status: 'published' });
    expect(Date.parse(published.body.expiresAt) - Date.parse(published.body.publishedAt)).toBe(180 * DAY);

    expect((await c.post(`/api/results/${id}/withdraw`)).body.status).toBe('withdrawn');
    expect((await anon.get(`/api/results/${id}`)).status).toBe(404);

    const history = (await c.get(`/api/results/${id}`)).body.history as { action: string; from: string | null; to: string; by: { name: string } | null; reason: string | null }[];
    expect(history.map((h) => `${h.action}:${h.from}>${h.to}`)).toEqual([
      'create:null>draft', 'submit:draft>submitted', 'return:submitted>draft', 'submit:draft>submitted', 'approve:submitted>published', 'withdraw:published>withdrawn',
    ]);
    expect(history[2]).toMatchObject({ reason, by: { name: admin.displayName } });
    expect(history[0]?.by?.name).toBe(owner.displayName);

    const audits = await AuditModel.find({ 'target.id': id }).sort({ at: 1 }).lean();
    expect(audits.map((e) => e.action)).toEqual(['result.return', 'result.approve']);
    expect(String(audits[0]?.actor)).toBe(String(admin._id));
    expect(audits[0]?.detail).toMatchObject({ reason, title: validResultInput().title });

    // The owner was told about both decisions, with the reason for sending it back.
    const told = await NotificationModel.find({ user: owner._id, kind: 'listing.reviewed' }).sort({ createdAt: 1 }).lean();
    expect(told.map((n) => n.title)).toEqual([
      `您的成果“${validResultInput().title}”被退回修改`,
      `您的成果“${validResultInput().title}”已通过审核并发布`,
    ]);
    expect(told[0]?.body).toBe(reason);
    expect(told[1]?.link).toBe(`/results/${id}`);
  });

  it('sends an edited published result back to review', async () => {
    const { owner, c } = await researcherAndAdmin();
    const r = await buildResult(owner, { status: 'published' });
    const edited = await c.patch(`/api/results/${String(r._id)}`, { price: 900_000 });
    expect(edited.body).toMatchObject({ status: 'submitted', price: 900_000 });
    expect(edited.body.history.at(-1)).toMatchObject({ action: 'edit', from: 'published', to: 'submitted' });
    const draft = await buildResult(owner);
    expect((await c.patch(`/api/results/${String(draft._id)}`, { negotiable: true })).body).toMatchObject({ status: 'draft', price: null, negotiable: true, priceBand: 'negotiable' });
  });

  it('expires 180 days after the last confirmation: on read at once, in the database by the sweep; confirm brings it back', async () => {
    const { owner, c } = await researcherAndAdmin();
    const anon = await client(app);
    const r = await buildResult(owner, { status: 'published' });
    const id = String(r._id);
    await ResearchResultModel.updateOne({ _id: r._id }, { $set: { lastConfirmedAt: new Date(Date.now() - 181 * DAY), searchDirty: false } });

    // Read-time rule: the stored status is still published, every read says expired.
    expect((await ResearchResultModel.findById(id).lean())?.status).toBe('published');
    expect((await c.get(`/api/results/${id}`)).body).toMatchObject({ status: 'expired', expiresAt: null });
    expect((await anon.get(`/api/results/${id}`)).status).toBe(404);
    const expiredIds = (await c.get('/api/me/results?status=expired')).body.items.map((i: { id: string }) => i.id);
    expect(expiredIds).toContain(id);
    expect((await c.get('/api/me/results?status=published')).body.items.map((i: { id: string }) => i.id)).not.toContain(id);
    expect(isSearchable((await ResearchResultModel.findById(id).lean())!)).toBe(false);

    // The sweep writes it down, with history and the search outbox; a second run changes nothing.
    const fresh = await buildResult(owner, { status: 'published' });
    const swept = await expireStaleListings();
    expect(swept.results).toBeGreaterThanOrEqual(1);
    const stored = (await ResearchResultModel.findById(id).lean())!;
    expect(stored).toMatchObject({ status: 'expired', searchDirty: true, searchV: r.searchV + 1 });
    expect(stored.history.at(-1)).toMatchObject({ action: 'expire', from: 'published', to: 'expired', by: null });
    expect((await ResearchResultModel.findById(fresh._id).lean())?.status).toBe('published');
    expect((await expireStaleListings()).results).toBe(0);

    const confirmed = await c.post(`/api/results/${id}/confirm`);
    expect(confirmed.body).toMatchObject({ status: 'published' });
    expect(Date.now() - Date.parse(confirmed.body.lastConfirmedAt)).toBeLessThan(60_000);
    expect((await anon.get(`/api/results/${id}`)).status).toBe(200);
    expect((await c.post(`/api/results/${String((await buildResult(owner))._id)}/confirm`)).status).toBe(409);
  });

  it('lets two administrators decide at once: one wins, the other gets 409, one history entry', async () => {
    const { owner, c } = await researcherAndAdmin();
    const r = await buildResult(owner);
    await c.post(`/api/results/${String(r._id)}/submit`);
    const admins = await Promise.all([1, 2].map(async () => signedInAs(app, await buildUser({ role: 'admin' }))));
    const answers = await Promise.all(admins.map((a, i) => a.post(`/api/admin/review/result/${String(r._id)}`, i === 0 ? { decision: 'approve' } : { decision: 'return', reason: '信息不全' })));
    expect(answers.map((x) => x.status).sort()).toEqual([200, 409]);
    const stored = (await ResearchResultModel.findById(r._id).lean())!;
    expect(stored.history.filter((h) => h.action === 'approve' || h.action === 'return')).toHaveLength(1);
  });
});
