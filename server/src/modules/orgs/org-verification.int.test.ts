import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ORG_CREATION_LIMITS } from '@kezhuan/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { resetEnv } from '../../config/env';
import { AuditModel } from '../audit/audit.model';
import { NotificationModel } from '../notifications/notification.model';
import { buildOrg, buildUser, randomUscc } from '../../testing/factories';
import { testApp, useTestDb, type Client } from '../../testing/harness';
import { signedInAs } from '../../testing/listing-factories';
import { OrgModel } from './org.model';
import { createOrg } from './org.service';

const dataDir = mkdtempSync(join(tmpdir(), 'kz-evidence-'));
process.env.DATA_DIR = dataDir;
resetEnv();
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

useTestDb();
const app = testApp();
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(1024, 0x20), Buffer.from('\n%%EOF\n')]);

function upload(c: Client, orgId: string, name: string, type: string, bytes: Buffer) {
  return c.agent.post(`/api/orgs/${orgId}/evidence?name=${encodeURIComponent(name)}`).set('X-CSRF-Token', c.csrf).set('Content-Type', type).send(bytes);
}

async function managedOrg(overrides: Parameters<typeof buildOrg>[0] = {}) {
  const org = await buildOrg({ type: 'enterprise', ...overrides });
  const manager = await buildUser({ role: 'enterprise', org: org._id, orgRole: 'manager' });
  return { org, id: String(org._id), manager, c: await signedInAs(app, manager) };
}

describe('verification with evidence', () => {
  it('takes a PDF/JPEG/PNG checked by content from a manager, shows what it waits on, and lets only administrators open it (audited)', async () => {
    const { id, c, manager } = await managedOrg();
    expect((await c.get(`/api/orgs/${id}/verification`)).body).toMatchObject({ state: 'none', waitingOn: 'evidence', evidence: [] });
    expect((await c.post(`/api/orgs/${id}/verification-request`)).status).toBe(409);
    // A script renamed to .pdf, a Word file, and an empty body are refused.
    expect((await upload(c, id, '营业执照.pdf', 'application/pdf', Buffer.from('#!/bin/sh\nrm -rf /'))).status).toBe(415);
    expect((await upload(c, id, '执照.jpg', 'image/jpeg', PDF)).status).toBe(415);
    expect((await upload(c, id, '执照.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', PDF)).status).toBe(400);
    expect((await upload(c, id, '营业执照.pdf', 'application/pdf', Buffer.alloc(0))).status).toBe(400);
    const member = await signedInAs(app, await buildUser({ role: 'enterprise', org: (await OrgModel.findById(id))?._id }));
    expect((await upload(member, id, '营业执照.pdf', 'application/pdf', PDF)).status).toBe(403);

    const res = await upload(c, id, '营业执照.pdf', 'application/pdf', PDF);
    expect(res.status).toBe(201);
    expect((await c.get(`/api/orgs/${id}/verification`)).body).toMatchObject({ waitingOn: 'submit', evidence: [{ name: '营业执照.pdf', size: PDF.length }] });
    const requested = await c.post(`/api/orgs/${id}/verification-request`);
    expect(requested.body).toMatchObject({ state: 'requested', waitingOn: 'admin' });
    expect((await member.get(`/api/orgs/${id}/verification`)).body.state).toBe('requested');

    const file = `/api/admin/orgs/${id}/evidence/${String(res.body.key)}`;
    expect((await c.get(file)).status).toBe(403);
    const adminUser = await buildUser({ role: 'admin' });
    const admin = await signedInAs(app, adminUser);
    const dl = await admin.agent.get(file).responseType('blob');
    expect(dl.status).toBe(200);
    expect(Buffer.from(dl.body as Buffer).equals(PDF)).toBe(true);
    expect(await AuditModel.countDocuments({ action: 'org.evidence_view', actor: adminUser._id })).toBe(1);

    const check = await admin.get(`/api/admin/orgs/${id}`).expect(200);
    expect(check.body).toMatchObject({ state: 'requested', usccCheck: { checksumValid: true, sameCode: [] }, evidence: [{ name: '营业执照.pdf' }] });
    const rejected = await admin.patch(`/api/orgs/${id}/verification`, { verified: false, note: '执照模糊，请重新上传' });
    expect(rejected.body).toMatchObject({ verified: false, verificationState: 'rejected' });
    expect((await c.get(`/api/orgs/${id}/verification`)).body).toMatchObject({ state: 'rejected', note: '执照模糊，请重新上传', waitingOn: 'submit' });
    expect(await NotificationModel.countDocuments({ user: manager._id, kind: 'org.verification' })).toBe(1);
  });

  it('lets verification with evidence win a credit code a squatter claimed first; the squatter is flagged and told', async () => {
    const uscc = randomUscc();
    const squatter = await managedOrg({ name: '吉林省某某化工有限公司', uscc });
    // The real organisation registers later with the same code: not told to join the squatter's.
    const realManager = await buildUser({ role: 'enterprise', org: null });
    const real = await signedInAs(app, realManager);
    const created = await real.post('/api/orgs', { name: '吉林化工股份有限公司', type: 'enterprise', uscc, city: '220200' });
    expect(created.status).toBe(201);
    const realId = String(created.body.id);
    const admin = await signedInAs(app, await buildUser({ role: 'admin' }));
    const check = await admin.get(`/api/admin/orgs/${realId}`);
    expect(check.body.flags).toContain('uscc_disputed');
    expect(check.body.usccCheck.sameCode).toEqual([{ id: squatter.id, name: '吉林省某某化工有限公司', verified: false }]);

    expect((await upload(real, realId, '执照.pdf', 'application/pdf', PDF)).status).toBe(201);
    await real.post(`/api/orgs/${realId}/verification-request`);
    expect((await admin.patch(`/api/orgs/${realId}/verification`, { verified: true })).status).toBe(200);
    const released = await OrgModel.findById(squatter.id).lean();
    expect(released?.flags).toContain('uscc_released');
    expect(await NotificationModel.countDocuments({ user: squatter.manager._id, kind: 'org.verification' })).toBe(1);
    expect(await AuditModel.countDocuments({ action: 'org.uscc_released', 'target.id': squatter.id })).toBe(1);
    // The squatter cannot be verified with the same code now.
    expect((await admin.patch(`/api/orgs/${squatter.id}/verification`, { verified: true })).status).toBe(409);
    // And nobody can register it again.
    const third = await signedInAs(app, await buildUser({ role: 'enterprise', org: null }));
    const again = await third.post('/api/orgs', { name: '第三家', type: 'enterprise', uscc, city: '220200' });
    expect(again.status).toBe(409);
    expect(again.body.error.fields[0].path).toBe('body.uscc');
  });

  it('refuses the name of a verified organisation (spaces, width and punctuation aside) and flags names that only unverified ones hold', async () => {
    await buildOrg({ name: '吉林大学', type: 'university', verified: true });
    await expect(createOrg({ name: '吉林 大学', type: 'university', uscc: randomUscc(), city: '220100' }, { createdBy: null, ip: '' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(createOrg({ name: '吉林大学．', type: 'university', uscc: randomUscc(), city: '220100' }, { createdBy: null, ip: '' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const first = await createOrg({ name: '长春某研究院', type: 'institute', uscc: randomUscc(), city: '220100' }, { createdBy: null, ip: '' });
    const second = await createOrg({ name: '长春 某研究院', type: 'institute', uscc: randomUscc(), city: '220100' }, { createdBy: null, ip: '' });
    expect(second.flags).toContain('name_collision');
    expect((await OrgModel.findById(first._id).lean())?.flags).toContain('name_collision');
  });

  it('limits organisations registered from one address per day', async () => {
    const ip = '203.0.113.9';
    for (let i = 0; i < ORG_CREATION_LIMITS.perIpPerDay; i++) {
      await createOrg({ name: `限额测试${i}`, type: 'enterprise', uscc: randomUscc(), city: '220100' }, { createdBy: null, ip });
    }
    await expect(createOrg({ name: '限额测试X', type: 'enterprise', uscc: randomUscc(), city: '220100' }, { createdBy: null, ip })).rejects.toMatchObject({
      code: 'RATE_LIMITED',
    });
    await createOrg({ name: '另一地址', type: 'enterprise', uscc: randomUscc(), city: '220100' }, { createdBy: null, ip: '203.0.113.10' });
  });
});
