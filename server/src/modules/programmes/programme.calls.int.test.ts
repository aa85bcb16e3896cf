import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { AuditModel } from '../audit/audit.model';
import { buildUser } from '../../testing/factories';
import { testApp, useTestDb } from '../../testing/harness';
import { signedInAs } from '../../testing/listing-factories';
import { buildCall, validCallInput } from './programme.testing';

useTestDb();
const app = testApp();

describe('programme calls', () => {
  it('are drafted, edited and published by administrators; the public sees only published ones', async () => {
    const admin = await signedInAs(app, await buildUser({ role: 'admin' }));
    const created = await admin.post('/api/admin/calls', validCallInput());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', programmeType: 'key_transformation', requiredDocuments: ['可行性研究报告'] });
    const id = created.body.id as string;

    expect((await request(app).get(`/api/calls/${id}`)).status).toBe(404);
    expect((await request(app).get('/api/calls')).body.total).toBe(0);

    const edited = await admin.put(`/api/admin/calls/${id}`, validCallInput({ title: '2026年度重点科技成果转化项目申报指南' }));
    expect(edited.body.title).toBe('2026年度重点科技成果转化项目申报指南');
    expect((await admin.post(`/api/admin/calls/${id}/publish`)).body.status).toBe('published');
    expect((await admin.post(`/api/admin/calls/${id}/publish`)).status).toBe(409);

    const list = await request(app).get('/api/calls?programmeType=key_transformation');
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([id]);
    expect((await request(app).get('/api/calls?programmeType=sme_innovation')).body.total).toBe(0);
    const actions = (await AuditModel.find({ 'target.id': id }).lean()).map((a) => a.action).sort();
    expect(actions).toEqual(['programme.call_create', 'programme.call_publish', 'programme.call_update']);
  });

  it('refuse bad calls with field messages, and non-administrators', async () => {
    const admin = await signedInAs(app, await buildUser({ role: 'admin' }));
    const bad = await admin.post('/api/admin/calls', validCallInput({ fundingMin: 3_000_000, closesAt: '2000-01-01', criteria: [{ name: '先进性', weight: 30 }] }));
    expect(bad.status).toBe(400);
    const paths = (bad.body.error.fields as { path: string }[]).map((f) => f.path).sort();
    expect(paths).toEqual(['body.closesAt', 'body.criteria', 'body.fundingMax']);
    expect((await admin.post('/api/admin/calls', { ...validCallInput(), $where: '1' })).status).toBe(400);
    expect((await admin.post('/api/admin/calls', validCallInput({ programmeType: { $ne: null } }))).status).toBe(400);
    const researcher = await signedInAs(app, await buildUser({ role: 'researcher' }));
    expect((await researcher.post('/api/admin/calls', validCallInput())).status).toBe(403);
  });

  it('close by date: a closed call is shown as closed, cannot be published or edited', async () => {
    const admin = await signedInAs(app, await buildUser({ role: 'admin' }));
    const past = await buildCall({ year: 2013, opensAt: '2013-03-01', closesAt: '2013-04-30' });
    expect((await request(app).get(`/api/calls/${String(past._id)}`)).body.status).toBe('closed');
    expect((await admin.put(`/api/admin/calls/${String(past._id)}`, validCallInput({ year: 2013, opensAt: '2013-03-01', closesAt: '2013-04-30' }))).status).toBe(409);
    const draft = await buildCall({ year: 2013, opensAt: '2013-03-01', closesAt: '2013-04-30' }, 'draft');
    expect((await admin.post(`/api/admin/calls/${String(draft._id)}/publish`)).status).toBe(409);
    expect((await request(app).get('/api/calls?year=2013')).body.items[0]).toMatchObject({ status: 'closed' });
  });
});
