import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Types } from 'mongoose';
import { afterAll, describe, expect, it } from 'vitest';
import { resetEnv } from '../../config/env';
import { AuditModel } from '../audit/audit.model';
import { CommissionerModel } from '../commissioners/commissioner.model';
import { PairingModel } from '../pairing/pairing.model';
import { ServiceRequestModel } from '../service-requests/service-request.model';
import { buildOrg, buildUser } from '../../testing/factories';
import { testApp, useTestDb, type Client } from '../../testing/harness';
import { signedInAs } from '../../testing/listing-factories';
import { ServiceEntryModel } from './service.model';

const dataDir = mkdtempSync(join(tmpdir(), 'kz-service-attach-'));
process.env.DATA_DIR = dataDir;
resetEnv();
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

useTestDb();
const app = testApp();
const term = 2027;
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2048, 0x20), Buffer.from('\n%%EOF\n')]);
const JPG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(512, 0x90)]);

function upload(c: Client, path: string, name: string, type: string, bytes: Buffer) {
  return c.agent.post(`${path}/attachments?name=${encodeURIComponent(name)}`).set('X-CSRF-Token', c.csrf).set('Content-Type', type).send(bytes);
}

/** An accepted pairing with a confirmed agreement and one logged entry. */
async function logged() {
  const univ = await buildOrg({ type: 'university', verified: true });
  const cUser = await buildUser({ role: 'researcher', org: univ._id });
  const now = new Date();
  const com = await CommissionerModel.create({
    user: cUser._id, org: univ._id, term, status: 'approved', expertise: '高分子材料改性', disciplines: ['430'], industries: ['C36'], cities: ['220100'], serveCities: ['220100'], capacity: 2, submittedAt: now, approvedAt: now,
  });
  const ent = await buildOrg({ type: 'enterprise', verified: true });
  const owner = await buildUser({ role: 'enterprise', org: ent._id });
  const req = await ServiceRequestModel.create({ org: ent._id, owner: owner._id, status: 'paired', title: '内饰件VOC超标', problem: '需要改进配方。', industry: 'C36', city: '220100', urgency: 'normal', openedAt: now });
  const p = await PairingModel.create({
    run: new Types.ObjectId(), term, status: 'confirmed', request: req._id, org: ent._id, owner: owner._id, commissioner: com._id, commissionerUser: cUser._id, score: 80, confirmedAt: now,
  });
  const id = String(p._id);
  const c = await signedInAs(app, cUser);
  const e = await signedInAs(app, owner);
  expect((await c.post(`/api/pairings/${id}/answer`, { accept: true })).status).toBe(200);
  expect((await e.post(`/api/pairings/${id}/answer`, { accept: true })).body.status).toBe('accepted');
  expect((await c.put(`/api/pairings/${id}/agreement`, { goals: '降低内饰件VOC', plannedVisits: 6, plannedHours: 40, startsOn: `${term}-03-01`, endsOn: `${term}-11-30` })).status).toBe(200);
  expect((await e.post(`/api/pairings/${id}/agreement/confirm`)).status).toBe(200);
  const entry = await c.post(`/api/pairings/${id}/service-entries`, { date: `${term}-04-10`, hours: 6, problems: '分析VOC来源', outcomes: '确定增塑剂为主要来源' });
  expect(entry.status).toBe(201);
  return { id, c, e, ent, entryPath: `/api/pairings/${id}/service-entries/${entry.body.id as string}`, entryId: entry.body.id as string };
}

describe('attachments on service log entries', () => {
  it('stores a file checked by content on the entry and lists it on the service page', async () => {
    const s = await logged();
    const res = await upload(s.c, s.entryPath, '走访照片.jpg', 'image/jpeg', JPG);
    expect(res.status).toBe(201);
    const [file] = res.body.attachments as { key: string }[];
    expect(file).toMatchObject({ name: '走访照片.jpg', size: JPG.length, mime: 'image/jpeg' });
    expect(existsSync(join(dataDir, 'uploads', file!.key))).toBe(true);
    expect((await upload(s.c, s.entryPath, '检测报告.pdf', 'application/pdf', PDF)).status).toBe(201);
    const page = await s.e.get(`/api/pairings/${s.id}/service`);
    expect(page.body.entries[0].attachments.map((a: { name: string }) => a.name)).toEqual(['走访照片.jpg', '检测报告.pdf']);
    expect(await AuditModel.countDocuments({ action: 'service.entry_attach' })).toBe(2);
  });

  it('refuses content that does not match its type (415, zh/en), oversize bodies (413), the enterprise side and confirmed entries', async () => {
    const s = await logged();
    const exe = await upload(s.c, s.entryPath, 'report.pdf', 'application/pdf', EXE);
    expect(exe.status).toBe(415);
    expect(exe.body.error.message).toContain('PDF');
    expect(exe.body.error.messageEn).toContain('content matches');
    expect((await upload(s.c, s.entryPath, 'a.exe', 'application/octet-stream', EXE)).status).toBe(400);
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    expect((await upload(s.c, s.entryPath, 'big.pdf', 'application/pdf', big)).status).toBe(413);
    expect((await upload(s.e, s.entryPath, 'a.pdf', 'application/pdf', PDF)).status).toBe(403);
    expect((await s.e.post(`${s.entryPath}/review`, { confirm: true })).body.status).toBe('confirmed');
    expect((await upload(s.c, s.entryPath, 'a.pdf', 'application/pdf', PDF)).status).toBe(409);
    expect((await ServiceEntryModel.findById(s.entryId).lean())?.attachments).toHaveLength(0);
  });

  it('lets both sides, members of the enterprise and administrators download; strangers and other organisations get 404', async () => {
    const s = await logged();
    const key = ((await upload(s.c, s.entryPath, '检测报告.pdf', 'application/pdf', PDF)).body.attachments as { key: string }[])[0]!.key;
    const download = (c: Client) => c.agent.get(`${s.entryPath}/attachments/${key}`).responseType('blob');

    const stranger = await signedInAs(app, await buildUser({ role: 'researcher' }));
    expect((await download(stranger)).status).toBe(404);
    const otherOrg = await signedInAs(app, await buildUser({ role: 'enterprise', org: (await buildOrg({ type: 'enterprise', verified: true }))._id }));
    expect((await download(otherOrg)).status).toBe(404);
    const admin = await signedInAs(app, await buildUser({ role: 'admin' }));
    const member = await signedInAs(app, await buildUser({ role: 'enterprise', org: s.ent._id }));
    for (const c of [s.c, s.e, member, admin]) {
      const res = await download(c);
      expect(res.status).toBe(200);
      expect(Buffer.compare(res.body as Buffer, PDF)).toBe(0);
      expect(res.headers['content-disposition']).toContain('attachment');
    }
    expect((await s.c.agent.get(`${s.entryPath}/attachments/${'0'.repeat(32)}`)).status).toBe(404);
  });
});
