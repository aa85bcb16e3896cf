import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dealFilesView, dealFileView } from '@kezhuan/shared';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { resetEnv } from '../../config/env';
import { AuditModel } from '../audit/audit.model';
import { NotificationModel } from '../notifications/notification.model';
import { buildUser } from '../../testing/factories';
import { testApp, useTestDb, type Client } from '../../testing/harness';
import { signedInAs } from '../../testing/listing-factories';
import { setDealUpdatePublisher } from './deal.events';
import { DealFileModel } from './deal.files.model';
import { openedDeal, PDF, PDF_TYPE, uploadTo } from './deal.testing';

const dataDir = mkdtempSync(join(tmpdir(), 'kz-deal-files-'));
process.env.DATA_DIR = dataDir;
resetEnv();
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
afterEach(() => setDealUpdatePublisher(undefined));

useTestDb();
const app = testApp();
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(512, 0x90)]);

describe('files in a deal room', () => {
  it('stores an upload in the attachment store, lists it to both sides with who and when, downloads it with its name, tells the other side once per batch', async () => {
    const { dealId, ent, res, researcher, enterprise } = await openedDeal(app);
    const updates: string[] = [];
    setDealUpdatePublisher((id, what) => updates.push(`${id}:${what}`));

    const up = await uploadTo(res, dealId, { name: '技术说明 v2.pdf', note: '工艺参数见第3页', batch: 'batch-0001' }, PDF_TYPE, PDF);
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ name: '技术说明 v2.pdf', note: '工艺参数见第3页', size: PDF.length, mime: PDF_TYPE, confidential: false, party: 'supply', visible: true, canRemove: true });
    expect((await uploadTo(res, dealId, { name: '样品.png', batch: 'batch-0001' }, 'image/png', PNG)).status).toBe(201);
    const stored = await DealFileModel.find({ room: dealId }).lean();
    expect(stored.every((f) => existsSync(join(dataDir, 'uploads', f.key)))).toBe(true);
    expect(updates).toEqual([`${dealId}:files`, `${dealId}:files`]);
    // One notice for the batch, to the other side only.
    expect(await NotificationModel.countDocuments({ user: enterprise._id, kind: 'deal.files' })).toBe(1);
    expect(await NotificationModel.countDocuments({ user: researcher._id, kind: 'deal.files' })).toBe(0);

    const list = (await ent.get(`/api/deals/${dealId}/files`).expect(200)).body;
    expect(list.items.map((f: { name: string }) => f.name)).toEqual(['样品.png', '技术说明 v2.pdf']);
    expect(list.items[1]).toMatchObject({ uploadedBy: { id: String(researcher._id) }, party: 'supply', visible: true, canRemove: false });
    expect(list).toMatchObject({ canUpload: true, nda: { required: false, version: 0 }, limits: { perRoom: 50 } });
    // What the route documents is what it sends.
    expect(dealFilesView.strict().safeParse(list).success).toBe(true);
    expect(dealFileView.strict().safeParse(up.body).success).toBe(true);

    const down = await ent.agent.get(`/api/deals/${dealId}/files/${up.body.id as string}`).responseType('blob');
    expect(down.status).toBe(200);
    expect(Buffer.compare(down.body as Buffer, PDF)).toBe(0);
    expect(down.headers['content-type']).toBe(PDF_TYPE);
    // The Chinese name travels RFC 5987-encoded, with an ASCII fallback; no raw non-ASCII in the header.
    expect(down.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('技术说明 v2.pdf')}`);
    expect(down.headers['content-disposition']).toMatch(/^attachment; filename="[\x20-\x7e]*"/);
    expect(await AuditModel.countDocuments({ action: 'deal.file_upload', 'target.id': dealId })).toBe(2);
  });

  it('refuses disguised types, oversize bodies, missing and bad fields with 4xx messages in both languages', async () => {
    const { dealId, res } = await openedDeal(app);
    const exe = await uploadTo(res, dealId, { name: 'report.pdf' }, PDF_TYPE, EXE);
    expect(exe.status).toBe(415);
    expect(exe.body.error.message).toContain('PDF');
    expect(exe.body.error.messageEn).toContain('content matches');
    // A PDF named .png: the extension does not belong to the declared type.
    expect((await uploadTo(res, dealId, { name: 'photo.png' }, PDF_TYPE, PDF)).status).toBe(415);
    const octet = await uploadTo(res, dealId, { name: 'setup.exe' }, 'application/octet-stream', EXE);
    expect(octet.status).toBe(400);
    expect(octet.body.error.fields.map((f: { path: string }) => f.path)).toContain('query.name');
    const big = await uploadTo(res, dealId, { name: 'big.pdf' }, PDF_TYPE, Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]));
    expect(big.status).toBe(413);
    expect(big.body.error.messageEn).toBeTruthy();
    const noName = await uploadTo(res, dealId, {}, PDF_TYPE, PDF);
    expect(noName.status).toBe(400);
    expect(noName.body.error.fields[0]).toMatchObject({ path: 'query.name' });
    expect(noName.body.error.fields[0].message).toBeTruthy();
    expect(noName.body.error.fields[0].messageEn).toBeTruthy();
    expect((await uploadTo(res, dealId, { name: '../../etc/passwd.pdf' }, PDF_TYPE, PDF)).status).toBe(400);
    expect((await uploadTo(res, dealId, { name: 'a.pdf', confidential: 'yes' }, PDF_TYPE, PDF)).status).toBe(400);
    expect((await uploadTo(res, dealId, { name: 'a.pdf' }, PDF_TYPE, Buffer.alloc(0))).status).toBe(400);
    expect((await uploadTo(res, 'not-an-id', { name: 'a.pdf' }, PDF_TYPE, PDF)).status).toBe(400);
    expect((await uploadTo(res, '0'.repeat(24), { name: 'a.pdf' }, PDF_TYPE, PDF)).status).toBe(404);
    expect((await res.get(`/api/deals/${dealId}/files/${'0'.repeat(24)}`)).status).toBe(404);
    expect((await res.get(`/api/deals/${dealId}/files/nope`)).status).toBe(400);
    expect((await res.delete(`/api/deals/${dealId}/files/${'0'.repeat(24)}`)).status).toBe(404);
    expect(await DealFileModel.countDocuments({ room: dealId })).toBe(0);
  });

  it('lets only the uploader remove his file while the deal is open (audited, bytes gone); a closed room takes no uploads', async () => {
    const { dealId, ent, res } = await openedDeal(app);
    const mine = (await uploadTo(ent, dealId, { name: '需求说明.pdf' }, PDF_TYPE, PDF)).body.id as string;
    const key = (await DealFileModel.findById(mine).lean())!.key;
    const other = await res.delete(`/api/deals/${dealId}/files/${mine}`);
    expect(other.status).toBe(403);
    expect(other.body.error.messageEn).toContain('only remove files you uploaded');
    expect((await ent.delete(`/api/deals/${dealId}/files/${mine}`)).status).toBe(204);
    expect(existsSync(join(dataDir, 'uploads', key))).toBe(false);
    expect(await AuditModel.countDocuments({ action: 'deal.file_remove', 'target.id': dealId, 'detail.name': '需求说明.pdf' })).toBe(1);
    expect((await ent.get(`/api/deals/${dealId}/files/${mine}`)).status).toBe(404);

    const kept = (await uploadTo(ent, dealId, { name: '会议纪要.pdf' }, PDF_TYPE, PDF)).body.id as string;
    expect((await ent.post(`/api/deals/${dealId}/stage`, { to: 'terminated', reason: 'price' })).status).toBe(200);
    const closed = await uploadTo(ent, dealId, { name: 'late.pdf' }, PDF_TYPE, PDF);
    expect(closed.status).toBe(409);
    expect(closed.body.error.message).toContain('洽谈已结束');
    expect((await ent.delete(`/api/deals/${dealId}/files/${kept}`)).status).toBe(409);
    const list = (await ent.get(`/api/deals/${dealId}/files`).expect(200)).body;
    expect(list.canUpload).toBe(false);
    expect(list.items[0].canRemove).toBe(false);
    // Still downloadable after the close.
    expect((await ent.get(`/api/deals/${dealId}/files/${kept}`)).status).toBe(200);
  });

  it('stops at the per-room limit with a 409', async () => {
    const { dealId, res, ent } = await openedDeal(app);
    const first = await uploadTo(res, dealId, { name: 'x.pdf' }, PDF_TYPE, PDF);
    const f = (await DealFileModel.findById(first.body.id as string).lean())!;
    const { _id: _ignored, ...rest } = f;
    await DealFileModel.insertMany(Array.from({ length: 49 }, (_, i) => ({ ...rest, name: `x${i}.pdf`, uploadedAt: new Date(f.uploadedAt.getTime() - 1000 - i) })));
    const over = await uploadTo(ent, dealId, { name: 'y.pdf' }, PDF_TYPE, PDF);
    expect(over.status).toBe(409);
    expect(over.body.error.messageEn).toContain('At most 50 files');
    expect((await ent.get(`/api/deals/${dealId}/files`).expect(200)).body.canUpload).toBe(false);
  });

  it('answers 404 to strangers on every path; administrators list and download (audited) but neither upload nor remove', async () => {
    const { dealId, res, enterprise } = await openedDeal(app);
    const fileId = (await uploadTo(res, dealId, { name: 'a.pdf' }, PDF_TYPE, PDF)).body.id as string;
    const stranger = await signedInAs(app, await buildUser({ role: 'enterprise' }));
    // Asked to join the enterprise, not yet approved: no participant either.
    const applicant = await signedInAs(app, await buildUser({ role: 'enterprise', org: enterprise.org, orgStatus: 'pending' }));
    const paths = [
      ['list', (c: Client) => c.get(`/api/deals/${dealId}/files`)],
      ['download', (c: Client) => c.get(`/api/deals/${dealId}/files/${fileId}`)],
      ['upload', (c: Client) => uploadTo(c, dealId, { name: 'b.pdf' }, PDF_TYPE, PDF)],
      ['remove', (c: Client) => c.delete(`/api/deals/${dealId}/files/${fileId}`)],
      ['nda set', (c: Client) => c.put(`/api/deals/${dealId}/nda`, { required: true })],
      ['nda accept', (c: Client) => c.post(`/api/deals/${dealId}/nda/accept`, { version: 1 })],
    ] as const;
    for (const who of [stranger, applicant]) {
      for (const [what, call] of paths) {
        expect([what, (await call(who)).status]).toEqual([what, 404]);
      }
    }
    expect(await DealFileModel.countDocuments({ room: dealId })).toBe(1);

    const admin = await signedInAs(app, await buildUser({ role: 'admin', org: null }));
    expect((await admin.get(`/api/deals/${dealId}/files`).expect(200)).body).toMatchObject({ canUpload: false, nda: { canManage: false } });
    expect((await admin.agent.get(`/api/deals/${dealId}/files/${fileId}`).responseType('blob')).status).toBe(200);
    expect(await AuditModel.countDocuments({ action: 'deal.admin_view', 'target.id': dealId })).toBe(2);
    expect((await uploadTo(admin, dealId, { name: 'b.pdf' }, PDF_TYPE, PDF)).status).toBe(403);
    expect((await admin.delete(`/api/deals/${dealId}/files/${fileId}`)).status).toBe(403);
    expect((await admin.put(`/api/deals/${dealId}/nda`, { required: true })).status).toBe(403);
  });
});
