import { describe, expect, it } from 'vitest';
import { AuditModel } from '../audit/audit.model';
import { buildOrg, buildUser } from '../../testing/factories';
import { testApp, useTestDb } from '../../testing/harness';
import { signedInAs } from '../../testing/listing-factories';

useTestDb();
const app = testApp();

function ok<T extends { status: number }>(res: T): T {
  expect(res.status).toBe(200);
  return res;
}

describe('leaving an organisation', () => {
  it('an applicant sees who decides his request, withdraws it (audited, gone from the managers\' list) and may ask another', async () => {
    const org = await buildOrg({ type: 'university', verified: true });
    const managerUser = await buildUser({ role: 'researcher', org: org._id, orgRole: 'manager', displayName: '王管理' });
    const manager = await signedInAs(app, managerUser);
    const applicantUser = await buildUser({ role: 'researcher', org: null });
    const applicant = await signedInAs(app, applicantUser);
    const joined = ok(await applicant.post('/api/orgs/join', { orgId: String(org._id) }));
    expect(joined.body.membership).toMatchObject({ status: 'pending', decidedBy: { kind: 'managers', names: ['王管理'] } });
    expect(typeof joined.body.membership.requestedAt).toBe('string');

    // Another organisation's id (a stale page) withdraws nothing.
    const other = await buildOrg({ type: 'university' });
    expect((await applicant.post('/api/orgs/join/withdraw', { orgId: String(other._id) })).status).toBe(404);
    expect((await applicant.post('/api/orgs/join/withdraw', {})).status).toBe(400);

    const res = ok(await applicant.post('/api/orgs/join/withdraw', { orgId: String(org._id) }));
    expect(res.body).toMatchObject({ org: null, membership: null });
    const members = (await manager.get(`/api/orgs/${String(org._id)}/members`).expect(200)).body as { id: string }[];
    expect(members.some((m) => m.id === String(applicantUser._id))).toBe(false);
    expect(await AuditModel.countDocuments({ action: 'org.join_withdraw', actor: applicantUser._id, 'target.id': String(org._id) })).toBe(1);

    // Without managers, the platform's administrators decide.
    const again = ok(await applicant.post('/api/orgs/join', { orgId: String(other._id) }));
    expect(again.body.membership.decidedBy).toEqual({ kind: 'admins', names: [] });
  });

  it('a member leaves (audited); the last manager may not until he names another', async () => {
    const org = await buildOrg({ type: 'university', verified: true });
    const managerUser = await buildUser({ role: 'researcher', org: org._id, orgRole: 'manager' });
    const manager = await signedInAs(app, managerUser);
    const memberUser = await buildUser({ role: 'researcher', org: org._id });
    const member = await signedInAs(app, memberUser);
    const orgId = String(org._id);

    const refused = await manager.post('/api/orgs/leave', { orgId });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('唯一的管理员');
    // A pending applicant withdraws; he does not "leave".
    expect((await member.post('/api/orgs/join/withdraw', { orgId })).status).toBe(404);

    expect((ok(await member.post('/api/orgs/leave', { orgId }))).body).toMatchObject({ org: null, membership: null });
    expect(await AuditModel.countDocuments({ action: 'org.member_leave', actor: memberUser._id })).toBe(1);
    expect((await member.post('/api/orgs/leave', { orgId })).status).toBe(404);

    const heir = await buildUser({ role: 'researcher', org: org._id });
    ok(await manager.patch(`/api/orgs/${orgId}/members/${String(heir._id)}`, { orgRole: 'manager' }));
    ok(await manager.post('/api/orgs/leave', { orgId }));
    expect((await (await signedInAs(app, heir)).get('/api/users/me')).body.membership.orgRole).toBe('manager');
  });
});
