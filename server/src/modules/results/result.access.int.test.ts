import { assessResultQuality, resultView } from '@kezhuan/shared';
import { describe, expect, it } from 'vitest';
import { buildOrg, buildUser } from '../../testing/factories';
import { client, testApp, useTestDb } from '../../testing/harness';
import { buildResult, signedInAs, validResultInput } from '../../testing/listing-factories';
import { ResearchResultModel } from './result.model';

useTestDb();
const app = testApp();

async function university(verified = true) {
  const org = await buildOrg({ type: 'university', verified });
  return { org, researcher: await buildUser({ role: 'researcher', org: org._id }) };
}

describe('who may create and edit a research result', () => {
  it('lets researchers and commissioners create; not enterprises, administrators or anonymous callers', async () => {
    const institute = await buildOrg({ type: 'institute' });
    const commissioner = await signedInAs(app, await buildUser({ role: 'commissioner', org: institute._id }));
    expect((await commissioner.post('/api/results', validResultInput())).status).toBe(201);
    for (const role of ['enterprise', 'admin', 'intermediary'] as const) {
      const c = await signedInAs(app, await buildUser({ role }));
      expect((await c.post('/api/results', validResultInput())).status, role).toBe(403);
    }
    expect((await (await client(app)).post('/api/results', validResultInput())).status).toBe(401);
  });

  it('lets the owner, colleagues it is shared with and managers edit; a plain colleague, a pending member, another organisation get 403, anonymous 401, an administrator 403', async () => {
    const { org, researcher } = await university();
    const colleagueUser = await buildUser({ role: 'researcher', org: org._id });
    const colleague = await signedInAs(app, colleagueUser);
    const manager = await signedInAs(app, await buildUser({ role: 'researcher', org: org._id, orgRole: 'manager' }));
    const pending = await signedInAs(app, await buildUser({ role: 'researcher', org: org._id, orgStatus: 'pending' }));
    const published = await buildResult(researcher, { status: 'published' });
    const draft = await buildResult(researcher);
    const path = `/api/results/${String(published._id)}`;

    const outsider = await signedInAs(app, (await university()).researcher);
    expect((await outsider.patch(path, { title: '别人的修改' })).status).toBe(403);
    expect((await outsider.post(`${path}/withdraw`)).status).toBe(403);
    // Someone else's draft does not exist as far as an outsider can tell.
    expect((await outsider.patch(`/api/results/${String(draft._id)}`, { title: 'x' })).status).toBe(404);
    expect((await outsider.get(`/api/results/${String(draft._id)}`)).status).toBe(404);

    expect((await (await client(app)).patch(path, { title: '匿名' })).status).toBe(401);
    const admin = await signedInAs(app, await buildUser({ role: 'admin' }));
    expect((await admin.patch(path, { title: '管理员' })).status).toBe(403);
    expect((await admin.post(`${path}/withdraw`)).status).toBe(403);
    expect((await admin.get(`/api/results/${String(draft._id)}`)).status).toBe(200);

    // A pending member has no rights and does not see the organisation's drafts.
    expect((await pending.patch(path, { title: '待批准成员' })).status).toBe(403);
    expect((await pending.post(`${path}/withdraw`)).status).toBe(403);
    expect((await pending.get(`/api/results/${String(draft._id)}`)).status).toBe(404);
    expect((await pending.post('/api/results', validResultInput())).status).toBe(403);

    // A colleague edits only once the owner shares it with him.
    expect((await colleague.patch(path, { title: '同事' })).status).toBe(403);
    expect((await colleague.put(`${path}/share`, { userIds: [String(colleagueUser._id)] })).status).toBe(403);
    const owner = await signedInAs(app, researcher);
    const shared = await owner.put(`${path}/share`, { userIds: [String(colleagueUser._id)] });
    expect(shared.status).toBe(200);
    expect(shared.body.sharedWith).toEqual([{ id: String(colleagueUser._id), name: colleagueUser.displayName }]);
    expect((await owner.put(`${path}/share`, { userIds: [String((await buildUser())._id)] })).status).toBe(400);
    // The owner's view says whom it is shared with and that he may change it; the colleague may not.
    // It names the owner, whom the sharing dialog leaves out; those who cannot share are not told.
    expect((await owner.get(path)).body).toMatchObject({ canShare: true, sharedWith: [String(colleagueUser._id)], owner: { id: String(researcher._id), name: researcher.displayName } });
    expect((await manager.get(path)).body.owner).toEqual({ id: String(researcher._id), name: researcher.displayName });
    const colleagueView = (await colleague.get(path)).body;
    expect(colleagueView).toMatchObject({ canEdit: true, canShare: false });
    expect(colleagueView.owner).toBeUndefined();
    const edited = await colleague.patch(path, { title: '同单位成员修改的标题' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: '同单位成员修改的标题', status: 'submitted' });
    expect((await ResearchResultModel.findById(published._id).lean())?.title).toBe('同单位成员修改的标题');

    // The organisation's manager edits and withdraws any of its listings.
    expect((await manager.patch(`/api/results/${String(draft._id)}`, { title: '管理员修改' })).status).toBe(200);
    expect((await manager.post(`${path}/withdraw`)).status).toBe(200);
  });
});

describe('staged disclosure of a published result', () => {
  it('shows contact details only to verified members, the owner and administrators', async () => {
    const { researcher } = await university();
    const r = await buildResult(researcher, { status: 'published' });
    const path = `/api/results/${String(r._id)}`;
    const { phone, email } = validResultInput().contact;

    const anon = await (await client(app)).get(path).expect(200);
    expect(anon.body.disclosure).toBe('public');
    for (const secret of [phone, email, '"contact"', '"attachments"', '"history"', '"quality"']) {
      expect(anon.text).not.toContain(secret);
    }
    expect(anon.body).toMatchObject({ title: r.title, org: { verified: true }, price: 800_000 });

    const unverified = await signedInAs(app, (await university(false)).researcher);
    const u = await unverified.get(path).expect(200);
    expect(u.body.disclosure).toBe('public');
    expect(u.text).not.toContain(phone);

    const member = await signedInAs(app, await buildUser({ role: 'enterprise', org: (await buildOrg({ verified: true }))._id }));
    const m = await member.get(path).expect(200);
    expect(m.body).toMatchObject({ disclosure: 'member', contact: { phone, email }, attachments: [] });
    expect(m.body.history).toBeUndefined();

    const owner = await (await signedInAs(app, researcher)).get(path).expect(200);
    expect(owner.body).toMatchObject({ disclosure: 'full', contact: { phone } });
    expect(owner.body.history[0]).toMatchObject({ action: 'create', to: 'draft' });
    // Each answer is exactly what the documented view schema describes.
    for (const body of [anon.body, m.body, owner.body]) {
      expect(resultView.safeParse(body).error).toBeUndefined();
    }
  });
});

describe('the search outbox', () => {
  it('bumps searchV and sets searchDirty on every write', async () => {
    const { researcher } = await university();
    const c = await signedInAs(app, researcher);
    const admin = await signedInAs(app, await buildUser({ role: 'admin' }));
    const created = await c.post('/api/results', validResultInput());
    const id = created.body.id as string;
    let last = (await ResearchResultModel.findById(id).lean())!;
    expect(last).toMatchObject({ searchV: 1, searchDirty: true });

    const writes: [string, () => Promise<{ status: number }>][] = [
      ['edit', () => c.patch(`/api/results/${id}`, { summary: `${validResultInput().summary}补充说明。` })],
      ['submit', () => c.post(`/api/results/${id}/submit`)],
      ['return', () => admin.post(`/api/admin/review/result/${id}`, { decision: 'return', reason: '补充材料' })],
      ['resubmit', () => c.post(`/api/results/${id}/submit`)],
      ['approve', () => admin.post(`/api/admin/review/result/${id}`, { decision: 'approve' })],
      ['confirm', () => c.post(`/api/results/${id}/confirm`)],
      ['withdraw', () => c.post(`/api/results/${id}/withdraw`)],
    ];
    for (const [label, write] of writes) {
      // What the index sync does after pushing a version: clear the flag.
      await ResearchResultModel.updateOne({ _id: id }, { $set: { searchDirty: false } });
      expect((await write()).status, label).toBe(200);
      const now = (await ResearchResultModel.findById(id).lean())!;
      expect(now.searchV, label).toBe(last.searchV + 1);
      expect(now.searchDirty, label).toBe(true);
      last = now;
    }
  });

  it('counts every one of many concurrent edits (writes to one listing are serialised)', async () => {
    const { researcher } = await university();
    const c = await signedInAs(app, researcher);
    const r = await buildResult(researcher);
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => c.patch(`/api/results/${String(r._id)}`, { keywords: ['并发', `关键词${i}`] })));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect((await ResearchResultModel.findById(r._id).lean())?.searchV).toBe(1 + 8);
  });
});

describe('hostile input on listing writes', () => {
  const SMUGGLED = [
    { status: 'published' },
    { owner: '0123456789abcdef01234567' },
    { org: '0123456789abcdef01234567' },
    { searchV: 99 },
    { searchDirty: false },
    { _id: '0123456789abcdef01234567' },
    { history: [] },
    { returnReason: null },
    { title: { $ne: null } },
    { 'contact.phone': '13900000000' },
  ];

  it('refuses lifecycle and ownership fields and operators with 400, changing nothing', async () => {
    const { researcher } = await university();
    const c = await signedInAs(app, researcher);
    const r = await buildResult(researcher);
    const before = await ResearchResultModel.findById(r._id).lean();
    const count = await ResearchResultModel.countDocuments();
    for (const extra of SMUGGLED) {
      const created = await c.post('/api/results', { ...validResultInput(), ...extra });
      expect(created.status, JSON.stringify(extra)).toBe(400);
      const patched = await c.patch(`/api/results/${String(r._id)}`, { summary: '试图夹带字段的修改内容', ...extra });
      expect(patched.status, JSON.stringify(extra)).toBe(400);
      expect(patched.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect((await c.get('/api/me/results?status[$ne]=draft')).status).toBe(400);
    expect((await c.post(`/api/results/${String(r._id)}/submit`, { status: 'published' })).status).toBe(400);
    expect(await ResearchResultModel.findById(r._id).lean()).toEqual(before);
    expect(await ResearchResultModel.countDocuments()).toBe(count);
  });

  it('re-validates the edited record as a whole', async () => {
    const { researcher } = await university();
    const c = await signedInAs(app, researcher);
    const r = await buildResult(researcher);
    const bad = await c.patch(`/api/results/${String(r._id)}`, { maturity: 'lab' }); // stored TRL 6 is not laboratory
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0]).toMatchObject({ path: 'body.trl' });
    expect((await c.patch(`/api/results/${String(r._id)}`, { maturity: 'lab', trl: 3 })).status).toBe(200);
  });
});

describe('quality check in the owner view', () => {
  it('returns the same assessment as the shared function, and the score in my list', async () => {
    const { researcher } = await university();
    const c = await signedInAs(app, researcher);
    const full = await c.post('/api/results', validResultInput());
    expect(full.body.quality.score).toBe(100);
    const thin = validResultInput({ summary: '一句话简介，不够详细。', keywords: ['秸秆'], advantages: [], applications: undefined, price: undefined, negotiable: true });
    const created = await c.post('/api/results', thin);
    expect(created.body.quality).toEqual(assessResultQuality({ ...thin, applications: '' }));
    expect(created.body.quality.score).toBe(40); // IP, maturity and 面议 stated; the rest missing
    const mine = await c.get('/api/me/results').expect(200);
    expect(mine.body.items.find((i: { id: string }) => i.id === created.body.id)?.qualityScore).toBe(40);
  });
});
