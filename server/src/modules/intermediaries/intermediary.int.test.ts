import { describe, expect, it } from 'vitest';
import { AuditModel } from '../audit/audit.model';
import { DealRoomModel } from '../deals/deal.model';
import { openedDeal } from '../deals/deal.testing';
import { NotificationModel } from '../notifications/notification.model';
import { buildUser } from '../../testing/factories';
import { testApp, useTestDb, type Client } from '../../testing/harness';
import { signedInAs } from '../../testing/listing-factories';
import { intermediaryFirm, validServiceInput } from './intermediary.testing';

useTestDb();
const app = testApp();

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(1024, 0x20), Buffer.from('\n%%EOF\n')]);
const upload = (c: Client, path: string, name: string, type: string, bytes: Buffer) =>
  c.agent.post(`${path}/file?name=${encodeURIComponent(name)}`).set('X-CSRF-Token', c.csrf).set('Content-Type', type).send(bytes);

describe('the service catalogue', () => {
  it('lets members of a verified intermediary publish, edit and withdraw their own services only', async () => {
    const mine = await intermediaryFirm(app);
    const other = await intermediaryFirm(app);
    const made = await mine.c.post('/api/intermediary-services', validServiceInput());
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ kind: 'evaluation', mine: true, status: 'active', price: { mode: 'range', min: 20000, max: 50000, amount: null } });
    const path = `/api/intermediary-services/${String(made.body.id)}`;

    // Another intermediary cannot edit or withdraw it; a non-intermediary cannot publish; nor can an unverified intermediary.
    expect((await other.c.put(path, validServiceInput({ title: '改掉' }))).status).toBe(403);
    expect((await other.c.post(`${path}/withdraw`)).status).toBe(403);
    const enterprise = await signedInAs(app, await buildUser({ role: 'enterprise' }));
    expect((await enterprise.post('/api/intermediary-services', validServiceInput())).status).toBe(403);
    expect((await (await intermediaryFirm(app, { verified: false })).c.post('/api/intermediary-services', validServiceInput())).status).toBe(403);
    // A colleague (plain member) edits it.
    const colleague = await signedInAs(app, await buildUser({ role: 'intermediary', org: mine.org._id }));
    expect((await colleague.put(path, validServiceInput({ title: '成果价值评估（加急）', price: { mode: 'negotiable' } }))).body).toMatchObject({ title: '成果价值评估（加急）', price: { mode: 'negotiable' } });
    // Validation: a range upside down is a field error in both languages.
    const bad = await mine.c.post('/api/intermediary-services', validServiceInput({ price: { mode: 'range', min: 9, max: 1 } }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0]).toMatchObject({ path: 'body.price.max', message: '最高价不能低于最低价' });

    await other.c.post('/api/intermediary-services', validServiceInput({ kind: 'training', title: '技术经理人培训 (初级)' }));
    const publicList = (q: string) => enterprise.get(`/api/intermediary-services?${q}`).expect(200);
    expect((await publicList('kind=evaluation')).body.items.map((s: { id: string }) => s.id)).toContain(made.body.id);
    // The text filter is a literal: regex characters are escaped.
    expect((await publicList(`q=${encodeURIComponent('(初级)')}`)).body.total).toBe(1);
    expect((await publicList(`q=${encodeURIComponent('.*')}`)).body.total).toBe(0);
    expect((await publicList(`org=${String(mine.org._id)}`)).body.items).toHaveLength(1);

    expect((await mine.c.post(`${path}/withdraw`)).body.status).toBe('withdrawn');
    expect((await enterprise.get(path)).status).toBe(404);
    expect((await publicList(`org=${String(mine.org._id)}`)).body.total).toBe(0);
    expect((await mine.c.get('/api/intermediary-services?mine=1').expect(200)).body.items[0]).toMatchObject({ status: 'withdrawn', mine: true });
    expect(await AuditModel.countDocuments({ action: { $in: ['intermediary.service_create', 'intermediary.service_update', 'intermediary.service_withdraw'] } })).toBe(4);
  });
});

describe('inviting an intermediary into a deal', () => {
  it('a party invites, the intermediary accepts and becomes a participant; the room holds one intermediary', async () => {
    const { dealId, ent, res } = await openedDeal(app);
    const firm = await intermediaryFirm(app);
    const rival = await intermediaryFirm(app);
    expect((await firm.c.get(`/api/deals/${dealId}`)).status).toBe(404);
    const invited = await ent.post(`/api/deals/${dealId}/invitations`, { org: String(firm.org._id), note: '请协助评估' });
    expect(invited.status).toBe(201);
    const invitation = invited.body.invitations[0];
    expect(invitation).toMatchObject({ status: 'pending', party: 'demand', note: '请协助评估', org: { id: String(firm.org._id) } });
    expect(await NotificationModel.countDocuments({ user: firm.manager._id, kind: 'deal.intermediary' })).toBe(1);
    // A second invitation waits for the first answer; the intermediary sees it on its home.
    expect((await res.post(`/api/deals/${dealId}/invitations`, { org: String(rival.org._id) })).status).toBe(409);
    expect((await firm.c.get('/api/me/intermediary').expect(200)).body.invitations[0]).toMatchObject({ id: invitation.id, deal: { id: dealId } });
    // Only the invited organisation answers; the other party cannot.
    const answer = `/api/deals/${dealId}/invitations/${String(invitation.id)}/answer`;
    expect((await rival.c.post(answer, { accept: true })).status).toBe(404);
    expect((await res.post(answer, { accept: true })).status).toBe(404);

    const accepted = await firm.c.post(answer, { accept: true, note: '乐意参与' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ intermediary: { id: String(firm.org._id) }, myParty: 'intermediary', invitations: [{ status: 'accepted' }] });
    const detail = (await firm.c.get(`/api/deals/${dealId}`).expect(200)).body;
    expect(detail.parties.map((p: { party: string }) => p.party)).toEqual(['supply', 'demand', 'intermediary']);
    expect(detail.history.at(-1)).toMatchObject({ kind: 'invite', party: 'intermediary', by: { id: String(firm.manager._id) } });
    expect((await firm.c.post(answer, { accept: true })).status).toBe(409);
    // Now another intermediary cannot be invited.
    expect((await res.post(`/api/deals/${dealId}/invitations`, { org: String(rival.org._id) })).status).toBe(409);
    expect(await AuditModel.countDocuments({ action: { $in: ['intermediary.invite', 'intermediary.invite_answer'] }, 'target.id': dealId })).toBe(2);
  });

  it('refuses strangers, the intermediary itself and non-intermediary organisations', async () => {
    const { dealId, ent, researcher } = await openedDeal(app);
    const firm = await intermediaryFirm(app);
    const stranger = await signedInAs(app, await buildUser({ role: 'enterprise' }));
    expect((await stranger.post(`/api/deals/${dealId}/invitations`, { org: String(firm.org._id) })).status).toBe(404);
    expect((await stranger.get(`/api/deals/${dealId}/intermediary`)).status).toBe(404);
    const notBroker = await ent.post(`/api/deals/${dealId}/invitations`, { org: String(researcher.org) });
    expect(notBroker.status).toBe(400);
    expect(notBroker.body.error.fields[0].path).toBe('body.org');
    const declined = await ent.post(`/api/deals/${dealId}/invitations`, { org: String(firm.org._id) });
    await firm.c.post(`/api/deals/${dealId}/invitations/${String(declined.body.invitations[0].id)}/answer`, { accept: false, note: '档期已满' });
    expect((await DealRoomModel.findById(dealId).lean())?.intermediaryOrg).toBeNull();
    expect((await ent.get(`/api/deals/${dealId}/intermediary`).expect(200)).body.invitations[0].status).toBe('declined');
    // A pending invitation (and the order riding on it) can be withdrawn by either principal, not by the intermediary.
    const service = (await firm.c.post('/api/intermediary-services', validServiceInput())).body;
    const again = await ent.post(`/api/deals/${dealId}/invitations`, { org: String(firm.org._id) });
    const pendingId = String(again.body.invitations[0].id);
    const ordered = await ent.post(`/api/deals/${dealId}/orders`, { service: service.id });
    expect(ordered.body.invitations[0]).toMatchObject({ id: pendingId, withOrder: true });
    expect((await firm.c.post(`/api/deals/${dealId}/invitations/${pendingId}/withdraw`)).status).toBe(404);
    const withdrawn = await (await signedInAs(app, researcher)).post(`/api/deals/${dealId}/invitations/${pendingId}/withdraw`);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.invitations[0].status).toBe('withdrawn');
    expect(withdrawn.body.orders[0]).toMatchObject({ status: 'cancelled', steps: [{ kind: 'order' }, { kind: 'withdraw' }] });
    expect((await firm.c.post(`/api/deals/${dealId}/invitations/${pendingId}/answer`, { accept: true })).status).toBe(409);
  });
});

describe('a service ordered into a deal', () => {
  it('order → (invitation accepted with it) → report uploaded → delivered → accepted and rated; the report is for participants only', async () => {
    const { dealId, ent, res } = await openedDeal(app);
    const firm = await intermediaryFirm(app);
    const service = (await firm.c.post('/api/intermediary-services', validServiceInput())).body;
    const ordered = await ent.post(`/api/deals/${dealId}/orders`, { service: service.id, note: '评估许可费区间', agreedPrice: 30000 });
    expect(ordered.status).toBe(201);
    expect(ordered.body.orders[0]).toMatchObject({ status: 'requested', party: 'demand', agreedPrice: 30000, service: { kind: 'evaluation' } });
    expect(ordered.body.invitations[0]).toMatchObject({ status: 'pending', withOrder: true });
    const orderPath = `/api/deals/${dealId}/orders/${String(ordered.body.orders[0].id)}`;
    expect((await firm.c.get('/api/me/intermediary').expect(200)).body.openOrders[0]).toMatchObject({ status: 'requested', dealTitle: expect.any(String) });

    // Accepting the order brings the intermediary in.
    const accepted = await firm.c.post(`${orderPath}/answer`, { accept: true });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ intermediary: { id: String(firm.org._id) }, orders: [{ status: 'accepted' }], invitations: [{ status: 'accepted' }] });
    // Only the intermediary delivers; a file must be what it says it is.
    expect((await upload(res, orderPath, 'r.pdf', 'application/pdf', PDF)).status).toBe(403);
    expect((await upload(firm.c, orderPath, 'r.pdf', 'application/pdf', Buffer.from('MZ not a pdf'))).status).toBe(415);
    expect((await upload(firm.c, orderPath, '评估报告.pdf', 'application/pdf', PDF)).body.orders[0].file).toMatchObject({ name: '评估报告.pdf' });
    // Before delivery the parties do not see the draft report.
    expect((await ent.get(`/api/deals/${dealId}/intermediary`)).body.orders[0].file).toBeNull();
    expect((await ent.get(`${orderPath}/file`)).status).toBe(404);
    expect((await ent.post(`${orderPath}/acceptance`, { score: 5 })).status).toBe(409);

    const delivered = await firm.c.post(`${orderPath}/delivery`, { summary: '评估价值区间 80–120 万元，建议按普通许可计费。' });
    expect(delivered.body.orders[0]).toMatchObject({ status: 'delivered', delivery: { summary: expect.stringContaining('万元') } });
    const download = (c: Client) => c.agent.get(`${orderPath}/file`).responseType('blob');
    const got = await download(ent);
    expect(got.status).toBe(200);
    expect(Buffer.compare(got.body as Buffer, PDF)).toBe(0);
    expect((await download(res)).status).toBe(200);
    const stranger = await signedInAs(app, await buildUser({ role: 'enterprise' }));
    expect((await download(stranger)).status).toBe(404);
    expect((await stranger.get(`/api/deals/${dealId}/intermediary`)).status).toBe(404);
    expect((await stranger.post(`${orderPath}/acceptance`, { score: 1 })).status).toBe(404);

    // Only the ordering party accepts and rates, once.
    expect((await res.post(`${orderPath}/acceptance`, { score: 1 })).status).toBe(403);
    expect((await ent.post(`${orderPath}/acceptance`, { score: 6 })).status).toBe(400);
    const done = await ent.post(`${orderPath}/acceptance`, { score: 4, comment: '报告专业' });
    expect(done.body.orders[0]).toMatchObject({ status: 'completed', rating: { score: 4, comment: '报告专业' } });
    expect(done.body.orders[0].steps.map((s: { kind: string }) => s.kind)).toEqual(['order', 'accept', 'deliver', 'complete']);
    expect((await ent.post(`${orderPath}/acceptance`, { score: 4 })).status).toBe(409);
    expect(await NotificationModel.countDocuments({ kind: 'deal.intermediary', user: firm.manager._id })).toBe(2);
    expect(await AuditModel.countDocuments({ 'target.id': dealId, action: { $regex: '^intermediary\\.' } })).toBe(5);
  });

  it('is withdrawn by the ordering party while awaiting an answer, cancelled with a reason once in progress, by either side, never after delivery', async () => {
    const { dealId, ent, res } = await openedDeal(app);
    const firm = await intermediaryFirm(app);
    const service = (await firm.c.post('/api/intermediary-services', validServiceInput())).body;
    // Withdrawn before the answer: the invitation it brought stays as a plain one.
    const first = (await ent.post(`/api/deals/${dealId}/orders`, { service: service.id })).body.orders[0];
    const firstPath = `/api/deals/${dealId}/orders/${String(first.id)}`;
    expect((await res.post(`${firstPath}/cancel`, {})).status).toBe(403);
    expect((await firm.c.post(`${firstPath}/cancel`, {})).status).toBe(404);
    const withdrawn = await ent.post(`${firstPath}/cancel`, {});
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.orders[0]).toMatchObject({ status: 'cancelled' });
    expect(withdrawn.body.invitations[0]).toMatchObject({ status: 'pending', withOrder: false });
    await firm.c.post(`/api/deals/${dealId}/invitations/${String(withdrawn.body.invitations[0].id)}/answer`, { accept: true });

    // In progress: a reason is required; the intermediary may withdraw too.
    const second = (await ent.post(`/api/deals/${dealId}/orders`, { service: service.id })).body.orders[0];
    const secondPath = `/api/deals/${dealId}/orders/${String(second.id)}`;
    await firm.c.post(`${secondPath}/answer`, { accept: true });
    const noReason = await firm.c.post(`${secondPath}/cancel`, { reason: '  ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields[0]).toMatchObject({ path: 'body.reason', message: expect.stringContaining('原因') });
    expect((await firm.c.post(`${secondPath}/cancel`, { reason: { $ne: 1 } })).status).toBe(400);
    const left = await firm.c.post(`${secondPath}/cancel`, { reason: '所需资料无法取得' });
    expect(left.status).toBe(200);
    const cancelled = left.body.orders.find((o: { id: string }) => o.id === second.id);
    expect(cancelled).toMatchObject({ status: 'cancelled' });
    expect(cancelled.steps.map((s: { kind: string }) => s.kind)).toEqual(['order', 'accept', 'withdraw_provider']);
    expect(await NotificationModel.countDocuments({ kind: 'deal.intermediary', key: `deal.intermediary:order-cancel:${String(second.id)}` })).toBeGreaterThan(0);
    expect(await AuditModel.countDocuments({ 'target.id': dealId, action: 'intermediary.order_cancel' })).toBe(2);

    // Delivered: no cancelling.
    const third = (await ent.post(`/api/deals/${dealId}/orders`, { service: service.id })).body.orders[0];
    const thirdPath = `/api/deals/${dealId}/orders/${String(third.id)}`;
    await firm.c.post(`${thirdPath}/answer`, { accept: true });
    await upload(firm.c, thirdPath, 'r.pdf', 'application/pdf', PDF);
    await firm.c.post(`${thirdPath}/delivery`, { summary: '评估完成' });
    expect((await ent.post(`${thirdPath}/cancel`, { reason: '不要了' })).status).toBe(409);
  });

  it('refuses an order from a withdrawn service or for a room with another intermediary', async () => {
    const { dealId, ent } = await openedDeal(app);
    const firm = await intermediaryFirm(app);
    const rival = await intermediaryFirm(app);
    const s1 = (await firm.c.post('/api/intermediary-services', validServiceInput())).body;
    const s2 = (await rival.c.post('/api/intermediary-services', validServiceInput())).body;
    const inv = await ent.post(`/api/deals/${dealId}/invitations`, { org: String(firm.org._id) });
    await firm.c.post(`/api/deals/${dealId}/invitations/${String(inv.body.invitations[0].id)}/answer`, { accept: true });
    expect((await ent.post(`/api/deals/${dealId}/orders`, { service: s2.id })).status).toBe(409);
    // An order to the intermediary already in the room goes straight to it, no invitation.
    const direct = await ent.post(`/api/deals/${dealId}/orders`, { service: s1.id });
    expect(direct.body.invitations).toHaveLength(1);
    expect((await firm.c.post(`/api/deals/${dealId}/orders/${String(direct.body.orders[0].id)}/answer`, { accept: false })).body.orders[0].status).toBe('declined');
    await firm.c.post(`/api/intermediary-services/${String(s1.id)}/withdraw`);
    expect((await ent.post(`/api/deals/${dealId}/orders`, { service: s1.id })).status).toBe(400);
  });
});
