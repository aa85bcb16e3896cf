import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { AuditModel } from '../audit/audit.model';
import { CommissionerModel } from '../commissioners/commissioner.model';
import { PairingModel } from '../pairing/pairing.model';
import { ServiceRequestModel } from '../service-requests/service-request.model';
import { NotificationModel } from '../notifications/notification.model';
import { buildOrg, buildUser } from '../../testing/factories';
import { testApp, useTestDb } from '../../testing/harness';
import { buildNeed, buildResult, signedInAs } from '../../testing/listing-factories';
import { DealRoomModel } from './deal.model';
import { openedDeal } from './deal.testing';

useTestDb();
const app = testApp();

describe('opening a deal room from "interested"', () => {
  it('opens one room for the listing and pair, returns it again on a repeat, tells the owner side and audits', async () => {
    const { dealId, enterprise, researcher, ent, res, need, result } = await openedDeal(app);
    const again = await ent.post('/api/match-feedback', { needId: String(need._id), resultId: String(result._id), verdict: 'interested' });
    expect(again.body.deal).toBe(dealId);
    expect(await DealRoomModel.countDocuments({ 'listing.id': result._id })).toBe(1);

    const detail = (await res.get(`/api/deals/${dealId}`).expect(200)).body;
    expect(detail).toMatchObject({
      stage: 'interest', origin: 'interest', myParty: 'supply',
      listing: { kind: 'result', id: String(result._id), title: result.title },
      via: { kind: 'need', id: String(need._id) },
      moves: [{ to: 'negotiation', as: 'move' }, { to: 'terminated', as: 'move' }],
      history: [{ kind: 'open', to: 'interest', party: 'demand', by: { id: String(enterprise._id) } }],
    });
    expect(detail.parties.map((p: { party: string; org: { id: string } }) => [p.party, p.org.id])).toEqual([
      ['supply', String(researcher.org)], ['demand', String(enterprise.org)],
    ]);
    // The presenter whitelists: no contacts, no internal keys.
    expect(detail).not.toHaveProperty('openKey');
    expect(detail).not.toHaveProperty('contacts');
    expect(JSON.stringify(detail)).not.toContain(researcher.email);

    const told = await NotificationModel.findOne({ user: researcher._id, kind: 'deal.opened' }).lean();
    expect(told?.link).toBe(`/deals/${dealId}`);
    expect(await NotificationModel.countDocuments({ user: enterprise._id, kind: 'deal.opened' })).toBe(0);
    expect(await AuditModel.countDocuments({ action: 'deal.open', 'target.id': dealId })).toBe(1);
    // The owner's view of the interest still works as before.
    expect((await res.get(`/api/results/${String(result._id)}/feedback`).expect(200)).body.interested).toBe(1);
  });
});

describe('who may enter a room', () => {
  it('answers 404 on every route to a stranger, a member of another organisation and an unapproved member; admins read (audited) but do not act', async () => {
    const { dealId, researcher, res, result } = await openedDeal(app);
    const stranger = await signedInAs(app, await buildUser({ role: 'enterprise' }));
    const outsiderOrg = await buildOrg({ type: 'university' });
    const outsider = await signedInAs(app, await buildUser({ role: 'researcher', org: outsiderOrg._id }));
    const applicant = await signedInAs(app, await buildUser({ role: 'researcher', org: researcher.org, orgStatus: 'pending' }));
    const colleague = await signedInAs(app, await buildUser({ role: 'researcher', org: researcher.org }));
    const posted = await res.post(`/api/deals/${dealId}/messages`, { clientId: 'first-message-1', body: '您好' });
    expect(posted.status).toBe(201);
    const msgId = posted.body.id as string;

    const routes = [
      (c: typeof res) => c.get(`/api/deals/${dealId}`),
      (c: typeof res) => c.get(`/api/deals/${dealId}/messages`),
      (c: typeof res) => c.post(`/api/deals/${dealId}/messages`, { clientId: 'intruder-0001', body: '打扰' }),
      (c: typeof res) => c.post(`/api/deals/${dealId}/read`, { messageId: msgId }),
      (c: typeof res) => c.post(`/api/deals/${dealId}/stage`, { to: 'terminated', reason: 'other' }),
      (c: typeof res) => c.delete(`/api/deals/${dealId}/proposal`),
    ];
    for (const who of [stranger, outsider, applicant]) {
      for (const call of routes) {
        expect((await call(who)).status).toBe(404);
      }
      expect((await who.get('/api/deals').expect(200)).body.items).toEqual([]);
    }
    // A colleague of the provider is a participant through the organisation.
    expect((await colleague.get(`/api/deals/${dealId}`).expect(200)).body.myParty).toBe('supply');
    expect((await colleague.get('/api/deals').expect(200)).body.items.map((d: { id: string }) => d.id)).toEqual([dealId]);

    const admin = await buildUser({ role: 'admin', org: null });
    const ac = await signedInAs(app, admin);
    expect((await ac.get(`/api/deals/${dealId}`).expect(200)).body).toMatchObject({ myParty: null, moves: [] });
    expect((await ac.get(`/api/deals/${dealId}/messages`).expect(200)).body.items).toHaveLength(1);
    expect(await AuditModel.countDocuments({ action: 'deal.admin_view', actor: admin._id, 'target.id': dealId })).toBe(2);
    const log = (await ac.get('/api/admin/audit?action=deal.admin_view').expect(200)).body.items;
    expect(log[0].target).toEqual({ kind: 'deal', id: dealId, name: `洽谈：${result.title}` });
    for (const call of routes.slice(2)) {
      expect((await call(ac)).status).toBe(403);
    }
    // Nothing an outsider did reached the room.
    expect((await res.get(`/api/deals/${dealId}/messages`).expect(200)).body.items.map((m: { body: string }) => m.body)).toEqual(['您好']);
    expect((await res.get(`/api/deals/${dealId}`).expect(200)).body.stage).toBe('interest');
  });
});

describe('stage changes through the API', () => {
  it('runs interest → negotiation → signing (proposed and confirmed) → implementation → done, recorded and told', async () => {
    const { dealId, enterprise, researcher, ent, res, need, result } = await openedDeal(app);
    // The enterprise opened the room: it cannot accept its own interest.
    expect((await ent.post(`/api/deals/${dealId}/stage`, { to: 'negotiation' })).status).toBe(403);
    expect((await res.post(`/api/deals/${dealId}/stage`, { to: 'signing' })).status).toBe(409);
    expect((await res.post(`/api/deals/${dealId}/stage`, { to: 'negotiation' }).then((r) => r.body)).stage).toBe('negotiation');

    const proposed = (await ent.post(`/api/deals/${dealId}/stage`, { to: 'signing', note: '合同草稿已发送' })).body;
    expect(proposed).toMatchObject({ stage: 'negotiation', proposal: { to: 'signing', party: 'demand' }, moves: [{ to: 'terminated', as: 'move' }] });
    expect((await ent.post(`/api/deals/${dealId}/stage`, { to: 'signing' })).status).toBe(409);
    const proposalNote = await NotificationModel.findOne({ user: researcher._id, kind: 'deal.stage' }).lean();
    expect(proposalNote?.title).toContain('对方提议进入“签约”阶段');
    expect((await res.get(`/api/deals/${dealId}`)).body.moves).toEqual([{ to: 'signing', as: 'confirm' }, { to: 'terminated', as: 'move' }]);
    expect((await res.post(`/api/deals/${dealId}/stage`, { to: 'signing' })).body).toMatchObject({ stage: 'signing', proposal: null });

    await res.post(`/api/deals/${dealId}/stage`, { to: 'implementation' });
    await ent.post(`/api/deals/${dealId}/stage`, { to: 'implementation' });
    await res.post(`/api/deals/${dealId}/stage`, { to: 'done' });
    // The enterprise declines once (验收 not yet), then accepts.
    expect((await ent.delete(`/api/deals/${dealId}/proposal`)).body.proposal).toBeNull();
    await res.post(`/api/deals/${dealId}/stage`, { to: 'done' });
    const done = (await ent.post(`/api/deals/${dealId}/stage`, { to: 'done' })).body;
    expect(done.stage).toBe('done');
    expect(done.history.map((h: { kind: string; to: string; party: string | null }) => `${h.kind}:${h.to}:${h.party}`)).toEqual([
      'open:interest:demand', 'move:negotiation:supply', 'propose:signing:demand', 'confirm:signing:supply',
      'propose:implementation:supply', 'confirm:implementation:demand', 'propose:done:supply', 'decline:done:demand',
      'propose:done:supply', 'confirm:done:demand',
    ]);
    expect(done.history[2]).toMatchObject({ note: '合同草稿已发送', by: { id: String(enterprise._id) } });
    expect(typeof done.history[1].at).toBe('string');
    expect(await AuditModel.countDocuments({ action: 'deal.stage', 'target.id': dealId })).toBe(9);
    expect(await NotificationModel.countDocuments({ user: enterprise._id, kind: 'deal.stage' })).toBeGreaterThanOrEqual(3);
    // A closed room is no longer "the open room" of the pair: new interest opens a new one.
    expect((await res.get('/api/deals?stage=done').expect(200)).body.items.map((d: { id: string }) => d.id)).toEqual([dealId]);
    expect((await res.get('/api/deals?stage=interest').expect(200)).body.items).toEqual([]);
    const reopened = await ent.post('/api/match-feedback', { needId: String(need._id), resultId: String(result._id), verdict: 'interested' });
    expect(reopened.body.deal).not.toBe(dealId);
    expect((await res.get('/api/deals?stage=interest').expect(200)).body.items.map((d: { id: string }) => d.id)).toEqual([reopened.body.deal]);
  });

  it('refuses termination without a reason (400, zh and en) and records the reason code', async () => {
    const { dealId, ent } = await openedDeal(app);
    const bad = await ent.post(`/api/deals/${dealId}/stage`, { to: 'terminated' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual([expect.objectContaining({ path: 'body.reason', message: '终止洽谈时请选择原因', messageEn: 'Choose a reason when terminating the deal' })]);
    expect((await ent.post(`/api/deals/${dealId}/stage`, { to: 'terminated', reason: 'bribe' })).status).toBe(400);
    const ended = (await ent.post(`/api/deals/${dealId}/stage`, { to: 'terminated', reason: 'price' })).body;
    expect(ended).toMatchObject({ stage: 'terminated', moves: [] });
    expect(ended.history.at(-1)).toMatchObject({ kind: 'move', to: 'terminated', reason: 'price', party: 'demand' });
    expect((await ent.post(`/api/deals/${dealId}/messages`, { clientId: 'after-the-end', body: '还在吗' })).status).toBe(409);
  });
});

describe('an intermediary introduces two parties', () => {
  it('opens a room with all three, only for a member of an intermediary organisation', async () => {
    const researcher = await buildUser({ role: 'researcher' });
    const result = await buildResult(researcher, { status: 'published' });
    const enterpriseOrg = await buildOrg({ type: 'enterprise' });
    const manager = await buildUser({ role: 'enterprise', org: enterpriseOrg._id, orgRole: 'manager' });
    const broker = await buildUser({ role: 'intermediary' });
    const bc = await signedInAs(app, broker);
    const body = { listingKind: 'result', listingId: String(result._id), counterpartOrg: String(enterpriseOrg._id), note: '双方可谈技术许可' };

    const notBroker = await signedInAs(app, await buildUser({ role: 'enterprise' }));
    expect((await notBroker.post('/api/deals/introductions', body)).status).toBe(403);
    const self = await bc.post('/api/deals/introductions', { ...body, counterpartOrg: String(result.org) });
    expect(self.status).toBe(400);
    expect(self.body.error.fields[0].path).toBe('body.counterpartOrg');

    const made = await bc.post('/api/deals/introductions', body);
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ origin: 'introduction', myParty: 'intermediary', moves: [] });
    expect(made.body.parties.map((p: { party: string }) => p.party)).toEqual(['supply', 'demand', 'intermediary']);
    expect(made.body.history[0]).toMatchObject({ kind: 'open', party: 'intermediary', note: '双方可谈技术许可' });
    // Both principals are told (the enterprise through its manager) and may accept.
    expect(await NotificationModel.countDocuments({ user: manager._id, kind: 'deal.opened' })).toBe(1);
    expect(await NotificationModel.countDocuments({ user: researcher._id, kind: 'deal.opened' })).toBe(1);
    const mc = await signedInAs(app, manager);
    expect((await mc.get(`/api/deals/${String(made.body.id)}`).expect(200)).body.moves).toContainEqual({ to: 'negotiation', as: 'move' });
    expect(await AuditModel.countDocuments({ action: 'deal.introduce', 'target.id': String(made.body.id) })).toBe(1);
    // Introducing the same pair again returns the same room.
    expect((await bc.post('/api/deals/introductions', body)).body.id).toBe(made.body.id);
  });
});

describe('a deal room from a commissioner pairing', () => {
  it('opens for either side of an accepted pairing, about the need the request was made from', async () => {
    const enterprise = await buildUser({ role: 'enterprise' });
    const expert = await buildUser({ role: 'commissioner' });
    const need = await buildNeed(enterprise, { status: 'published' });
    const request = await ServiceRequestModel.collection.insertOne({ org: enterprise.org, owner: enterprise._id, status: 'closed', title: '模具寿命', problem: 'p', industry: 'C36', city: '220100', urgency: 'normal', need: need._id });
    const commissioner = await CommissionerModel.collection.insertOne({ user: expert._id, org: expert.org, term: 2026, status: 'approved' });
    const pairing = await PairingModel.collection.insertOne({
      run: new Types.ObjectId(), term: 2026, status: 'accepted', request: request.insertedId, org: enterprise.org, owner: enterprise._id,
      commissioner: commissioner.insertedId, commissionerUser: expert._id, score: 80,
    });
    const path = `/api/pairings/${String(pairing.insertedId)}/deal`;
    const stranger = await signedInAs(app, await buildUser({ role: 'enterprise' }));
    expect((await stranger.post(path)).status).toBe(404);

    const opened = await (await signedInAs(app, expert)).post(path);
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ origin: 'pairing', stage: 'interest', myParty: 'supply', listing: { kind: 'need', id: String(need._id) } });
    expect(opened.body.parties.map((p: { org: { id: string } }) => p.org.id)).toEqual([String(expert.org), String(enterprise.org)]);
    const again = await (await signedInAs(app, enterprise)).post(path);
    expect(again.body).toMatchObject({ id: opened.body.id, myParty: 'demand', moves: [{ to: 'negotiation', as: 'move' }, { to: 'terminated', as: 'move' }] });
    expect(await DealRoomModel.countDocuments({ pairing: pairing.insertedId })).toBe(1);
  });
});
