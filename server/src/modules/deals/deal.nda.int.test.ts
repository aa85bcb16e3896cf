import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_DEAL_NDA_TEXT } from '@kezhuan/shared';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { resetEnv } from '../../config/env';
import { AuditModel } from '../audit/audit.model';
import { NotificationModel } from '../notifications/notification.model';
import { buildUser } from '../../testing/factories';
import { testApp, useTestDb } from '../../testing/harness';
import { signedInAs } from '../../testing/listing-factories';
import { setDealUpdatePublisher } from './deal.events';
import { DealNdaAcceptanceModel } from './deal.files.model';
import { openedDeal, PDF, PDF_TYPE, uploadTo } from './deal.testing';

const dataDir = mkdtempSync(join(tmpdir(), 'kz-deal-nda-'));
process.env.DATA_DIR = dataDir;
resetEnv();
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
afterEach(() => setDealUpdatePublisher(undefined));

useTestDb();
const app = testApp();
const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

describe('the NDA step', () => {
  it('the provider requires it; confidential files stay nameless and closed to each person until he accepts; every opening is audited', async () => {
    const { dealId, ent, res, enterprise, researcher } = await openedDeal(app);
    const updates: string[] = [];
    setDealUpdatePublisher((_id, what) => updates.push(what));

    // No confidential file before the NDA is required, from either side.
    const early = await uploadTo(res, dealId, { name: '配方.pdf', confidential: 'true' }, PDF_TYPE, PDF);
    expect(early.status).toBe(409);
    expect(early.body.error.messageEn).toContain('must require an NDA');
    // Only the provider sets it.
    expect((await ent.put(`/api/deals/${dealId}/nda`, { required: true })).status).toBe(403);

    const set = await res.put(`/api/deals/${dealId}/nda`, { required: true });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ required: true, version: 1, text: DEFAULT_DEAL_NDA_TEXT, hash: sha(DEFAULT_DEAL_NDA_TEXT), canManage: true, acceptedByMe: false, setBy: { id: String(researcher._id) } });
    expect(await NotificationModel.countDocuments({ user: enterprise._id, kind: 'deal.files' })).toBe(1);
    expect(await AuditModel.countDocuments({ action: 'deal.nda_set', 'target.id': dealId })).toBe(1);

    const secret = await uploadTo(res, dealId, { name: '配方-核心参数.pdf', note: '反应温度 180℃', confidential: 'true' }, PDF_TYPE, PDF);
    expect(secret.status).toBe(201);
    const fileId = secret.body.id as string;
    expect((await uploadTo(res, dealId, { name: '公开简介.pdf' }, PDF_TYPE, PDF)).status).toBe(201);

    // The enterprise sees that a confidential file exists, not its name or note, and cannot open it.
    let list = (await ent.get(`/api/deals/${dealId}/files`).expect(200)).body;
    expect(list.nda).toMatchObject({ required: true, version: 1, canManage: false, acceptedByMe: false });
    const hidden = list.items.find((f: { id: string }) => f.id === fileId);
    expect(hidden).toMatchObject({ name: null, note: null, confidential: true, visible: false, size: PDF.length });
    expect(JSON.stringify(list)).not.toContain('配方');
    const refused = await ent.get(`/api/deals/${dealId}/files/${fileId}`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('保密协议');
    // The provider's colleague opens it (his side disclosed it), audited.
    const colleagueUser = await buildUser({ role: 'researcher', org: researcher.org });
    const colleague = await signedInAs(app, colleagueUser);
    expect((await colleague.get(`/api/deals/${dealId}/files/${fileId}`)).status).toBe(200);

    // Accepting a version he did not read, or none, is refused.
    expect((await ent.post(`/api/deals/${dealId}/nda/accept`, { version: 2 })).status).toBe(409);
    expect((await ent.post(`/api/deals/${dealId}/nda/accept`, {})).status).toBe(400);
    const accepted = await ent.post(`/api/deals/${dealId}/nda/accept`, { version: 1 });
    expect(accepted.status).toBe(200);
    expect(accepted.body.acceptedByMe).toBe(true);
    expect(accepted.body.acceptances).toMatchObject([{ user: { id: String(enterprise._id) }, org: { id: String(enterprise.org) }, party: 'demand' }]);
    expect((await ent.post(`/api/deals/${dealId}/nda/accept`, { version: 1 })).status).toBe(200);
    const record = await DealNdaAcceptanceModel.find({ room: dealId }).lean();
    expect(record).toHaveLength(1);
    expect(record[0]).toMatchObject({ user: enterprise._id, org: enterprise.org, party: 'demand', version: 1, hash: sha(DEFAULT_DEAL_NDA_TEXT) });
    expect(record[0]!.ip).toBeTruthy();
    expect(record[0]!.at).toBeInstanceOf(Date);

    list = (await ent.get(`/api/deals/${dealId}/files`).expect(200)).body;
    expect(list.items.find((f: { id: string }) => f.id === fileId)).toMatchObject({ name: '配方-核心参数.pdf', note: '反应温度 180℃', visible: true });
    expect((await ent.get(`/api/deals/${dealId}/files/${fileId}`)).status).toBe(200);
    const views = await AuditModel.find({ action: 'deal.file_view', 'target.id': dealId }).lean();
    expect(views.map((v) => String(v.actor))).toEqual([String(colleagueUser._id), String(enterprise._id)]);
    expect(views[1]!.detail).toMatchObject({ file: fileId, name: '配方-核心参数.pdf' });

    // Per person: a colleague of the enterprise has not accepted.
    const entColleague = await signedInAs(app, await buildUser({ role: 'enterprise', org: enterprise.org }));
    expect((await entColleague.get(`/api/deals/${dealId}/files/${fileId}`)).status).toBe(403);
    expect(updates).toEqual(['nda', 'files', 'files', 'nda']);
  });

  it('a new text is a new version everyone accepts again; lifting waits until no confidential file is left', async () => {
    const { dealId, ent, res } = await openedDeal(app);
    expect((await res.put(`/api/deals/${dealId}/nda`, { required: true })).status).toBe(200);
    expect((await ent.post(`/api/deals/${dealId}/nda/accept`, { version: 1 })).status).toBe(200);
    const fileId = (await uploadTo(res, dealId, { name: '工艺.pdf', confidential: 'true' }, PDF_TYPE, PDF)).body.id as string;
    expect((await ent.get(`/api/deals/${dealId}/files/${fileId}`)).status).toBe(200);

    const text = '保密协议（修订）：双方对洽谈中获知的保密文件负有五年保密义务。NDA (revised): five years.';
    const edited = await res.put(`/api/deals/${dealId}/nda`, { required: true, text });
    expect(edited.body).toMatchObject({ version: 2, text, hash: sha(text), acceptances: [] });
    expect((await ent.get(`/api/deals/${dealId}/files/${fileId}`)).status).toBe(403);
    expect((await ent.get(`/api/deals/${dealId}/files`).expect(200)).body.nda.acceptedByMe).toBe(false);
    // Saving the same text again keeps the version.
    expect((await res.put(`/api/deals/${dealId}/nda`, { required: true, text })).body.version).toBe(2);
    expect((await ent.post(`/api/deals/${dealId}/nda/accept`, { version: 2 })).status).toBe(200);
    expect((await ent.get(`/api/deals/${dealId}/files/${fileId}`)).status).toBe(200);

    const lift = await res.put(`/api/deals/${dealId}/nda`, { required: false });
    expect(lift.status).toBe(409);
    expect(lift.body.error.messageEn).toContain('remove them');
    expect((await res.delete(`/api/deals/${dealId}/files/${fileId}`)).status).toBe(204);
    expect((await res.put(`/api/deals/${dealId}/nda`, { required: false })).body.required).toBe(false);
    expect((await ent.post(`/api/deals/${dealId}/nda/accept`, { version: 2 })).status).toBe(409);
  });

  it('refuses bad input with field messages and lets administrators open confidential files, audited twice', async () => {
    const { dealId, res } = await openedDeal(app);
    const short = await res.put(`/api/deals/${dealId}/nda`, { required: true, text: '太短' });
    expect(short.status).toBe(400);
    expect(short.body.error.fields[0]).toMatchObject({ path: 'body.text' });
    expect((await res.put(`/api/deals/${dealId}/nda`, { text: DEFAULT_DEAL_NDA_TEXT })).status).toBe(400);
    expect((await res.put(`/api/deals/${dealId}/nda`, { required: 'yes' })).status).toBe(400);
    expect((await res.post(`/api/deals/${dealId}/nda/accept`, { version: 1 })).status).toBe(409);

    expect((await res.put(`/api/deals/${dealId}/nda`, { required: true })).status).toBe(200);
    const fileId = (await uploadTo(res, dealId, { name: '图纸.pdf', confidential: 'true' }, PDF_TYPE, PDF)).body.id as string;
    const admin = await signedInAs(app, await buildUser({ role: 'admin', org: null }));
    expect((await admin.get(`/api/deals/${dealId}/files/${fileId}`)).status).toBe(200);
    expect(await AuditModel.countDocuments({ action: 'deal.file_view', 'target.id': dealId })).toBe(1);
    expect(await AuditModel.countDocuments({ action: 'deal.admin_view', 'target.id': dealId })).toBe(1);
    expect((await admin.post(`/api/deals/${dealId}/nda/accept`, { version: 1 })).status).toBe(403);
  });
});
