import { describe, expect, it } from 'vitest';
import { AuditModel } from '../audit/audit.model';
import { buildOrg, buildUser, randomUscc } from '../../testing/factories';
import { signedInAs, signedInNew } from '../../testing/listing-factories';
import { client, testApp, useTestDb } from '../../testing/harness';
import { OrgModel } from './org.model';
import { createOrg } from './org.service';

useTestDb();
const app = testApp();

describe('organisations', () => {
  it('lets a signed-in user without an organisation register one (becoming its manager), unverified, and refuses a self-set verified flag', async () => {
    const u = await buildUser({ role: 'enterprise', org: null });
    const c = await signedInAs(app, u);
    const anon = await client(app);
    const body = { name: '吉林省光电科技有限公司', type: 'enterprise', uscc: randomUscc('220200'), city: '220200' };
    expect((await anon.post('/api/orgs', body)).status).toBe(401);
    const sneaky = await c.post('/api/orgs', { ...body, verified: true });
    expect(sneaky.status).toBe(400);
    expect(sneaky.body.error.fields[0]).toMatchObject({ path: 'body', code: 'unrecognized_keys' });
    const res = await c.post('/api/orgs', body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: body.name, verified: false, city: '220200' });
    expect((await c.get('/api/users/me')).body).toMatchObject({ org: { id: res.body.id }, membership: { orgRole: 'manager', status: 'active' } });
    // One account, one organisation.
    expect((await c.post('/api/orgs', { ...body, name: '另一个名字', uscc: randomUscc() })).status).toBe(409);
  });

  it('validates the credit code checksum and the city', async () => {
    const { c } = await signedInNew(app, 'enterprise');
    const good = randomUscc();
    const badCheck = good.slice(0, 17) + (good.endsWith('0') ? '1' : '0');
    const res = await c.post('/api/orgs', { name: '某公司', type: 'enterprise', uscc: badCheck, city: '110000' });
    expect(res.status).toBe(400);
    const paths = (res.body.error.fields as { path: string }[]).map((f) => f.path).sort();
    expect(paths).toEqual(['body.city', 'body.uscc']);
  });

  it('searches by name, type, city and verification, treating the query as text', async () => {
    await buildOrg({ name: '延边大学测试', type: 'university', city: '222400', verified: true });
    await buildOrg({ name: '延边农业技术公司', type: 'enterprise', city: '222400' });
    const c = await client(app);
    const byName = await c.get('/api/orgs?q=延边&pageSize=50').expect(200);
    expect(byName.body.items.map((o: { name: string }) => o.name).sort()).toEqual(['延边农业技术公司', '延边大学测试']);
    const verified = await c.get('/api/orgs?q=延边&verified=true').expect(200);
    expect(verified.body.items).toHaveLength(1);
    const byType = await c.get('/api/orgs?city=222400&type=enterprise').expect(200);
    expect(byType.body.items.map((o: { name: string }) => o.name)).toEqual(['延边农业技术公司']);
    const twoTypes = await c.get('/api/orgs?city=222400&type=enterprise&type=university').expect(200);
    expect(twoTypes.body.total).toBe(2);
    const regexy = await c.get(`/api/orgs?q=${encodeURIComponent('.*(')}`).expect(200);
    expect(regexy.body.total).toBe(0);
  });

  it('only administrators verify, and each change is in the audit log', async () => {
    const org = await buildOrg();
    const { c: researcher } = await signedInNew(app, 'researcher');
    expect((await researcher.patch(`/api/orgs/${String(org._id)}/verification`, { verified: true })).status).toBe(403);
    expect((await OrgModel.findById(org._id))?.verified).toBe(false);

    const { u: admin, c } = await signedInNew(app, 'admin');
    const res = await c.patch(`/api/orgs/${String(org._id)}/verification`, { verified: true, note: '营业执照已核验' });
    expect(res.status).toBe(200);
    expect(res.body.verified).toBe(true);
    const entry = await AuditModel.findOne({ action: 'org.verify', 'target.id': String(org._id) }).lean();
    expect(String(entry?.actor)).toBe(String(admin._id));
    expect(entry?.detail).toMatchObject({ note: '营业执照已核验', uscc: org.uscc });

    const log = await c.get('/api/admin/audit?action=org.verify').expect(200);
    expect(log.body.items[0]).toMatchObject({ action: 'org.verify', actor: { displayName: admin.displayName } });
    // The log names what was acted on, not only its database id.
    expect(log.body.items[0].target).toEqual({ kind: 'org', id: String(org._id), name: org.name });
    expect((await researcher.get('/api/admin/audit')).status).toBe(403);

    expect((await c.patch('/api/orgs/0123456789abcdef01234567/verification', { verified: true })).status).toBe(404);
  });

  it('flags every claimant of a credit code that only unverified organisations hold, and refuses one a verified organisation holds', async () => {
    const uscc = randomUscc();
    await Promise.all(Array.from({ length: 3 }, (_, i) => createOrg({ name: `并发机构${i}`, type: 'enterprise', uscc, city: '220100' }, { createdBy: null, ip: '' })));
    await createOrg({ name: '并发机构3', type: 'enterprise', uscc, city: '220100' }, { createdBy: null, ip: '' });
    const claimants = await OrgModel.find({ uscc }).lean();
    expect(claimants).toHaveLength(4);
    expect(claimants.every((o) => o.flags.includes('uscc_disputed'))).toBe(true);
    const taken = await buildOrg({ verified: true });
    await expect(createOrg({ name: '冒名公司', type: 'enterprise', uscc: taken.uscc, city: '220100' }, { createdBy: null, ip: '' })).rejects.toMatchObject({ code: 'CONFLICT' });
    // Unrelated concurrent writes all land (SQLite serialises them; none is lost).
    await Promise.all(Array.from({ length: 50 }, (_, i) => createOrg({ name: `批量${i}`, type: 'enterprise', uscc: randomUscc(), city: '220300' }, { createdBy: null, ip: '' })));
    expect(await OrgModel.countDocuments({ city: '220300' })).toBe(50);
  });
});
