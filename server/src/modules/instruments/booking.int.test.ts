import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { AuditModel } from '../audit/audit.model';
import { NotificationModel } from '../notifications/notification.model';
import { buildOrg, buildUser } from '../../testing/factories';
import { testApp, useTestDb } from '../../testing/harness';
import { signedInAs } from '../../testing/listing-factories';
import { BookingCellModel, BookingModel } from './booking.model';
import { expireStaleBookings } from './booking.service';
import { buildInstrument, slot } from './booking.testing';
import { CELL_MS, HOUR_MS, localDate } from './booking.time';

useTestDb();
const app = testApp();

const ALL_DAY = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, from: '00:00', to: '24:00' }));
const input = (s: { start: string; end: string }, extra: Record<string, unknown> = {}) => ({ ...s, purpose: '薄膜样品表面形貌观察', sampleDescription: '硅片 1cm×1cm', sampleCount: 3, ...extra });

/** An instrument of a university, its manager signed in, a colleague, and a requester from an enterprise. */
async function world(overrides: Parameters<typeof buildInstrument>[2] = {}) {
  const univ = await buildOrg({ type: 'university', verified: true, name: `吉林大学测试${Math.random()}` });
  const ownerUser = await buildUser({ role: 'researcher', org: univ._id, displayName: '仪器管理员' });
  const inst = await buildInstrument(univ._id, ownerUser._id, overrides);
  const ent = await buildOrg({ type: 'enterprise', verified: true, name: `长春光电测试${Math.random()}` });
  const requesterUser = await buildUser({ role: 'enterprise', org: ent._id, displayName: '王工程师' });
  return {
    univ, inst, ent, path: `/api/instruments/${String(inst._id)}`,
    owner: await signedInAs(app, ownerUser),
    requester: await signedInAs(app, requesterUser),
    requesterColleague: await signedInAs(app, await buildUser({ role: 'enterprise', org: ent._id })),
    stranger: await signedInAs(app, await buildUser({ role: 'enterprise' })),
  };
}

describe('instrument calendar', () => {
  it('expands opening hours to local days and shows bookings busy, names only to the owner institution', async () => {
    const w = await world();
    const s = slot(3, '10:00', 2);
    expect((await w.requester.post(`${w.path}/bookings`, input(s))).status).toBe(201);
    const day = localDate(Date.parse(s.start));
    const url = `${w.path}/calendar?from=${day}&to=${day}`;
    const seen = (await w.stranger.get(url)).body;
    expect(seen.open).toEqual([{ start: new Date(`${day}T08:00:00+08:00`).toISOString(), end: new Date(`${day}T20:00:00+08:00`).toISOString() }]);
    expect(seen.busy).toEqual([{ start: new Date(s.start).toISOString(), end: new Date(s.end).toISOString(), status: 'pending', bookingId: null, mine: false, requester: null }]);
    expect(seen.free).toEqual([
      { start: new Date(`${day}T08:00:00+08:00`).toISOString(), end: new Date(s.start).toISOString() },
      { start: new Date(s.end).toISOString(), end: new Date(`${day}T20:00:00+08:00`).toISOString() },
    ]);
    expect(seen).toMatchObject({ canRequest: true, isOwner: false, timezone: 'Asia/Shanghai' });
    const anonymous = await request(app).get(url);
    expect(anonymous.body).toMatchObject({ canRequest: false, busy: [{ requester: null, bookingId: null }] });
    const mine = (await w.requester.get(url)).body;
    expect(mine.busy[0]).toMatchObject({ mine: true, bookingId: expect.any(String), requester: null });
    const owners = (await w.owner.get(url)).body;
    expect(owners).toMatchObject({ isOwner: true, canRequest: false });
    expect(owners.busy[0].requester).toMatchObject({ name: '王工程师', org: expect.stringContaining('长春光电测试') });
    // Ranges are bounded and dates checked.
    expect((await w.stranger.get(`${w.path}/calendar?from=${day}&to=2099-01-01`)).status).toBe(400);
    expect((await w.stranger.get(`${w.path}/calendar?from=yesterday&to=${day}`)).status).toBe(400);
    expect((await w.stranger.get(`/api/instruments/${'0'.repeat(24)}/calendar?from=${day}&to=${day}`)).status).toBe(404);
  });
});

describe('booking requests', () => {
  it('are refused off the grid, outside opening hours, in the past, too far ahead, too long, for one’s own instrument, and on hostile input', async () => {
    const w = await world({ price: { unit: 'sample', amount: 150 } });
    const post = (body: unknown) => w.requester.post(`${w.path}/bookings`, body);
    const fieldsOf = async (body: unknown) => {
      const r = await post(body);
      expect(r.status).toBe(400);
      return (r.body.error.fields as { path: string; message: string; messageEn: string }[]).map((f) => f.path);
    };
    const s = slot(2, '10:00', 1);
    expect(await fieldsOf(input({ start: new Date(Date.parse(s.start) + 15 * 60_000).toISOString(), end: s.end }))).toContain('body.start');
    expect(await fieldsOf(input(slot(2, '06:00', 1)))).toContain('body.start');
    expect(await fieldsOf(input(slot(2, '19:00', 2)))).toContain('body.start');
    expect(await fieldsOf(input(slot(-1, '10:00', 1)))).toContain('body.start');
    expect(await fieldsOf(input(slot(70, '10:00', 1)))).toContain('body.start');
    expect(await fieldsOf(input(slot(2, '08:00', 12.5)))).toContain('body.end');
    expect(await fieldsOf(input({ start: s.end, end: s.start }))).toContain('body.end');
    expect(await fieldsOf(input(s, { sampleCount: 0 }))).toContain('body.sampleCount');
    // Hostile shapes are 400 with field messages, never 500.
    for (const body of [input(s, { start: { $gt: '' } }), input(s, { purpose: ['x'] }), input(s, { admin: true }), input(s, { sampleCount: 1e9 }), 'text', null]) {
      const r = await post(body);
      expect(r.status).toBe(400);
    }
    expect((await w.requester.post(`/api/instruments/not-an-id/bookings`, input(s))).status).toBe(400);
    expect((await w.requester.post(`/api/instruments/${'0'.repeat(24)}/bookings`, input(s))).status).toBe(404);
    const own = await w.owner.post(`${w.path}/bookings`, input(s));
    expect(own.status).toBe(403);
    expect(own.body.error.message).toContain('本机构');
    // The estimate is samples × price for a per-sample instrument.
    const ok = await post(input(s));
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ status: 'pending', hours: 1, sampleCount: 3, price: { unit: 'sample', amount: 150, estimate: 450 }, can: { cancel: true, confirm: false } });
    expect(await BookingModel.countDocuments({ instrument: w.inst._id })).toBe(1);
  });
});

describe('booking life', () => {
  it('runs request → confirm → usage → rating with the right people, each step audited and notified', async () => {
    const w = await world();
    const r = await w.requester.post(`${w.path}/bookings`, input(slot(4, '09:00', 2)));
    expect(r.body.price).toEqual({ unit: 'hour', amount: 400, estimate: 800 });
    const id = r.body.id as string;
    const b = `/api/instrument-bookings/${id}`;
    // Strangers and the requester's colleagues do not see it; the requester cannot answer it.
    expect((await w.stranger.get(b)).status).toBe(404);
    expect((await w.stranger.post(`${b}/confirm`)).status).toBe(404);
    expect((await w.requesterColleague.get(b)).status).toBe(404);
    expect((await w.requester.post(`${b}/confirm`)).status).toBe(403);
    expect((await w.owner.get(b)).body.can).toMatchObject({ confirm: true, decline: true });
    expect((await w.owner.post(`${b}/confirm`)).body.status).toBe('confirmed');
    expect((await w.owner.post(`${b}/confirm`)).status).toBe(409);
    expect((await w.requester.post(`${b}/rating`, { score: 5 })).status).toBe(409);
    expect((await w.owner.post(`${b}/usage`, { hours: 2 })).status).toBe(409);
    // After the slot: usage, then one rating.
    await BookingModel.updateOne({ _id: id }, { $set: { start: new Date(Date.now() - 3 * HOUR_MS), end: new Date(Date.now() - HOUR_MS) } });
    expect((await w.owner.post(`${b}/usage`, { hours: 1.5, samples: 3, note: '按时完成' })).body).toMatchObject({ status: 'used', usage: { hours: 1.5, samples: 3, note: '按时完成' }, can: { rate: false } });
    expect((await w.owner.post(`${b}/usage`, { hours: 0.25 })).status).toBe(400);
    expect((await w.requester.get(b)).body.can.rate).toBe(true);
    expect((await w.owner.post(`${b}/rating`, { score: 5 })).status).toBe(403);
    expect((await w.requester.post(`${b}/rating`, { score: 6 })).status).toBe(400);
    expect((await w.requester.post(`${b}/rating`, { score: 4, comment: '操作规范，数据清晰' })).body.rating).toMatchObject({ score: 4, comment: '操作规范，数据清晰' });
    expect((await w.requester.post(`${b}/rating`, { score: 1 })).status).toBe(409);
    for (const action of ['booking.request', 'booking.confirm', 'booking.usage', 'booking.rate']) {
      expect(await AuditModel.countDocuments({ action, 'target.id': id })).toBe(1);
    }
    expect(await NotificationModel.countDocuments({ kind: 'instrument.booking', key: new RegExp(`^booking:${id}:`) })).toBe(4);
    // Lists of both sides.
    expect((await w.requester.get('/api/me/bookings')).body.items.map((x: { id: string }) => x.id)).toEqual([id]);
    expect((await w.owner.get('/api/me/bookings?side=owner')).body.total).toBe(1);
    expect((await w.stranger.get('/api/me/bookings?side=owner')).body.total).toBe(0);
  });

  it('frees the slot on decline, cancellations and expiry; late cancellation is marked; the owner cancels only with a reason', async () => {
    const w = await world({ openingHours: ALL_DAY });
    const request = async (s: { start: string; end: string }) => (await w.requester.post(`${w.path}/bookings`, input(s))).body.id as string;
    const cells = (id: string) => BookingCellModel.countDocuments({ booking: id });

    const declined = await request(slot(5, '09:00', 1));
    expect((await w.owner.post(`/api/instrument-bookings/${declined}/decline`, {})).status).toBe(400);
    expect((await w.owner.post(`/api/instrument-bookings/${declined}/decline`, { reason: '设备维护' })).body).toMatchObject({ status: 'declined', reason: '设备维护' });
    expect(await cells(declined)).toBe(0);

    const ownerCancel = await request(slot(5, '11:00', 1));
    await w.owner.post(`/api/instrument-bookings/${ownerCancel}/confirm`);
    expect((await w.owner.post(`/api/instrument-bookings/${ownerCancel}/cancel`, {})).status).toBe(400);
    expect((await w.owner.post(`/api/instrument-bookings/${ownerCancel}/cancel`, { reason: '突发故障' })).body).toMatchObject({ status: 'cancelled', cancelledBy: 'owner' });
    expect(await cells(ownerCancel)).toBe(0);

    const early = await request(slot(5, '13:00', 1));
    await w.owner.post(`/api/instrument-bookings/${early}/confirm`);
    expect((await w.requester.post(`/api/instrument-bookings/${early}/cancel`, {})).body).toMatchObject({ status: 'cancelled', lateCancel: false, cancelledBy: 'requester' });

    // Within 24 hours of the start: a late cancellation.
    const soon = Math.ceil(Date.now() / CELL_MS) * CELL_MS + 2 * HOUR_MS;
    const late = await request({ start: new Date(soon).toISOString(), end: new Date(soon + CELL_MS).toISOString() });
    await w.owner.post(`/api/instrument-bookings/${late}/confirm`);
    expect((await w.requester.post(`/api/instrument-bookings/${late}/cancel`, { reason: '样品未到' })).body).toMatchObject({ status: 'cancelled', lateCancel: true });
    expect(await cells(late)).toBe(0);

    // An unanswered request expires: it cannot be confirmed and its slot is free again.
    const s = slot(6, '09:00', 1);
    const stale = await request(s);
    await BookingModel.updateOne({ _id: stale }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await w.owner.post(`/api/instrument-bookings/${stale}/confirm`)).status).toBe(409);
    expect((await w.owner.get(`/api/instrument-bookings/${stale}`)).body.status).toBe('expired');
    expect(await cells(stale)).toBe(0);
    expect((await w.requester.post(`${w.path}/bookings`, input(s))).status).toBe(201);
  });

  it('expires unanswered requests in the periodic sweep; reads before it show them expired and free without writing', async () => {
    const w = await world();
    const s = slot(7, '09:00', 1);
    const created = await w.requester.post(`${w.path}/bookings`, input(s));
    const stale = created.body.id as string;
    const fresh = (await w.requester.post(`${w.path}/bookings`, input(slot(7, '11:00', 1)))).body.id as string;
    await BookingModel.updateOne({ _id: stale }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    const cells = (id: string) => BookingCellModel.countDocuments({ booking: id });
    const day = localDate(Date.parse(s.start));
    // Reads: the calendar no longer shows it busy, the lists and the detail read it as expired; nothing is written.
    const cal = (await w.stranger.get(`${w.path}/calendar?from=${day}&to=${day}`)).body;
    expect(cal.busy).toHaveLength(1);
    expect((await w.owner.get(`/api/instrument-bookings/${stale}`)).body).toMatchObject({ status: 'expired', expiresAt: null, can: { confirm: false } });
    expect((await BookingModel.findById(stale).lean())?.status).toBe('pending');
    expect(await cells(stale)).toBe(2);
    // The sweep expires it (and only it), frees its cells, and is idempotent.
    expect(await expireStaleBookings()).toBe(1);
    expect(await BookingModel.findById(stale).lean()).toMatchObject({ status: 'expired', expiresAt: null });
    expect((await BookingModel.findById(fresh).lean())?.status).toBe('pending');
    expect(await cells(stale)).toBe(0);
    expect(await expireStaleBookings()).toBe(0);
  });
});
