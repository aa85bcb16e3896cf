import { Types } from 'mongoose';
import { ContractModel } from '../contracts/contract.model';
import { describe, expect, it } from 'vitest';
import { DealMessageModel, DealRoomModel } from '../deals/deal.model';
import { buildOrg } from '../../testing/factories';
import { client, testApp, useTestDb } from '../../testing/harness';
import { DealInvitationModel, IntermediaryServiceModel, ServiceOrderModel } from './intermediary.model';
import { median } from './intermediary.scorecard';

useTestDb();
const app = testApp();

const T0 = new Date('2026-03-02T08:00:00Z').getTime();
const at = (hours: number) => new Date(T0 + hours * 3_600_000);

/** A stored room: `moves` are [kind, to, hoursAfterT0] history entries after the opening. */
async function room(spec: { firm: Types.ObjectId | null; supply: Types.ObjectId; demand: Types.ObjectId; stage: string; origin?: string; openedAt: number; openedBy?: string; moves?: [string, string, number][] }) {
  const history = [
    { kind: 'open', from: null, to: 'interest', party: spec.openedBy ?? 'demand', by: new Types.ObjectId(), at: at(spec.openedAt), reason: null, note: null },
    ...(spec.moves ?? []).map(([kind, to, h]) => ({ kind, from: null, to, party: 'supply', by: new Types.ObjectId(), at: at(h), reason: null, note: null })),
  ];
  const { insertedId } = await DealRoomModel.collection.insertOne({
    stage: spec.stage, origin: spec.origin ?? 'interest', listing: { kind: 'result', id: new Types.ObjectId(), title: '秘密成果' }, via: null, pairing: null,
    supplyOrg: spec.supply, demandOrg: spec.demand, intermediaryOrg: spec.firm, orgs: [spec.supply, spec.demand], openedBy: 'demand',
    openKey: String(new Types.ObjectId()), history, contacts: [], messageSeq: 0, lastMessageAt: null, createdAt: at(spec.openedAt), updatedAt: at(spec.openedAt),
  });
  return insertedId;
}

const invitation = (room: Types.ObjectId, org: Types.ObjectId, sent: number, answered: number | null, status: string) =>
  DealInvitationModel.collection.insertOne({ room, org, party: 'demand', invitedBy: new Types.ObjectId(), note: null, order: null, status, answeredBy: null, answeredAt: answered === null ? null : at(answered), createdAt: at(sent) });

const order = (room: Types.ObjectId, org: Types.ObjectId, placed: number, steps: [string, number][], status: string, score: number | null) =>
  ServiceOrderModel.collection.insertOne({
    room, service: new Types.ObjectId(), serviceKind: 'evaluation', serviceTitle: '评估', org, party: 'demand', orderedBy: new Types.ObjectId(), note: null, agreedPrice: 480000,
    status, file: null, delivery: null, rating: score === null ? null : { score, comment: null, at: at(100), by: new Types.ObjectId() },
    steps: [['order', placed] as [string, number], ...steps].map(([kind, h]) => ({ kind, by: new Types.ObjectId(), at: at(h), note: null })), createdAt: at(placed),
  });

const contract = (deal: Types.ObjectId, amount: number) =>
  ContractModel.collection.insertOne({ deal, type: 'transfer', amount, payment: { kind: 'lump_sum', text: '' }, signedOn: '2026-03-05', listings: [], history: [], registration: null });

const message = (room: Types.ObjectId, party: string, hours: number, seq: number) =>
  DealMessageModel.collection.insertOne({ room, seq, sender: new Types.ObjectId(), party, clientId: `c${seq}-${String(room)}`, body: 'hi', createdAt: at(hours) });

describe('median', () => {
  it('is the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([6, 1, 4, 2])).toBe(3);
  });
});

describe('an intermediary’s public scorecard', () => {
  it('counts its deals, signing and done, medians its first responses and averages its ratings, naming no client', async () => {
    const firm = (await buildOrg({ type: 'intermediary', verified: true, name: '长春技术转移中心' }))._id;
    const a = (await buildOrg({ type: 'university', name: '甲大学' }))._id;
    const b = (await buildOrg({ type: 'enterprise', name: '乙公司' }))._id;
    await IntermediaryServiceModel.collection.insertOne({ org: firm, kind: 'evaluation', title: 't', description: 'd', price: { mode: 'negotiable' }, turnaroundDays: 3, status: 'active', createdAt: at(0), updatedAt: at(0) });

    // 1: invited at 0, a message at 1 h before accepting at 2 h (1 h); taken to done; an order placed later does not move the start.
    const r1 = await room({ firm, supply: a, demand: b, stage: 'done', openedAt: -5, moves: [['move', 'negotiation', 1], ['confirm', 'signing', 30], ['confirm', 'implementation', 40], ['confirm', 'done', 90]] });
    await invitation(r1, firm, 0, 2, 'accepted');
    await order(r1, firm, 3, [['accept', 5], ['deliver', 20], ['complete', 30]], 'completed', 2);
    await message(r1, 'intermediary', 1, 1);
    // 2: introduced by the firm at 10 h, its first message at 14 h (4 h); signed, then terminated.
    const r2 = await room({ firm, supply: a, demand: b, stage: 'terminated', origin: 'introduction', openedBy: 'intermediary', openedAt: 10, moves: [['confirm', 'signing', 50], ['move', 'terminated', 60]] });
    await message(r2, 'demand', 11, 1);
    await message(r2, 'intermediary', 14, 2);
    // 3: an order at 20 h accepted at 26 h (6 h), a message after that; in negotiation.
    const r3 = await room({ firm, supply: b, demand: a, stage: 'negotiation', openedAt: 18, moves: [['move', 'negotiation', 19]] });
    await order(r3, firm, 20, [['accept', 26], ['deliver', 40], ['complete', 41]], 'completed', 5);
    await message(r3, 'intermediary', 30, 1);
    // 4: invited at 50 h, declined at 53 h (3 h): a response, not a deal.
    await invitation(await room({ firm: null, supply: a, demand: b, stage: 'interest', openedAt: 49 }), firm, 50, 53, 'declined');
    // A withdrawn invitation (the party's act at 71 h) is no response.
    await invitation(await room({ firm: null, supply: a, demand: b, stage: 'interest', openedAt: 69 }), firm, 70, 71, 'withdrawn');
    await contract(r1, 480_000);
    await contract(r2, 120_000);
    // 5: invited, no answer yet: not measured.
    await invitation(await room({ firm: null, supply: a, demand: b, stage: 'interest', openedAt: 60 }), firm, 61, null, 'pending');
    // A room with another intermediary does not count.
    await contract(await room({ firm: (await buildOrg({ type: 'intermediary' }))._id, supply: a, demand: b, stage: 'done', openedAt: 0 }), 7_000_000);

    const c = await client(app);
    const card = (await c.get(`/api/intermediaries/${String(firm)}/scorecard`).expect(200)).body;
    // Responses: r1 1 h (message before the answer), r2 4 h, r3 6 h, r4 3 h → median 3.5.
    expect(card).toMatchObject({
      org: { id: String(firm), name: '长春技术转移中心', verified: true },
      services: 1, deals: 3, reachedSigning: 2, done: 1,
      medianFirstResponseHours: 3.5, responsesMeasured: 4,
      rating: { mean: 3.5, count: 2 }, ordersDelivered: 2,
    });
    // Contract value: the sum over its rooms' contracts (r1 done, r2 signed then terminated), not the other firm's.
    expect(card).toMatchObject({ contractValue: 600_000, contractValueNote: null });
    // Whitelisted: no client's name, no listing, no per-deal amount.
    const text = JSON.stringify(card);
    for (const secret of ['甲大学', '乙公司', '秘密成果', '480000']) {
      expect(text).not.toContain(secret);
    }
    expect((await c.get(`/api/intermediaries/${String(a)}/scorecard`)).status).toBe(404);
  });
});
