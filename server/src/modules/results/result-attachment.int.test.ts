import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resetEnv } from '../../config/env';
import { buildOrg, buildUser } from '../../testing/factories';
import { client, testApp, useTestDb, type Client } from '../../testing/harness';
import { buildResult, signedInAs, signedInNew } from '../../testing/listing-factories';
import { AuditModel } from '../audit/audit.model';
import { NotificationModel } from '../notifications/notification.model';
import { ResearchResultModel } from './result.model';

const dataDir = mkdtempSync(join(tmpdir(), 'kz-attach-'));
process.env.DATA_DIR = dataDir;
resetEnv();
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

useTestDb();
const app = testApp();
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2048, 0x20), Buffer.from('\n%%EOF\n')]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

function upload(c: Client, id: string, name: string, type: string, bytes: Buffer) {
  return c.agent.post(`/api/results/${id}/attachments?name=${encodeURIComponent(name)}`).set('X-CSRF-Token', c.csrf).set('Content-Type', type).send(bytes);
}

function download(c: Client, id: string, key: string) {
  return c.agent.get(`/api/results/${id}/attachments/${key}`).responseType('blob');
}

async function setting() {
  const org = await buildOrg({ type: 'university', verified: true });
  const owner = await buildUser({ role: 'researcher', org: org._id });
  const r = await buildResult(owner, { status: 'published' });
  return { owner, id: String(r._id), c: await signedInAs(app, owner), r };
}

describe('attachments of research results', () => {
  it('stores an accepted file under a random key, bumps the outbox, and lists it for the owner', async () => {
    const { id, c, r } = await setting();
    const res = await upload(c, id, '中试报告.pdf', 'application/pdf', PDF);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: '中试报告.pdf', size: PDF.length, mime: 'application/pdf' });
    expect(res.body.key).toMatch(/^[0-9a-f]{32}$/);
    expect(existsSync(join(dataDir, 'uploads', res.body.key))).toBe(true);
    const stored = (await ResearchResultModel.findById(id).lean())!;
    expect(stored).toMatchObject({ searchV: r.searchV + 1, searchDirty: true, status: 'published' });
    expect((await c.get(`/api/results/${id}`)).body.attachments).toEqual([expect.objectContaining({ key: res.body.key, name: '中试报告.pdf' })]);
  });

  it('refuses other types, content that does not match its type, path names, oversize bodies and strangers', async () => {
    const { id, c } = await setting();
    expect((await upload(c, id, 'a.txt', 'text/plain', Buffer.from('hello'))).status).toBe(400);
    expect((await upload(c, id, 'fake.pdf', 'application/pdf', PNG)).status).toBe(415);
    expect((await upload(c, id, 'image.png', 'application/pdf', PDF)).status).toBe(415);
    const traversal = await upload(c, id, '../../etc/passwd.pdf', 'application/pdf', PDF);
    expect(traversal.status).toBe(400);
    expect(traversal.body.error.fields[0].path).toBe('query.name');
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    expect((await upload(c, id, 'big.pdf', 'application/pdf', big)).status).toBe(413);
    expect((await upload(await client(app), id, 'a.pdf', 'application/pdf', PDF)).status).toBe(401);
    const outsider = await signedInAs(app, await buildUser({ role: 'researcher' }));
    expect((await upload(outsider, id, 'a.pdf', 'application/pdf', PDF)).status).toBe(403);
    expect((await ResearchResultModel.findById(id).lean())?.attachments).toHaveLength(0);
  });

  it('lets only verified members, the owner and administrators download; removal deletes the file', async () => {
    const { id, c } = await setting();
    const { key } = (await upload(c, id, '检测报告.pdf', 'application/pdf', PDF)).body as { key: string };

    expect((await download(await client(app), id, key)).status).toBe(401);
    const unverified = await signedInAs(app, await buildUser({ role: 'enterprise' }));
    expect((await download(unverified, id, key)).status).toBe(403);
    const member = await signedInAs(app, await buildUser({ role: 'enterprise', org: (await buildOrg({ verified: true }))._id }));
    const admin = (await signedInNew(app, 'admin')).c;
    expect((await admin.post(`/api/admin/review/attachments/${id}/${key}`, { decision: 'approve' })).status).toBe(204);
    const got = await download(member, id, key);
    expect(got.status).toBe(200);
    expect(Buffer.compare(got.body as Buffer, PDF)).toBe(0);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('检测报告.pdf')}`);
    expect((await download(member, id, 'f'.repeat(32))).status).toBe(404);

    expect((await c.delete(`/api/results/${id}/attachments/${key}`)).status).toBe(204);
    expect(existsSync(join(dataDir, 'uploads', key))).toBe(false);
    expect((await download(c, id, key)).status).toBe(404);
  });

  it('holds a file added to a published result for review: hidden from others until approved, deleted when refused', async () => {
    const { id, c, owner } = await setting();
    const member = await signedInAs(app, await buildUser({ role: 'enterprise', org: (await buildOrg({ verified: true }))._id }));
    const admin = (await signedInNew(app, 'admin')).c;
    const first = (await upload(c, id, '中试报告.pdf', 'application/pdf', PDF)).body as { key: string; pending: boolean };
    const second = (await upload(c, id, '照片.png', 'image/png', PNG)).body as { key: string };
    expect(first.pending).toBe(true);

    // Others see neither the file nor its name; the owner sees it marked as waiting.
    expect((await member.get(`/api/results/${id}`)).body.attachments).toEqual([]);
    expect((await download(member, id, first.key)).status).toBe(404);
    expect((await c.get(`/api/results/${id}`)).body.attachments).toEqual([
      expect.objectContaining({ key: first.key, pending: true }),
      expect.objectContaining({ key: second.key, pending: true }),
    ]);
    expect((await download(c, id, first.key)).status).toBe(200);

    // The administrators' queue lists both; a non-administrator may not review.
    const queue = await admin.get('/api/admin/review/attachments');
    expect(queue.status).toBe(200);
    expect(queue.body.items.filter((i: { resultId: string }) => i.resultId === id).map((i: { attachment: { name: string } }) => i.attachment.name)).toEqual(['中试报告.pdf', '照片.png']);
    expect((await c.post(`/api/admin/review/attachments/${id}/${first.key}`, { decision: 'approve' })).status).toBe(403);
    expect((await admin.post(`/api/admin/review/attachments/${id}/${second.key}`, { decision: 'return' })).status).toBe(400); // a reason is required

    expect((await admin.post(`/api/admin/review/attachments/${id}/${first.key}`, { decision: 'approve' })).status).toBe(204);
    expect((await admin.post(`/api/admin/review/attachments/${id}/${second.key}`, { decision: 'return', reason: '照片与成果无关' })).status).toBe(204);
    expect((await member.get(`/api/results/${id}`)).body.attachments).toEqual([expect.objectContaining({ key: first.key, pending: false })]);
    expect((await download(member, id, first.key)).status).toBe(200);
    expect(existsSync(join(dataDir, 'uploads', second.key))).toBe(false);
    expect((await admin.post(`/api/admin/review/attachments/${id}/${first.key}`, { decision: 'approve' })).status).toBe(404); // no longer waiting

    const told = await NotificationModel.find({ user: owner._id }).sort({ createdAt: 1 }).lean();
    expect(told.map((n) => n.title)).toEqual(
      expect.arrayContaining([expect.stringContaining('“中试报告.pdf”已通过审核'), expect.stringContaining('“照片.png”未通过审核，已删除')]),
    );
    expect(await AuditModel.countDocuments({ 'target.id': id, action: { $in: ['attachment.approve', 'attachment.reject'] } })).toBe(2);
  });

  it('needs no separate review for the files of a draft, and approving a submitted result approves its files', async () => {
    const org = await buildOrg({ type: 'university', verified: true });
    const owner = await buildUser({ role: 'researcher', org: org._id });
    const c = await signedInAs(app, owner);
    const draft = String((await buildResult(owner, { status: 'draft' }))._id);
    expect((await upload(c, draft, 'a.pdf', 'application/pdf', PDF)).body.pending).toBe(false);

    const submitted = String((await buildResult(owner, { status: 'submitted' }))._id);
    expect((await upload(c, submitted, 'b.pdf', 'application/pdf', PDF)).body.pending).toBe(true);
    const admin = (await signedInNew(app, 'admin')).c;
    expect((await admin.post(`/api/admin/review/result/${submitted}`, { decision: 'approve' })).status).toBe(200);
    expect((await ResearchResultModel.findById(submitted).lean())?.attachments.map((a) => a.pending)).toEqual([false]);
  });
});
