import { describe, expect, it } from 'vitest';
import { AuditModel } from '../audit/audit.model';
import { openedDeal } from '../deals/deal.testing';
import { NotificationModel } from '../notifications/notification.model';
import { OrgModel } from '../orgs/org.model';
import { buildOrg, buildUser, randomUscc, TEST_PASSWORD, uniquePhone } from '../../testing/factories';
import { client, testApp, useTestDb, type Client } from '../../testing/harness';
import { buildNeed, buildResult, signedInAs } from '../../testing/listing-factories';
import { TestOutbox } from '../../testing/outbox';
import { registerWithCode } from '../../testing/registration';
import { PDF_BYTES } from '../programmes/programme.testing';
import { financialFirm, validProductInput } from './financing.testing';

useTestDb();
const outbox = new TestOutbox();
const app = testApp({ messaging: outbox });

describe('the financial organisation type and the financier role', () => {
  it('a financier registers with a new financial organisation; no other role may create one, nor join one', async () => {
    const c = await client(app);
    const email = `bank${Date.now()}@example.cn`;
    const ok = await registerWithCode(c, outbox, {
      email, phone: uniquePhone(), password: TEST_PASSWORD, displayName: '信贷经理', role: 'financier',
      newOrg: { name: '吉林测试银行科技支行', type: 'financial', uscc: randomUscc(), city: '220100' },
    });
    expect(ok.status).toBe(201);
    expect(await OrgModel.countDocuments({ name: '吉林测试银行科技支行', type: 'financial' })).toBe(1);
    const wrong = await (await client(app)).post('/api/auth/register', {
      email: `ent${Date.now()}@example.cn`, phone: uniquePhone(), password: TEST_PASSWORD, displayName: '企业', role: 'enterprise',
      newOrg: { name: '某担保公司', type: 'financial', uscc: randomUscc(), city: '220100' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields[0]).toMatchObject({ path: 'body.newOrg.type' });
    const enterpriseOrg = await buildOrg({ type: 'enterprise' });
    const joinWrong = await (await client(app)).post('/api/auth/register', {
      email: `fin${Date.now()}@example.cn`, phone: uniquePhone(), password: TEST_PASSWORD, displayName: '金融', role: 'financier', orgId: String(enterpriseOrg._id),
    });
    expect(joinWrong.status).not.toBe(202);
  });

  it('only a financial organisation’s member sets its kind', async () => {
    const firm = await financialFirm(app);
    expect((await firm.c.get('/api/financing/profile').expect(200)).body.kind).toBeNull();
    expect((await firm.c.put('/api/financing/profile', { kind: 'bank' })).body.kind).toBe('bank');
    expect((await firm.c.put('/api/financing/profile', { kind: 'pawnshop' })).status).toBe(400);
    const ent = await signedInAs(app, await buildUser({ role: 'enterprise' }));
    expect((await ent.put('/api/financing/profile', { kind: 'bank' })).status).toBe(403);
  });
});

describe('financing products', () => {
  it('members of a verified financial organisation publish, edit and withdraw their own only; the catalogue filters', async () => {
    const mine = await financialFirm(app);
    await mine.c.put('/api/financing/profile', { kind: 'bank' });
    const other = await financialFirm(app);
    const made = await mine.c.post('/api/financing/products', validProductInput());
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ kind: 'ip_pledge', mine: true, status: 'active', org: { kind: 'bank' }, conditions: { amountMin: 500_000, rateText: 'LPR+50BP' } });
    const path = `/api/financing/products/${String(made.body.id)}`;
    expect((await other.c.put(path, validProductInput({ title: '改掉' }))).status).toBe(403);
    expect((await other.c.post(`${path}/withdraw`)).status).toBe(403);
    const ent = await signedInAs(app, await buildUser({ role: 'enterprise' }));
    expect((await ent.post('/api/financing/products', validProductInput())).status).toBe(403);
    expect((await (await financialFirm(app, { verified: false })).c.post('/api/financing/products', validProductInput())).status).toBe(403);
    // Hostile and invalid input: field errors, never 500.
    const bad = await mine.c.post('/api/financing/products', validProductInput({}, { amountMin: 9, amountMax: 1 }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0]).toMatchObject({ path: 'body.conditions.amountMax', message: '上限不能低于下限' });
    expect((await mine.c.post('/api/financing/products', { ...validProductInput(), org: String(other.org._id) })).status).toBe(400);
    expect((await ent.get('/api/financing/products?city[$ne]=1')).status).toBe(400);
    expect((await ent.get('/api/financing/products/not-an-id')).status).toBe(400);

    await other.c.post('/api/financing/products', validProductInput({ kind: 'venture', title: '天使投资 (早期)' }, { cities: [], maturities: ['lab'] }));
    const list = async (q: string) => (await ent.get(`/api/financing/products?${q}`).expect(200)).body;
    expect((await list('kind=ip_pledge')).items.map((p: { id: string }) => p.id)).toContain(made.body.id);
    // An empty condition is "any": the venture product fits every city.
    expect((await list(`city=222400&org=${String(other.org._id)}`)).total).toBe(1);
    expect((await list(`city=222400&org=${String(mine.org._id)}`)).total).toBe(0);
    expect((await list(`maturity=lab&org=${String(mine.org._id)}`)).total).toBe(0);
    expect((await list(`q=${encodeURIComponent('(早期)')}`)).total).toBe(1);
    expect((await list(`q=${encodeURIComponent('.*')}`)).total).toBe(0);

    expect((await mine.c.post(`${path}/withdraw`)).body.status).toBe('withdrawn');
    expect((await ent.get(path)).status).toBe(404);
    expect((await mine.c.get('/api/financing/products?mine=1').expect(200)).body.items[0]).toMatchObject({ status: 'withdrawn', mine: true });
    expect(await AuditModel.countDocuments({ action: { $in: ['financing.product_create', 'financing.product_withdraw'] } })).toBe(3);
  });
});

describe('fit with reasons', () => {
  it('a result, a need and a deal room get the fitting products with reasons; private subjects are 404 to strangers', async () => {
    const bank = await financialFirm(app);
    const pledge = (await bank.c.post('/api/financing/products', validProductInput())).body;
    const yanbian = (await bank.c.post('/api/financing/products', validProductInput({ kind: 'credit_guarantee', title: '延边科技担保' }, { cities: ['222400'] }))).body;
    const small = (await bank.c.post('/api/financing/products', validProductInput({ kind: 'tech_insurance', title: '研发费用损失保险' }, { amountMin: null, amountMax: 100_000, maturities: [], industries: [], cities: [] }))).body;

    const researcher = await buildUser({ role: 'researcher' });
    const result = await buildResult(researcher, { status: 'published' });
    const anon = await client(app);
    const fit = (await anon.get(`/api/financing/fit?subject=result&id=${String(result._id)}`).expect(200)).body;
    const byId = new Map(fit.items.map((i: { product: { id: string } }) => [i.product.id, i]));
    expect(byId.get(pledge.id)).toMatchObject({ fits: true, unmet: [] });
    expect((byId.get(pledge.id) as { reasons: { zh: string }[] }).reasons.map((r) => r.zh)).toContain('有1项已授权专利可作质押');
    expect(byId.get(yanbian.id)).toMatchObject({ fits: false, unmet: [{ zh: '产品只面向所在地为延边朝鲜族自治州的项目，此处为长春市' }] });
    expect(byId.get(small.id)).toMatchObject({ fits: false, unmet: [{ zh: '金额80万元超出产品额度（10万元以内）' }] });
    expect(fit.items[0].product.id).toBe(pledge.id);

    // A draft result is invisible; a need's budget is its amount.
    const draft = await buildResult(researcher);
    expect((await anon.get(`/api/financing/fit?subject=result&id=${String(draft._id)}`)).status).toBe(404);
    const enterprise = await buildUser({ role: 'enterprise' });
    const need = await buildNeed(enterprise, { status: 'published' });
    const needFit = (await anon.get(`/api/financing/fit?subject=need&id=${String(need._id)}`).expect(200)).body;
    expect(needFit.items.find((i: { product: { id: string } }) => i.product.id === pledge.id).reasons.map((r: { zh: string }) => r.zh)).toContain('金额200万元在产品额度内（50万元至500万元）');

    const { dealId, ent } = await openedDeal(app);
    expect((await ent.get(`/api/financing/fit?subject=deal&id=${dealId}`).expect(200)).body.subject).toBe('deal');
    expect((await anon.get(`/api/financing/fit?subject=deal&id=${dealId}`)).status).toBe(404);
    expect((await bank.c.get(`/api/financing/fit?subject=deal&id=${dealId}`)).status).toBe(404);
    expect((await anon.get(`/api/financing/fit?subject=planet&id=${dealId}`)).status).toBe(400);
  });
});

describe('applications', () => {
  it('an enterprise applies, the provider answers, both read the thread; strangers get 404; every step is told and audited', async () => {
    const bank = await financialFirm(app);
    const product = (await bank.c.post('/api/financing/products', validProductInput())).body;
    const entUser = await buildUser({ role: 'enterprise', orgRole: 'manager' });
    const ent = await signedInAs(app, entUser);
    const need = await buildNeed(entUser, { status: 'published' });
    const otherNeed = await buildNeed(await buildUser({ role: 'enterprise' }), { status: 'published' });
    const apply = (body: Record<string, unknown>) => ent.post(`/api/financing/products/${String(product.id)}/applications`, { amount: 1_000_000, termMonths: 12, purpose: '中试线设备采购与流动资金', ...body });

    // Another enterprise's need cannot be linked; two links at once are a field error; a researcher cannot apply.
    expect((await apply({ need: String(otherNeed._id) })).status).toBe(404);
    expect((await apply({ need: String(need._id), deal: String(need._id) })).status).toBe(400);
    expect((await apply({ amount: -5 })).status).toBe(400);
    expect((await apply({ purpose: { $gt: '' } })).status).toBe(400);
    const researcher = await signedInAs(app, await buildUser({ role: 'researcher' }));
    expect((await researcher.post(`/api/financing/products/${String(product.id)}/applications`, { amount: 1, purpose: '我想申请贷款' })).status).toBe(403);

    const made = await apply({ need: String(need._id) });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ status: 'submitted', side: 'applicant', link: { kind: 'need', title: need.title }, thread: [{ kind: 'apply', side: 'applicant' }] });
    const id = String(made.body.id);
    expect(await NotificationModel.countDocuments({ user: bank.manager._id, kind: 'financing' })).toBe(1);

    // Strangers (another bank, another enterprise, anonymous) get 404; the applicant cannot answer, the provider cannot reply.
    const stranger = await financialFirm(app);
    expect((await stranger.c.get(`/api/financing/applications/${id}`)).status).toBe(404);
    expect((await stranger.c.post(`/api/financing/applications/${id}/answers`, { action: 'review' })).status).toBe(404);
    expect((await researcher.get(`/api/financing/applications/${id}`)).status).toBe(404);
    expect((await (await client(app)).get(`/api/financing/applications/${id}`)).status).toBe(401);
    expect((await ent.post(`/api/financing/applications/${id}/answers`, { action: 'review' })).status).toBe(403);
    expect((await bank.c.post(`/api/financing/applications/${id}/replies`, { note: '我替申请人回复' })).status).toBe(403);

    // The inbox holds it; the provider asks for information, the applicant replies (back to review), the provider approves with terms.
    expect((await bank.c.get('/api/financing/applications?box=inbox').expect(200)).body.items[0]).toMatchObject({ id, side: 'provider', applicant: { id: String(entUser.org) } });
    expect((await bank.c.post(`/api/financing/applications/${id}/answers`, { action: 'request_info', note: '请补充近两年财务报表' })).body.status).toBe('info_requested');
    expect((await bank.c.post(`/api/financing/applications/${id}/answers`, { action: 'decline' })).status).toBe(400);
    expect((await ent.post(`/api/financing/applications/${id}/replies`, { note: '已上传财务报表' })).body.status).toBe('reviewing');
    const approved = await bank.c.post(`/api/financing/applications/${id}/answers`, { action: 'approve', note: '同意授信', terms: { amount: 800_000, termMonths: 12, rateText: 'LPR+30BP' } });
    expect(approved.body).toMatchObject({ status: 'approved', terms: { amount: 800_000, termMonths: 12, rateText: 'LPR+30BP' } });
    // Once approved nothing moves.
    expect((await bank.c.post(`/api/financing/applications/${id}/answers`, { action: 'decline', note: '改主意了' })).status).toBe(409);
    expect((await ent.post(`/api/financing/applications/${id}/withdraw`)).status).toBe(409);

    const seen = (await ent.get(`/api/financing/applications/${id}`).expect(200)).body;
    expect(seen.thread.map((s: { kind: string }) => s.kind)).toEqual(['apply', 'request_info', 'reply', 'approve']);
    expect(seen.thread[1]).toMatchObject({ side: 'provider', note: '请补充近两年财务报表', by: { name: bank.manager.displayName } });
    expect((await ent.get('/api/financing/applications?box=mine&status=approved').expect(200)).body.total).toBe(1);
    expect(await NotificationModel.countDocuments({ user: entUser._id, kind: 'financing' })).toBe(2);
    expect(await AuditModel.countDocuments({ action: { $in: ['financing.apply', 'financing.answer', 'financing.reply'] } })).toBe(4);

    // An administrator reads it, audited.
    const admin = await signedInAs(app, await buildUser({ role: 'admin' }));
    expect((await admin.get(`/api/financing/applications/${id}`).expect(200)).body.side).toBeNull();
    expect(await AuditModel.countDocuments({ action: 'financing.admin_view' })).toBe(1);

    // A second application is withdrawn by the applicant; a withdrawn product takes no applications.
    const second = (await apply({})).body;
    expect((await ent.post(`/api/financing/applications/${String(second.id)}/withdraw`)).body.status).toBe('withdrawn');
    await bank.c.post(`/api/financing/products/${String(product.id)}/withdraw`);
    expect((await apply({})).status).toBe(404);
  });

  it('carry the applicant’s attachments, checked by content; only the applicant’s and the provider’s members download them', async () => {
    const bank = await financialFirm(app);
    const product = (await bank.c.post('/api/financing/products', validProductInput())).body;
    const entUser = await buildUser({ role: 'enterprise', orgRole: 'manager' });
    const ent = await signedInAs(app, entUser);
    const colleague = await signedInAs(app, await buildUser({ role: 'enterprise', org: entUser.org ?? undefined }));
    const id = String((await ent.post(`/api/financing/products/${String(product.id)}/applications`, { amount: 2_000_000, purpose: '扩大生产线与研发投入' })).body.id);
    const files = `/api/financing/applications/${id}/attachments`;
    const upload = (c: Client, document: string, bytes: Buffer = PDF_BYTES, type = 'application/pdf', name = '商业计划书.pdf') =>
      c.agent.post(`${files}?name=${encodeURIComponent(name)}&document=${document}`).set('X-CSRF-Token', c.csrf).set('Content-Type', type).send(bytes);

    // Content decides: a PNG sent as a PDF is refused; a type not accepted and an unknown document kind are field errors.
    expect((await upload(ent, 'business_plan', Buffer.from('\x89PNG\r\n\x1a\n0000'))).status).toBe(415);
    expect((await upload(ent, 'business_plan', Buffer.from('hello'), 'text/plain', 'a.txt')).status).toBe(400);
    expect((await upload(ent, 'tax_return')).status).toBe(400);
    // The provider and strangers cannot attach.
    expect((await upload(bank.c, 'other')).status).toBe(403);
    const stranger = await financialFirm(app);
    expect((await upload(stranger.c, 'other')).status).toBe(404);

    const plan = await upload(ent, 'business_plan');
    expect(plan.status).toBe(201);
    expect(plan.body).toMatchObject({ name: '商业计划书.pdf', document: 'business_plan', mime: 'application/pdf', size: PDF_BYTES.byteLength });
    expect((await upload(colleague, 'financial_statements', PDF_BYTES, 'application/pdf', '2025年财务报表.pdf')).status).toBe(201);
    const seen = (await bank.c.get(`/api/financing/applications/${id}`).expect(200)).body;
    expect(seen.attachments.map((f: { document: string }) => f.document)).toEqual(['business_plan', 'financial_statements']);

    // Both sides download; another bank, another enterprise and an administrator get 404.
    const url = `${files}/${String(plan.body.key)}`;
    const got = await bank.c.agent.get(url).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(got.status).toBe(200);
    expect(Buffer.compare(got.body as Buffer, PDF_BYTES)).toBe(0);
    expect((await ent.get(url)).status).toBe(200);
    expect((await stranger.c.get(url)).status).toBe(404);
    expect((await (await signedInAs(app, await buildUser({ role: 'enterprise' }))).get(url)).status).toBe(404);
    expect((await (await signedInAs(app, await buildUser({ role: 'admin' }))).get(url)).status).toBe(404);
    expect((await ent.get(`${files}/${'0'.repeat(32)}`)).status).toBe(404);
    expect((await ent.get(`${files}/not-a-key`)).status).toBe(400);

    // The provider cannot remove; the applicant can while open; after withdrawal nothing changes.
    expect((await bank.c.delete(url)).status).toBe(403);
    expect((await ent.delete(url)).status).toBe(204);
    expect((await ent.get(url)).status).toBe(404);
    await ent.post(`/api/financing/applications/${id}/withdraw`);
    expect((await upload(ent, 'other')).status).toBe(409);
  });
});
