import { describe, expect, it } from 'vitest';
import { BookingCellModel, BookingModel } from '../modules/instruments/booking.model';
import { buildInstrument } from '../modules/instruments/booking.testing';
import { buildOrg, buildUser } from '../testing/factories';
import { useTestDb } from '../testing/harness';
import { seedDemoBookings } from './demo-bookings';

useTestDb();

describe('the booking demo data', () => {
  it('books past weeks used and rated, the next two weeks confirmed and pending, by other institutions, without overlaps, once', { timeout: 120_000 }, async () => {
    const univ = await buildOrg({ type: 'university', verified: true });
    const manager = await buildUser({ role: 'researcher', org: univ._id });
    await Promise.all([1, 2, 3].map(() => buildUser({ role: 'enterprise' })));
    await buildUser({ role: 'researcher' });
    const a = await buildInstrument(univ._id, manager._id);
    const b = await buildInstrument(univ._id, manager._id, { name: 'X射线衍射仪', price: { unit: 'sample', amount: 150 } });
    const now = new Date();
    const stored = await seedDemoBookings([a._id, b._id], now);
    expect(stored).toBeGreaterThan(20);
    const all = await BookingModel.find({}).lean();
    const statuses = new Set(all.map((x) => x.status));
    for (const s of ['used', 'confirmed', 'pending'] as const) {
      expect(statuses.has(s)).toBe(true);
    }
    expect(all.some((x) => x.rating)).toBe(true);
    expect(all.every((x) => !x.requesterOrg.equals(univ._id))).toBe(true);
    expect(all.filter((x) => x.status === 'pending' || x.status === 'confirmed').every((x) => x.start > now)).toBe(true);
    // Every holding booking holds its cells, so the demo cannot be double-booked later.
    const holding = all.filter((x) => x.status !== 'cancelled');
    const cells = holding.reduce((n, x) => n + (x.end.getTime() - x.start.getTime()) / 1_800_000, 0);
    expect(await BookingCellModel.countDocuments({})).toBe(cells);
    expect(await seedDemoBookings([a._id, b._id], now)).toBe(0);
  });
});
