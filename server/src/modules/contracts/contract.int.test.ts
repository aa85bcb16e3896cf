import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { AuditModel } from '../audit/audit.model';
import { setDealUpdatePublisher } from '../deals/deal.events';
import { openedDeal } from '../deals/deal.testing';
import { OrgModel } from '../orgs/org.model';
import { buildOrg, buildUser } from '../../testing/factories';
import { testApp, useTestDb } from '../../testing/harness';
import { buildResult, signedInAs } from '../../testing/listing-factories';
import { ContractModel } from './contract.model';

useTestDb();
const app = testApp();

/** A room taken to 签约: the provider accepts to negotiate, the enterprise proposes signing, the provider confirms. */
async function signingDeal() {
  const d = await openedDeal(app);
  expect((await d.res.post(`/api/deals/${d.dealId}/stage`, { to: 'negotiation' })).status).toBe(200);
  expect((await d.ent.post(`/api/deals/${d.dealId}/stage`, { to: 'signing' })).status).toBe(200);
  expect((await d.res.post(`/api/deals/${d.dealId}/stage`, { to: 'signing' })).body.stage).toBe('signing');
  return d;
}

/** The body of a 200 answer (the client's mutating calls are awaited responses, not supertest chains). */
function ok(r: { status: number; body: any }) { // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON bodies of the API
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

const CONTRACT = { type: 'transfer', amount: 1_250_000.5, payment: { kind: 'instalments', text: '签约后付 50%，验收后付 50%' }, signedOn: '2026-11-20' };

describe('recording a contract', () => {
  it('is refused before 签约 (INVALID_STATE), answers 404 to strangers and 403 to administrators', async () => {
    const d = await openedDeal(app);
    const refused = await d.ent.put(`/api/deals/${d.dealId}/contract`, CONTRACT);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('INVALID_STATE');
    expect(refused.body.error.message).toContain('签约');

    await d.res.post(`/api/deals/${d.dealId}/stage`, { to: 'negotiation' });
    await d.ent.post(`/api/deals/${d.dealId}/stage`, { to: 'signing' });
    await d.res.post(`/api/deals/${d.dealId}/stage`, { to: 'signing' });
    const stranger = await signedInAs(app, await buildUser({ role: 'enterprise' }));
    expect((await stranger.put(`/api/deals/${d.dealId}/contract`, CONTRACT)).status).toBe(404);
    expect((await stranger.get(`/api/deals/${d.dealId}/contract`)).status).toBe(404);
    expect((await stranger.get(`/api/deals/${d.dealId}/contract.docx`)).status).toBe(404);
    const admin = await signedInAs(app, await buildUser({ role: 'admin', org: null }));
    expect((await admin.put(`/api/deals/${d.dealId}/contract`, CONTRACT)).status).toBe(403);
    expect((await admin.post(`/api/deals/${d.dealId}/contract/registration`, { number: 'JL2026-00123', registeredOn: '2026-11-25' })).status).toBe(403);
    expect(await ContractModel.countDocuments({ deal: d.dealId })).toBe(0);
    // Administrators read, audited.
    const before = await AuditModel.countDocuments({ action: 'deal.admin_view', 'target.id': d.dealId });
    expect((await admin.get(`/api/deals/${d.dealId}/contract`).expect(200)).body).toMatchObject({ contract: null, canEdit: false, canRegister: false });
    expect((await admin.get(`/api/deals/${d.dealId}/contract.docx`)).status).toBe(200);
    expect(await AuditModel.countDocuments({ action: 'deal.admin_view', 'target.id': d.dealId })).toBe(before + 2);
  });

  it('refuses hostile amounts and bad fields with messages in zh and en', async () => {
    const d = await signingDeal();
    const bad: unknown[] = [-5, 0, 'NaN', '100', 1e308, { $gt: 0 }, [1], null, 12.345, true];
    for (const amount of bad) {
      const r = await d.ent.put(`/api/deals/${d.dealId}/contract`, { ...CONTRACT, amount });
      expect(r.status, JSON.stringify(amount)).toBe(400);
      const field = (r.body.error.fields as { path: string; message: string; messageEn: string }[]).find((f) => f.path === 'body.amount');
      expect(field, JSON.stringify([amount, r.body.error])).toBeDefined();
      expect(field?.message).toMatch(/[\u4e00-\u9fff]/);
      expect(field?.messageEn).toBeTruthy();
    }
    const cents = await d.ent.put(`/api/deals/${d.dealId}/contract`, { ...CONTRACT, amount: 12.345 });
    expect(cents.body.error.fields[0]).toMatchObject({ path: 'body.amount', message: '金额最多保留两位小数（分）' });
    const others = [
      { ...CONTRACT, type: 'gift' },
      { ...CONTRACT, payment: { kind: 'royalty', text: '' } },
      { ...CONTRACT, signedOn: '2099-01-01' },
      { ...CONTRACT, signedOn: '2026-02-30' },
      { ...CONTRACT, extra: 1 },
      { ...CONTRACT, listings: [{ kind: 'result', id: { $ne: null } }] },
    ];
    for (const body of others) {
      expect((await d.ent.put(`/api/deals/${d.dealId}/contract`, body)).status, JSON.stringify(body)).toBe(400);
    }
    // A listing of another organisation cannot be linked.
    const foreign = await buildResult(await buildUser({ role: 'researcher' }), { status: 'published' });
    const r = await d.ent.put(`/api/deals/${d.dealId}/contract`, { ...CONTRACT, listings: [{ kind: 'result', id: String(foreign._id) }] });
    expect(r.status).toBe(400);
    expect(r.body.error.fields[0].path).toBe('body.listings.0');
    expect(await ContractModel.countDocuments({ deal: d.dealId })).toBe(0);
  });

  it('records, keeps every change, registers once, then is read-only; tells the room', async () => {
    const d = await signingDeal();
    const told: string[] = [];
    setDealUpdatePublisher((id, what) => told.push(`${id}:${what}`));
    const demandOrg = await OrgModel.findById(d.enterprise.org).lean();
    const own = await buildResult(await buildUser({ role: 'researcher', org: d.researcher.org }), { status: 'published' });

    const first = ok(await d.ent.put(`/api/deals/${d.dealId}/contract`, CONTRACT));
    expect(first).toMatchObject({
      canEdit: true, canRegister: true, stage: 'signing',
      contract: {
        type: 'transfer', amount: 1_250_000.5, payment: CONTRACT.payment, signedOn: '2026-11-20',
        listings: [{ kind: 'result', id: String(d.result._id), title: d.result.title }],
        discipline: d.result.discipline, industry: d.result.industry, city: demandOrg?.city,
        registration: null, history: [{ kind: 'record', by: { id: String(d.enterprise._id) } }],
      },
    });
    expect(first.contract.parties.map((p: { party: string }) => p.party)).toEqual(['supply', 'demand']);
    expect(first.contract.parties[1].uscc).toBe(demandOrg?.uscc);

    // The other side changes the amount and links one more of its own results.
    const second = ok(await d.res.put(`/api/deals/${d.dealId}/contract`, { ...CONTRACT, amount: 1_300_000, listings: [{ kind: 'result', id: String(own._id) }] }));
    expect(second.contract.amount).toBe(1_300_000);
    expect(second.contract.listings).toHaveLength(2);
    expect(second.contract.history.map((h: { kind: string; fields: string[] }) => `${h.kind}:${h.fields.join(',')}`)).toEqual([
      'record:type,amount,payment,signedOn,listings', 'update:amount,listings',
    ]);
    // An unchanged save records nothing.
    ok(await d.res.put(`/api/deals/${d.dealId}/contract`, { ...CONTRACT, amount: 1_300_000, listings: [{ kind: 'result', id: String(own._id) }] }));
    expect((await ContractModel.findOne({ deal: d.dealId }).lean())?.history).toHaveLength(2);

    // Registration: number format, date not before signing, then once.
    for (const number of ['ab', 'JL 2026 001', '-JL2026001', 'x'.repeat(41), '技术合同123456']) {
      expect((await d.res.post(`/api/deals/${d.dealId}/contract/registration`, { number, registeredOn: '2026-11-25' })).status, number).toBe(400);
    }
    const early = await d.res.post(`/api/deals/${d.dealId}/contract/registration`, { number: 'JL2026-00123', registeredOn: '2026-11-01' });
    expect(early.status).toBe(400);
    expect(early.body.error.fields[0].path).toBe('body.registeredOn');
    const reg = ok(await d.res.post(`/api/deals/${d.dealId}/contract/registration`, { number: 'JL2026-00123', registeredOn: '2026-11-25' }));
    expect(reg).toMatchObject({ canEdit: false, canRegister: false, contract: { registration: { number: 'JL2026-00123', registeredOn: '2026-11-25', by: { id: String(d.researcher._id) } } } });
    expect((await d.ent.put(`/api/deals/${d.dealId}/contract`, CONTRACT)).body.error.code).toBe('INVALID_STATE');
    expect((await d.ent.post(`/api/deals/${d.dealId}/contract/registration`, { number: 'JL2026-00999', registeredOn: '2026-11-26' })).body.error.code).toBe('INVALID_STATE');

    const actions = (await AuditModel.find({ 'target.id': d.dealId, action: /^deal\.contract/ }).sort({ at: 1 }).lean()).map((a) => a.action);
    expect(actions).toEqual(['deal.contract_record', 'deal.contract_update', 'deal.contract_register']);
    expect(told).toEqual([`${d.dealId}:contract`, `${d.dealId}:contract`, `${d.dealId}:contract`]);
    setDealUpdatePublisher(() => undefined);
  });
});

describe('one contract per deal', () => {
  it('keeps one when both sides record at the same moment (the other gets 409 or changes it)', async () => {
    const d = await signingDeal();
    const answers = await Promise.all([
      d.ent.put(`/api/deals/${d.dealId}/contract`, CONTRACT),
      d.res.put(`/api/deals/${d.dealId}/contract`, { ...CONTRACT, amount: 999 }),
    ]);
    expect(answers.some((r) => r.status === 200)).toBe(true);
    for (const r of answers) {
      expect([200, 409]).toContain(r.status);
    }
    expect(await ContractModel.countDocuments({ deal: d.dealId })).toBe(1);
  });
});

describe('the DOCX draft', () => {
  it('is a Word document naming the parties, the subject, the amount and the standard clauses', async () => {
    const d = await signingDeal();
    const supply = await OrgModel.findById(d.researcher.org).lean();
    const demand = await OrgModel.findById(d.enterprise.org).lean();
    ok(await d.ent.put(`/api/deals/${d.dealId}/contract`, CONTRACT));
    const r = await d.res.get(`/api/deals/${d.dealId}/contract.docx`).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(r.body as Buffer);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    for (const s of [supply!.name, demand!.name, demand!.uscc, d.result.title, '技术转让合同（草稿）', '¥1,250,000.50', '一次总算、分期支付', '签约后付 50%',
      '标的技术的内容、范围和要求', '技术情报和资料的保密', '风险责任的承担', '技术成果的归属和收益的分成办法', '验收标准和方法', '违约金或者损失赔偿的计算方法', '争议的解决方法', '名词和术语的解释']) {
      expect(text, s).toContain(s);
    }
  });

  it('is a draft with blanks before the contract is recorded, for any stage', async () => {
    const d = await openedDeal(app);
    const r = await d.ent.get(`/api/deals/${d.dealId}/contract.docx`).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(r.status).toBe(200);
    const text = (await (await JSZip.loadAsync(r.body as Buffer)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain('技术合同（草稿）');
    expect(text).toContain(d.result.title);
    expect(text).toContain('合同价款：人民币 ________________ 元');
  });
});

describe('an intermediary in the room', () => {
  it('may record the contract as a party', async () => {
    const d = await signingDeal();
    const broker = await buildOrg({ type: 'intermediary' });
    const { DealRoomModel } = await import('../deals/deal.model');
    await DealRoomModel.updateOne({ _id: d.dealId }, { $set: { intermediaryOrg: broker._id }, $push: { orgs: broker._id } });
    const agent = await signedInAs(app, await buildUser({ role: 'intermediary', org: broker._id }));
    const r = ok(await agent.put(`/api/deals/${d.dealId}/contract`, { ...CONTRACT, payment: { kind: 'lump_sum' } }));
    expect(r.contract.parties.map((p: { party: string }) => p.party)).toEqual(['supply', 'demand', 'intermediary']);
    expect(r.contract.history[0].by.id).toBeTruthy();
    expect((await ContractModel.findOne({ deal: d.dealId }).lean())?.intermediaryOrg?.toString()).toBe(String(broker._id));
  });
});
