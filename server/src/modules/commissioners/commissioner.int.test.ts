import { Types } from 'mongoose';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { AuditModel } from '../audit/audit.model';
import { NotificationModel } from '../notifications/notification.model';
import { PairingModel } from '../pairing/pairing.model';
import { buildOrg, buildUser } from '../../testing/factories';
import { testApp, useTestDb } from '../../testing/harness';
import { buildResult, signedInAs } from '../../testing/listing-factories';
import { currentTerm } from './commissioner.queries';

useTestDb();
const app = testApp();
const TERM = currentTerm() + 1;

/** A complete application as the form would send it. */
function application(overrides: Record<string, unknown> = {}) {
  return {
    term: TERM,
    expertise: '高分子材料改性与生物基可降解材料的中试放大，长期服务吉林化工企业的工艺改进。',
    keywords: ['聚乳酸', '高分子改性', '中试放大'],
    disciplines: ['430', '530'],
    industries: ['C28', 'C26'],
    cities: ['220200'],
    counties: ['220106'],
    capacity: 3,
    availability: { daysPerMonth: 4, note: '寒暑假可驻企' },
    stakes: [],
    ...overrides,
  };
}

/** A verified university with a manager and an applicant, and an administrator. */
async function programme() {
  const univ = await buildOrg({ type: 'university', verified: true });
  const managerUser = await buildUser({ role: 'researcher', org: univ._id, orgRole: 'manager' });
  const applicantUser = await buildUser({ role: 'researcher', org: univ._id, displayName: '王教授' });
  const adminUser = await buildUser({ role: 'admin' });
  return {
    univ, managerUser, applicantUser, adminUser,
    manager: await signedInAs(app, managerUser),
    applicant: await signedInAs(app, applicantUser),
    admin: await signedInAs(app, adminUser),
  };
}

const notes = (user: Types.ObjectId) => NotificationModel.countDocuments({ user, kind: 'pairing.application' });

describe('commissioner application: apply → endorse → approve → public profile', () => {
  it('runs the whole flow, notifying each side, auditing each step, showing only public fields', async () => {
    const p = await programme();
    const stake = await buildOrg({ type: 'enterprise', name: '利益关联企业甲' });
    const orgStake = await buildOrg({ type: 'enterprise', name: '单位参股企业乙' });
    const published = await buildResult(p.applicantUser, { status: 'published' });
    await buildResult(p.applicantUser); // a draft: never on the profile

    const res = await p.applicant.post('/api/commissioner-applications', application({ stakes: [String(stake._id)] }));
    expect(res.status).toBe(201);
    const id = res.body.id as string;
    expect(res.body).toMatchObject({ status: 'awaiting_endorsement', term: TERM, capacity: 3, stakes: [{ id: String(stake._id), name: '利益关联企业甲' }] });
    expect(await notes(p.managerUser._id)).toBe(1);
    // Not public before approval; an administrator cannot approve before the endorsement.
    expect((await (await signedInAs(app, await buildUser())).get(`/api/commissioners/${id}`)).status).toBe(404);
    expect((await p.admin.post(`/api/commissioner-applications/${id}/review`, { decision: 'approve' })).status).toBe(409);

    // Only a manager of his organisation endorses: not a colleague, not another organisation's manager.
    const colleague = await signedInAs(app, await buildUser({ role: 'researcher', org: p.univ._id }));
    const otherOrg = await buildOrg({ type: 'university', verified: true });
    const stranger = await signedInAs(app, await buildUser({ role: 'researcher', org: otherOrg._id, orgRole: 'manager' }));
    for (const c of [colleague, stranger, p.applicant]) {
      expect((await c.post(`/api/commissioner-applications/${id}/endorsement`, { endorse: true })).status).toBe(403);
    }
    expect((await stranger.get(`/api/commissioner-applications/${id}`)).status).toBe(404);
    const queue = await p.manager.get(`/api/orgs/${String(p.univ._id)}/commissioner-applications`).expect(200);
    expect(queue.body.items.map((a: { id: string }) => a.id)).toEqual([id]);
    expect((await colleague.get(`/api/orgs/${String(p.univ._id)}/commissioner-applications`)).status).toBe(403);

    const endorsed = await p.manager.post(`/api/commissioner-applications/${id}/endorsement`, { endorse: true, note: '同意推荐', orgStakes: [String(orgStake._id)] });
    expect(endorsed.status).toBe(200);
    expect(endorsed.body).toMatchObject({ status: 'awaiting_review', endorsement: { endorsed: true, note: '同意推荐' } });
    expect(await notes(p.applicantUser._id)).toBe(1);
    expect(await notes(p.adminUser._id)).toBe(1);
    // Endorsed once: a second answer finds nothing to endorse.
    expect((await p.manager.post(`/api/commissioner-applications/${id}/endorsement`, { endorse: false })).status).toBe(409);

    // Only an administrator approves.
    expect((await p.manager.post(`/api/commissioner-applications/${id}/review`, { decision: 'approve' })).status).toBe(403);
    expect((await p.applicant.post(`/api/commissioner-applications/${id}/review`, { decision: 'approve' })).status).toBe(403);
    const queueAdmin = await p.admin.get('/api/admin/commissioner-applications').expect(200);
    expect(queueAdmin.body.items.some((a: { id: string }) => a.id === id)).toBe(true);
    const approved = await p.admin.post(`/api/commissioner-applications/${id}/review`, { decision: 'approve' });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    expect(await notes(p.applicantUser._id)).toBe(2);
    expect(await notes(p.managerUser._id)).toBe(2);

    // The public profile: the card and his published results, nothing private.
    const anon = await (await signedInAs(app, await buildUser({ role: 'enterprise' }))).get(`/api/commissioners/${id}`);
    const profile = await request(app).get(`/api/commissioners/${id}`);
    for (const view of [anon, profile]) {
      expect(view.status).toBe(200);
      expect(view.body).toMatchObject({ id, term: TERM, name: '王教授', capacity: 3, org: { id: String(p.univ._id), verified: true } });
      expect(view.body.results.map((r: { id: string }) => r.id)).toEqual([String(published._id)]);
      expect(view.body.results[0].disclosure).toBe('public');
      const json = JSON.stringify(view.body);
      for (const secret of ['stakes', 'orgStakes', 'endorsement', 'contact', 'email', 'phone', String(stake._id), String(orgStake._id), p.applicantUser.email, p.applicantUser.phone, '同意推荐']) {
        expect(json).not.toContain(secret);
      }
    }
    // The applicant still is a researcher: standing lives on the application.
    expect((await p.applicant.get('/api/users/me')).body.role).toBe('researcher');
    const mine = await p.applicant.get('/api/me/commissioner-applications').expect(200);
    expect(mine.body.map((a: { status: string }) => a.status)).toEqual(['approved']);

    for (const action of ['commissioner.apply', 'commissioner.endorse', 'commissioner.approve']) {
      expect(await AuditModel.countDocuments({ action, 'target.id': id })).toBe(1);
    }
    const log = await p.admin.get('/api/admin/audit?action=commissioner.approve').expect(200);
    expect(log.body.items.find((e: { target: { id: string } }) => e.target.id === id)?.target.name).toBe(`王教授（${TERM}）`);
    // One application per person per term.
    const again = await p.applicant.post('/api/commissioner-applications', application());
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('CONFLICT');
  });

  it('lists approved commissioners in the directory by text, region, industry, discipline and term', async () => {
    const p = await programme();
    const id = (await p.applicant.post('/api/commissioner-applications', application()).then((r) => r.body)).id as string;
    await p.manager.post(`/api/commissioner-applications/${id}/endorsement`, { endorse: true });
    await p.admin.post(`/api/commissioner-applications/${id}/review`, { decision: 'approve' });
    const ids = async (qs: string) => {
      const res = await p.manager.get(`/api/commissioners?${qs}`);
      expect(res.status).toBe(200);
      return (res.body.items as { id: string }[]).map((c) => c.id);
    };
    expect(await ids('')).toContain(id);
    expect(await ids(`q=${encodeURIComponent('聚乳酸')}`)).toContain(id);
    expect(await ids(`q=${encodeURIComponent('中试放大')}`)).toContain(id);
    expect(await ids(`q=${encodeURIComponent('心脏外科')}`)).not.toContain(id);
    // He serves 吉林市 whole and 绿园区 of 长春: both cities list him; 长春's other districts do not, 吉林's do.
    expect(await ids('city=220200')).toContain(id);
    expect(await ids('city=220100')).toContain(id);
    expect(await ids('city=220300')).not.toContain(id);
    expect(await ids('county=220106')).toContain(id);
    expect(await ids('county=220102')).not.toContain(id);
    expect(await ids('county=220281')).toContain(id);
    expect(await ids('industry=C28&discipline=530')).toContain(id);
    expect(await ids('industry=C36')).not.toContain(id);
    expect(await ids(`term=${TERM}`)).toContain(id);
    expect(await ids(`term=${TERM + 1}`)).not.toContain(id);
    const card = (await p.manager.get(`/api/commissioners?term=${TERM}`)).body.items.find((c: { id: string }) => c.id === id);
    expect(Object.keys(card).sort()).toEqual(['availability', 'capacity', 'capacityLeft', 'cities', 'counties', 'disciplines', 'expertise', 'id', 'industries', 'keywords', 'name', 'org', 'term', 'title']);
    expect(card.capacityLeft).toBe(3);
  });

  it('counts the places left from live pairings only, on the card and the profile', async () => {
    const p = await programme();
    const id = (await p.applicant.post('/api/commissioner-applications', application()).then((r) => r.body)).id as string;
    await p.manager.post(`/api/commissioner-applications/${id}/endorsement`, { endorse: true });
    await p.admin.post(`/api/commissioner-applications/${id}/review`, { decision: 'approve' });
    const pairing = (status: string) => ({
      run: new Types.ObjectId(), term: TERM, status, request: new Types.ObjectId(), org: new Types.ObjectId(), owner: new Types.ObjectId(),
      commissioner: new Types.ObjectId(id), commissionerUser: p.applicantUser._id, score: 50,
    });
    // Two hold a place; a proposal and a declined pairing do not; another term's pairing does not.
    await PairingModel.insertMany([pairing('confirmed'), pairing('accepted'), pairing('proposed'), pairing('declined'), { ...pairing('accepted'), term: TERM + 1 }]);
    const card = (await request(app).get(`/api/commissioners?term=${TERM}`)).body.items.find((c: { id: string }) => c.id === id);
    expect(card.capacityLeft).toBe(1);
    expect((await request(app).get(`/api/commissioners/${id}`)).body.capacityLeft).toBe(1);
  });
});

describe("the administrator's queue", () => {
  it('narrows by status, term and city served (whole or a county of it)', async () => {
    const p = await programme();
    const id = (await p.applicant.post('/api/commissioner-applications', application()).then((r) => r.body)).id as string;
    await p.manager.post(`/api/commissioner-applications/${id}/endorsement`, { endorse: true });
    const ids = async (qs: string) => {
      const res = await p.admin.get(`/api/admin/commissioner-applications?${qs}`);
      expect(res.status).toBe(200);
      return (res.body.items as { id: string }[]).map((a) => a.id);
    };
    expect(await ids('')).toContain(id);
    expect(await ids(`term=${TERM}`)).toContain(id);
    expect(await ids(`term=${TERM - 1}`)).not.toContain(id);
    expect(await ids('city=220200')).toContain(id); // 吉林市, whole
    expect(await ids('city=220100')).toContain(id); // 长春: 绿园区 only
    expect(await ids('city=220300')).not.toContain(id);
    expect(await ids('status=approved')).not.toContain(id);
    expect((await p.admin.get('/api/admin/commissioner-applications?city=999999')).status).toBe(400);
  });
});

describe('send back, decline and resubmission', () => {
  it('an administrator sends back with a reason; the applicant resubmits and his organisation endorses again', async () => {
    const p = await programme();
    const id = (await p.applicant.post('/api/commissioner-applications', application()).then((r) => r.body)).id as string;
    await p.manager.post(`/api/commissioner-applications/${id}/endorsement`, { endorse: true });
    const noReason = await p.admin.post(`/api/commissioner-applications/${id}/review`, { decision: 'return' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields[0]).toMatchObject({ path: 'body.reason' });
    const returned = await p.admin.post(`/api/commissioner-applications/${id}/review`, { decision: 'return', reason: '请补充可服务县区' });
    expect(returned.body).toMatchObject({ status: 'returned', returnReason: '请补充可服务县区' });
    expect(await NotificationModel.countDocuments({ user: p.applicantUser._id, kind: 'pairing.application', body: '请补充可服务县区' })).toBe(1);

    // Not his to resubmit; not with another term.
    expect((await p.manager.put(`/api/commissioner-applications/${id}`, application())).status).toBe(403);
    expect((await p.applicant.put(`/api/commissioner-applications/${id}`, application({ term: TERM - 1 }))).status).toBe(400);
    const resubmitted = await p.applicant.put(`/api/commissioner-applications/${id}`, application({ counties: ['220106', '220122'], capacity: 2 }));
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.body).toMatchObject({ status: 'awaiting_endorsement', capacity: 2, endorsement: null, counties: ['220106', '220122'] });
    // Told of the submission, of the send-back (he endorsed it) and of the resubmission.
    expect(await notes(p.managerUser._id)).toBe(3);
    // Waiting on the organisation: nothing to resubmit now.
    expect((await p.applicant.put(`/api/commissioner-applications/${id}`, application())).status).toBe(409);

    // The organisation declines; he may resubmit again.
    const declined = await p.manager.post(`/api/commissioner-applications/${id}/endorsement`, { endorse: false, note: '本年度名额已满' });
    expect(declined.body).toMatchObject({ status: 'endorsement_declined', endorsement: { endorsed: false, note: '本年度名额已满' } });
    expect((await p.applicant.put(`/api/commissioner-applications/${id}`, application())).body.status).toBe('awaiting_endorsement');
    for (const action of ['commissioner.return', 'commissioner.resubmit', 'commissioner.endorsement_decline']) {
      expect(await AuditModel.countDocuments({ action, 'target.id': id })).toBeGreaterThanOrEqual(1);
    }
  });
});

describe('who may apply, and what is refused', () => {
  it('refuses accounts outside a verified research unit or enterprise, pending members, intermediaries and administrators', async () => {
    const unverified = await buildOrg({ type: 'university', verified: false });
    const verifiedUniv = await buildOrg({ type: 'university', verified: true });
    const accounts = [
      await buildUser({ role: 'researcher', org: unverified._id }),
      await buildUser({ role: 'researcher', org: verifiedUniv._id, orgStatus: 'pending' }),
      await buildUser({ role: 'researcher', org: null }),
      await buildUser({ role: 'intermediary' }),
      await buildUser({ role: 'admin' }),
    ];
    for (const u of accounts) {
      expect((await (await signedInAs(app, u)).post('/api/commissioner-applications', application())).status).toBe(403);
    }
    // An enterprise's R&D engineer of a verified enterprise, and a commissioner-role account, may apply.
    const ent = await buildOrg({ type: 'enterprise', verified: true });
    const engineer = await signedInAs(app, await buildUser({ role: 'enterprise', org: ent._id }));
    expect((await engineer.post('/api/commissioner-applications', application())).status).toBe(201);
    const inst = await buildOrg({ type: 'institute', verified: true });
    const legacy = await signedInAs(app, await buildUser({ role: 'commissioner', org: inst._id }));
    expect((await legacy.post('/api/commissioner-applications', application())).status).toBe(201);
    // Terms: this year or next only.
    const p = await programme();
    const far = await p.applicant.post('/api/commissioner-applications', application({ term: TERM + 5 }));
    expect(far.status).toBe(400);
    expect(far.body.error.fields[0].path).toBe('body.term');
  });

  it('answers hostile input with 400 and field messages in both languages', async () => {
    const p = await programme();
    const res = await p.applicant.post('/api/commissioner-applications', {
      ...application(),
      term: { $gt: 0 },
      expertise: { $regex: '.*' },
      capacity: 9,
      cities: ['999999'],
      counties: ['220381'],
      disciplines: [{ $ne: null }],
      stakes: [{ $ne: null }],
      availability: { daysPerMonth: 40, $where: 'sleep(1000)' },
    });
    expect(res.status).toBe(400);
    const fields = res.body.error.fields as { path: string; message: string; messageEn: string }[];
    const paths = fields.map((f) => f.path);
    for (const path of ['body.term', 'body.expertise', 'body.capacity', 'body.cities.0', 'body.counties.0', 'body.disciplines.0', 'body.stakes.0', 'body.availability.daysPerMonth', 'body.availability']) {
      expect(paths, path).toContain(path);
    }
    for (const f of fields) {
      expect(f.message).toMatch(/[\u4e00-\u9fff]/);
      expect(f.messageEn).toMatch(/[a-z]/i);
    }
    expect(fields.find((f) => f.path === 'body.counties.0')?.message).toBe('请选择吉林省的县（市、区）');
    // Nowhere to serve; stakes that are not enterprises.
    const nowhere = await p.applicant.post('/api/commissioner-applications', application({ cities: [], counties: [] }));
    expect(nowhere.body.error.fields[0]).toMatchObject({ path: 'body.cities', message: '请至少选择一个可服务的市（州）或县（市、区）' });
    const badStake = await p.applicant.post('/api/commissioner-applications', application({ stakes: [String(p.univ._id)] }));
    expect(badStake.status).toBe(400);
    expect(badStake.body.error.fields[0].path).toBe('body.stakes');
    // The directory's query is checked too.
    expect((await p.applicant.get('/api/commissioners?q[$ne]=x')).status).toBe(400);
    expect((await p.applicant.get('/api/commissioners?county=220381')).status).toBe(400);
    expect((await p.applicant.get('/api/commissioners?city[$gt]=')).status).toBe(400);
    expect((await p.admin.post(`/api/commissioner-applications/${String(p.univ._id)}/review`, { decision: 'approve', extra: 1 })).status).toBe(400);
  });
});

describe('the pairing API in the OpenAPI document', () => {
  it('documents the application body, the directory filters and the service-request body from the zod schemas', async () => {
    type Op = { requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown> } }> }; parameters?: { name: string }[]; tags?: string[] };
    const doc = (await request(app).get('/api/openapi.json').expect(200)).body as { paths: Record<string, Record<string, Op>> };
    const body = (path: string) => Object.keys(doc.paths[path]?.post?.requestBody?.content['application/json']?.schema.properties ?? {});
    expect(body('/api/commissioner-applications')).toEqual(expect.arrayContaining(['term', 'expertise', 'disciplines', 'industries', 'cities', 'counties', 'capacity', 'availability', 'stakes']));
    expect(body('/api/commissioner-applications/{id}/endorsement')).toEqual(expect.arrayContaining(['endorse', 'note', 'orgStakes']));
    expect(body('/api/service-requests')).toEqual(expect.arrayContaining(['problem', 'industry', 'city', 'county', 'keywords', 'urgency', 'preferred', 'excluded']));
    expect(doc.paths['/api/commissioners']?.get?.parameters?.map((p) => p.name)).toEqual(expect.arrayContaining(['q', 'city', 'county', 'industry', 'discipline', 'term', 'page', 'pageSize']));
    expect(doc.paths['/api/commissioners/{id}']?.get?.tags).toEqual(['commissioners']);
    expect(doc.paths['/api/needs/{id}/service-request']?.post?.tags).toEqual(['service requests']);
  });
});
