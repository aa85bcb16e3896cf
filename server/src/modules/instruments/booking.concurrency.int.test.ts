import { describe, expect, it } from 'vitest';
import { buildOrg, buildUser } from '../../testing/factories';
import { testApp, useTestDb } from '../../testing/harness';
import { signedInAs } from '../../testing/listing-factories';
import { BookingCellModel, BookingModel } from './booking.model';
import { buildInstrument, slot } from './booking.testing';

useTestDb();
const app = testApp();

const input = (s: { start: string; end: string }) => ({ ...s, purpose: '纳米颗粒形貌观察', sampleDescription: '粉末样品', sampleCount: 2 });

describe('concurrent requests for one instrument', () => {
  it('let exactly one of twenty overlapping requests win; the others get 409 SLOT_TAKEN and leave no cells behind', async () => {
    const univ = await buildOrg({ type: 'university', verified: true });
    const manager = await buildUser({ role: 'researcher', org: univ._id });
    const inst = await buildInstrument(univ._id, manager._id);
    const clients = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => signedInAs(app, await buildUser({ role: i % 2 ? 'enterprise' : 'researcher' }))),
    );
    // Starts 09:00, 09:30, 10:00, 10:30, each two hours long: all of them hold 10:30–11:00.
    const results = await Promise.all(clients.map((c, i) => c.post(`/api/instruments/${String(inst._id)}/bookings`, input(slot(3, `${String(9 + Math.floor((i % 4) / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`, 2)))));
    const won = results.filter((r) => r.status === 201);
    const lost = results.filter((r) => r.status === 409);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(19);
    for (const r of lost) {
      expect(r.body.error).toMatchObject({ code: 'SLOT_TAKEN', message: expect.stringContaining('该时段已被'), messageEn: expect.stringContaining('already been booked') });
    }
    const winner = won[0]?.body as { id: string; hours: number };
    expect(await BookingModel.countDocuments({ instrument: inst._id })).toBe(1);
    // Exactly the winner's four cells: the losers rolled back what they had inserted.
    const cells = await BookingCellModel.find({ instrument: inst._id }).lean();
    expect(cells).toHaveLength(winner.hours * 2);
    expect(cells.every((c) => String(c.booking) === winner.id)).toBe(true);

    // Adjacent, non-overlapping slots requested at the same moment both succeed.
    const [a, b] = await Promise.all([
      clients[1]?.post(`/api/instruments/${String(inst._id)}/bookings`, input(slot(3, '13:00', 1))),
      clients[2]?.post(`/api/instruments/${String(inst._id)}/bookings`, input(slot(3, '14:00', 1))),
    ]);
    expect([a?.status, b?.status]).toEqual([201, 201]);

    // Cancelling frees the cells: the slot can be requested again.
    const winnerClient = clients[results.findIndex((r) => r.status === 201)];
    expect((await winnerClient?.post(`/api/instrument-bookings/${winner.id}/cancel`, {}))?.body.status).toBe('cancelled');
    expect(await BookingCellModel.countDocuments({ booking: winner.id })).toBe(0);
    const again = await clients[5]?.post(`/api/instruments/${String(inst._id)}/bookings`, input(slot(3, '10:00', 1)));
    expect(again?.status).toBe(201);
  });
});
