import { DEAL_STAGE_CODES, contractInput, contractRegistrationInput, type DealParty, type DealStage } from '@kezhuan/shared';
import { describe, expect, it } from 'vitest';
import { DealMessageModel, DealRoomModel } from '../modules/deals/deal.model';
import { decideMove } from '../modules/deals/deal.transitions';
import { buildOrg, buildUser } from '../testing/factories';
import { client, testApp, useTestDb } from '../testing/harness';
import { buildNeed, buildResult, signedInAs } from '../testing/listing-factories';
import { seedDemoDealExtras } from './demo-deal-extras';
import { seedDemoDeals } from './demo-deals';
import { ContractModel } from '../modules/contracts/contract.model';
import { TechNeedModel } from '../modules/needs/need.model';

useTestDb();
const app = testApp();

describe('the deal demo data', () => {
  it('opens rooms at every stage between needs and results of one industry, with histories the transition table allows, chat and unread markers', { timeout: 120_000 }, async () => {
    const researchers = await Promise.all([1, 2, 3].map(() => buildUser({ role: 'researcher' })));
    const enterprises = await Promise.all([1, 2, 3, 4].map(() => buildUser({ role: 'enterprise' })));
    for (const r of researchers) {
      await buildResult(r, { status: 'published', input: { industry: 'C36' } });
      await buildResult(r, { status: 'published', input: { industry: 'C36' } });
    }
    for (const e of enterprises) {
      await buildNeed(e, { status: 'published', input: { industry: 'C36' } });
    }
    const agency = await buildOrg({ type: 'intermediary' });
    const broker = await buildUser({ role: 'intermediary', org: agency._id });
    const now = new Date();

    const rooms = await seedDemoDeals({ now, intermediary: { org: agency._id, user: broker._id }, featured: [researchers[0]!.org!, enterprises[0]!.org!] });
    // Three needs talk with up to two providers each (the featured enterprise keeps its one need): six rooms, one at each stage.
    expect(rooms).toHaveLength(6);
    expect(new Set(rooms.map((r) => r.stage))).toEqual(new Set<DealStage>(DEAL_STAGE_CODES));
    expect(rooms.some((r) => r.intermediaryOrg?.equals(agency._id))).toBe(true);
    // The featured organisation takes part first; the featured enterprise keeps its newest need out of the rooms.
    const kept = (await TechNeedModel.findOne({ org: enterprises[0]!.org }).lean())!;
    expect(await DealRoomModel.exists({ $or: [{ 'listing.id': kept._id }, { 'via.id': kept._id }] })).toBeFalsy();
    expect(rooms[0]!.supplyOrg.equals(researchers[0]!.org!)).toBe(true);

    for (const r of rooms) {
      const room = await DealRoomModel.findById(r.id).lean().orFail();
      // Replay: every step is one the table allows to that party, ending at the room's stage.
      let state: { stage: DealStage; openedBy: DealParty | null; proposal: { to: DealStage; party: DealParty } | null } = { stage: 'interest', openedBy: room.openedBy, proposal: null };
      expect(room.history[0]!.kind).toBe('open');
      for (const h of room.history.slice(1)) {
        expect(h.at.getTime()).toBeGreaterThanOrEqual(room.history[0]!.at.getTime());
        const d = decideMove(state, h.party, h.to);
        expect(d, `${h.kind} ${h.from}→${h.to} by ${h.party}`).toEqual({ ok: true, as: h.kind });
        state = h.kind === 'propose' ? { ...state, proposal: { to: h.to, party: h.party! } } : { ...state, stage: h.to, proposal: null };
      }
      expect(state.stage).toBe(room.stage);
      // Closed rooms free their listing and pair for a new room.
      expect(room.openKey === `closed:${String(room._id)}`).toBe(room.stage === 'done' || room.stage === 'terminated');
      expect(DEAL_STAGE_CODES).toContain(room.stage);
      expect(room.createdAt.getTime()).toBeLessThan(now.getTime());
      const seqs = (await DealMessageModel.find({ room: r.id }).sort({ seq: 1 }).lean()).map((m) => m.seq);
      expect(seqs).toEqual(Array.from({ length: room.messageSeq }, (_, i) => i + 1));
    }

    // A participant sees the rooms through the API with one unread message each, and their chat in order.
    const me = await signedInAs(app, researchers[0]!);
    const list = (await me.get('/api/deals').expect(200)).body;
    expect(list.items.length).toBeGreaterThan(0);
    const first = list.items[0];
    expect(first.unread).toBeLessThanOrEqual(1);
    const history = (await me.get(`/api/deals/${first.id}/messages`).expect(200)).body.items;
    expect(history.length).toBeGreaterThan(0);
    expect(history.map((m: { seq: number }) => m.seq)).toEqual([...history.map((m: { seq: number }) => m.seq)].sort((a, b) => a - b));

    // Contracts for the rooms that reached 签约 and were not terminated, registered once implemented;
    // the intermediary's catalogue and its evaluation orders; all visible through the public API.
    const extras = await seedDemoDealExtras(rooms, { org: agency._id, user: broker._id }, now);
    const signed = rooms.filter((r) => r.signedAt && r.stage !== 'terminated');
    expect(extras).toMatchObject({ services: 6, contracts: signed.length, registered: signed.filter((r) => r.stage !== 'signing').length });
    const contracts = await ContractModel.find({}).lean();
    for (const c of contracts) {
      const room = rooms.find((r) => r.id.equals(c.deal))!;
      expect(contractInput.safeParse({ type: c.type, amount: c.amount, payment: c.payment, signedOn: c.signedOn }).success).toBe(true);
      expect(c.signedOn).toBe(room.signedAt!.toISOString().slice(0, 10));
      expect(c.registration === null).toBe(room.stage === 'signing');
      if (c.registration) {
        expect(contractRegistrationInput.safeParse({ number: c.registration.number, registeredOn: c.registration.registeredOn }).success).toBe(true);
      }
    }
    const visitor = await client(app);
    const catalogue = (await visitor.get('/api/intermediary-services').expect(200)).body;
    expect(catalogue.total).toBe(6);
    const card = (await visitor.get(`/api/intermediaries/${String(agency._id)}/scorecard`).expect(200)).body;
    expect(card.ordersDelivered).toBe(extras.orders);
    const brokered = contracts.filter((c) => c.intermediaryOrg?.equals(agency._id)).reduce((s, c) => s + c.amount, 0);
    expect(card.contractValue).toBe(brokered);

    // Seeding again adds nothing.
    expect(await seedDemoDeals({ now, intermediary: null, featured: [] })).toEqual([]);
  });
});
