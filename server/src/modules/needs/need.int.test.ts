import { needView } from '@kezhuan/shared';
import { describe, expect, it } from 'vitest';
import { AuditModel } from '../audit/audit.model';
import { buildOrg, buildUser } from '../../testing/factories';
import { client, testApp, useTestDb } from '../../testing/harness';
import { buildNeed, signedInAs, validNeedInput } from '../../testing/listing-factories';
import { expireStaleListings } from '../listings/review.service';
import { TechNeedModel } from './need.model';

useTestDb();
const app = testApp();
const DAY = 86_400_000;

async function enterprise(verified = true) {
  const org = await buildOrg({ type: 'enterprise', verified });
  return { org, user: await buildUser({ role: 'enterprise', org: org._id }) };
}

describe('technology needs', () => {
  it('are posted by enterprise users only, reviewed, published, and audited', async () => {
    const researcher = await signedInAs(app, await buildUser({ role: 'researcher' }));
    expect((await researcher.post('/api/needs', validNeedInput())).status).toBe(403);
    const { user } = await enterprise();
    const c = await signedInAs(app, user);
    const admin = await signedInAs(app, await buildUser({ role: 'admin' }));

    const created = await c.post('/api/needs', validNeedInput());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ disclosure: 'full', status: 'draft', budgetBand: '100w_500w', deadline: '2099-12-31', quality: { score: 100 } });
    const id = created.body.id as string;
    expect((await (await client(app)).get(`/api/needs/${id}`)).status).toBe(404);

    await c.post(`/api/needs/${id}/submit`);
    const queue = (await admin.get('/api/admin/review?kind=need&pageSize=100')).body.items as { id: string; kind: string; qualityScore: number }[];
    expect(queue.find((i) => i.id === id)).toMatchObject({ kind: 'need', qualityScore: 100 });
    expect((await admin.post(`/api/admin/review/need/${id}`, { decision: 'approve', reason: '信息完整' })).body.status).toBe('published');
    expect((await AuditModel.findOne({ action: 'need.approve', 'target.id': id }).lean())?.detail).toMatchObject({ reason: '信息完整' });
    expect((await (await client(app)).get(`/api/needs/${id}`)).body).toMatchObject({ disclosure: 'public', status: 'published' });
    // A result id in the need route is simply not found.
    expect((await admin.post(`/api/admin/review/result/${id}`, { decision: 'approve' })).status).toBe(404);
  });

  it('switch between a budget range and 面议, refuse a past deadline and keep min ≤ max', async () => {
    const { user } = await enterprise();
    const c = await signedInAs(app, user);
    const n = await buildNeed(user);
    const path = `/api/needs/${String(n._id)}`;
    expect((await c.patch(path, { negotiable: true })).body).toMatchObject({ negotiable: true, budgetMin: null, budgetMax: null, budgetBand: 'negotiable' });
    expect((await c.patch(path, { budgetMax: 300_000 })).body).toMatchObject({ negotiable: false, budgetMin: null, budgetMax: 300_000, budgetBand: '10w_50w' });
    expect((await c.patch(path, { budgetMin: 400_000 })).status).toBe(400);
    const past = await c.patch(path, { deadline: '2020-01-01' });
    expect(past.status).toBe(400);
    expect(past.body.error.fields[0]).toMatchObject({ path: 'body.deadline', message: '期望完成时间不能早于今天' });
    expect((await c.patch(path, { deadline: null })).body.deadline).toBeNull();
    expect((await c.post('/api/needs', { ...validNeedInput(), status: 'published' })).status).toBe(400);
    expect((await c.patch(path, { org: String(n.org) })).status).toBe(400);
  });

  it('disclose a confidential need to outsiders as title, industry, city and budget band only', async () => {
    const { user } = await enterprise();
    const n = await buildNeed(user, { status: 'published', input: { confidentiality: 'confidential' } });
    const path = `/api/needs/${String(n._id)}`;
    const verifiedOutsider = await signedInAs(app, (await enterprise(true)).user);
    for (const c of [await client(app), verifiedOutsider]) {
      const res = await c.get(path).expect(200);
      expect(res.body.disclosure).toBe('restricted');
      expect(Object.keys(res.body).sort()).toEqual(
        ['budgetBand', 'city', 'confidentiality', 'disclosure', 'expiresAt', 'id', 'industry', 'kind', 'lastConfirmedAt', 'publishedAt', 'status', 'title', 'updatedAt'].sort(),
      );
      for (const secret of [n.problem.slice(0, 20), n.contact.phone, n.contact.email, '2000000']) {
        expect(res.text).not.toContain(secret);
      }
    }
    const owner = await (await signedInAs(app, user)).get(path).expect(200);
    expect(owner.body).toMatchObject({ disclosure: 'full', problem: n.problem, contact: { phone: n.contact.phone } });
    expect(needView.safeParse(owner.body).error).toBeUndefined();
  });

  it('show a summary-only need without problem and amounts to the public, in full with contact to verified members', async () => {
    const { user } = await enterprise();
    const n = await buildNeed(user, { status: 'published', input: { confidentiality: 'summary_only' } });
    const path = `/api/needs/${String(n._id)}`;
    const anon = await (await client(app)).get(path).expect(200);
    expect(anon.body).toMatchObject({ disclosure: 'summary', keywords: n.keywords, cooperationModes: n.cooperationModes, budgetBand: '100w_500w' });
    expect(anon.body.problem).toBeUndefined();
    expect(anon.text).not.toContain(n.contact.phone);
    const unverified = await (await signedInAs(app, (await enterprise(false)).user)).get(path);
    expect(unverified.body.disclosure).toBe('summary');
    const member = await (await signedInAs(app, (await enterprise(true)).user)).get(path);
    expect(member.body).toMatchObject({ disclosure: 'member', problem: n.problem, contact: { email: n.contact.email } });
    for (const body of [anon.body, member.body]) {
      expect(needView.safeParse(body).error).toBeUndefined();
    }

    const open = await buildNeed(user, { status: 'published' });
    const pub = await (await client(app)).get(`/api/needs/${String(open._id)}`);
    expect(pub.body).toMatchObject({ disclosure: 'public', problem: open.problem, budgetMax: 2_000_000 });
    expect(pub.text).not.toContain(open.contact.phone);
    expect(pub.body.contact).toBeUndefined();
  });

  it('expire after 180 days unconfirmed, by read and by sweep; the organisation\'s manager confirms it back', async () => {
    const { org, user } = await enterprise();
    const colleague = await signedInAs(app, await buildUser({ role: 'enterprise', org: org._id, orgRole: 'manager' }));
    const n = await buildNeed(user, { status: 'published' });
    await TechNeedModel.updateOne({ _id: n._id }, { $set: { lastConfirmedAt: new Date(Date.now() - 200 * DAY) } });
    expect((await (await client(app)).get(`/api/needs/${String(n._id)}`)).status).toBe(404);
    // Not his own: listed under the organisation's scope, not under "mine".
    expect((await colleague.get('/api/me/needs?status=expired')).body.items).toEqual([]);
    expect((await colleague.get('/api/me/needs?status=expired&scope=org')).body.items.map((i: { id: string }) => i.id)).toContain(String(n._id));
    expect((await expireStaleListings()).needs).toBe(1);
    expect((await TechNeedModel.findById(n._id).lean())?.status).toBe('expired');
    expect((await colleague.post(`/api/needs/${String(n._id)}/confirm`)).body.status).toBe('published');
    const other = await signedInAs(app, (await enterprise()).user);
    expect((await other.post(`/api/needs/${String(n._id)}/confirm`)).status).toBe(403);
  });
});
