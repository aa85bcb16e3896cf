import { describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { buildOrg, buildUser } from '../../testing/factories';
import { testApp, useTestDb } from '../../testing/harness';
import { signedInAs } from '../../testing/listing-factories';
import { BookingModel, type BookingRecord } from './booking.model';
import { buildInstrument } from './booking.testing';
import { DAY_MS, HOUR_MS, localMidnight, localWeekday } from './booking.time';

useTestDb();
const app = testApp();

const WORKDAYS = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: '09:00', to: '17:00' }));

describe('instrument utilisation', () => {
  it('is hours booked (confirmed or used) over hours open, per week, per instrument and for the institution, for its members only', async () => {
    const univ = await buildOrg({ type: 'university', verified: true });
    const member = await buildUser({ role: 'researcher', org: univ._id });
    const sem = await buildInstrument(univ._id, member._id, { name: '扫描电镜', openingHours: WORKDAYS });
    await buildInstrument(univ._id, member._id, { name: 'X射线衍射仪', openingHours: WORKDAYS });
    const today = localMidnight(Date.now());
    const monday = today - (localWeekday(today) - 1) * DAY_MS;
    const requester = new Types.ObjectId();
    const book = (dayOffset: number, fromHour: number, hours: number, status: BookingRecord['status']) => {
      const start = monday + dayOffset * DAY_MS + fromHour * HOUR_MS;
      return {
        instrument: sem._id, instrumentName: sem.name, ownerOrg: univ._id, requester, requesterOrg: new Types.ObjectId(), start: new Date(start), end: new Date(start + hours * HOUR_MS),
        status, purpose: '测试', price: { unit: 'hour' as const, amount: 100, estimate: hours * 100 },
      };
    };
    await BookingModel.insertMany([
      book(0, 9, 4, 'confirmed'), book(1, 9, 2, 'used'), book(2, 9, 3, 'pending'), book(3, 9, 1, 'cancelled'), book(4, 9, 1, 'declined'),
      book(-7, 9, 8, 'used'),
    ]);
    const c = await signedInAs(app, member);
    const res = await c.get(`/api/orgs/${String(univ._id)}/instrument-utilisation?period=week&count=2`);
    expect(res.status).toBe(200);
    expect(res.body.period).toBe('week');
    expect(res.body.total.map((b: { openHours: number; bookedHours: number; ratio: number }) => [b.openHours, b.bookedHours, b.ratio])).toEqual([[80, 8, 0.1], [80, 6, 0.075]]);
    const row = res.body.instruments.find((i: { name: string }) => i.name === '扫描电镜');
    expect(row.buckets.map((b: { ratio: number }) => b.ratio)).toEqual([0.2, 0.15]);
    expect(row.buckets[1].start).toBe(new Date(monday).toISOString());
    expect((await c.get(`/api/orgs/${String(univ._id)}/instrument-utilisation?period=month&count=3`)).body.total).toHaveLength(3);
    expect((await c.get(`/api/orgs/${String(univ._id)}/instrument-utilisation?period=year`)).status).toBe(400);
    const outsider = await signedInAs(app, await buildUser({ role: 'enterprise' }));
    expect((await outsider.get(`/api/orgs/${String(univ._id)}/instrument-utilisation`)).status).toBe(404);
  });
});
