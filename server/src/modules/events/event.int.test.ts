import { beforeAll, describe, expect, it } from 'vitest';
import { AuditModel } from '../audit/audit.model';
import { DealRoomModel } from '../deals/deal.model';
import { NotificationModel } from '../notifications/notification.model';
import { buildUser } from '../../testing/factories';
import { testApp, useTestDb, type Client } from '../../testing/harness';
import { buildResult, signedInAs } from '../../testing/listing-factories';
import type { UserDoc } from '../users/user.model';
import { EventMeetingCellModel, EventMeetingModel } from './event.model';

useTestDb();
const app = testApp();

const DAY = 86_400_000;
const at = (days: number, hour: number) => new Date(Math.floor(Date.now() / DAY) * DAY + days * DAY + hour * 3_600_000).toISOString();
const input = (programme: string[], overrides: Record<string, unknown> = {}) => ({
  kind: 'roadshow', title: '吉林省高新技术成果交易会 路演', description: '成果路演与一对一洽谈', place: '长春国际会展中心',
  sessions: [{ start: at(10, 1), end: at(10, 3) }], slotMinutes: 20, tables: 2, programme, ...overrides,
});

let organiser: Client;
let stranger: Client;
let presenterUser: UserDoc;
let presenter: Client;
let presenter2: Client;
let enterprises: { u: UserDoc; c: Client }[];
let results: string[];
let eventId: string;

beforeAll(async () => {
  const broker = await buildUser({ role: 'intermediary' });
  organiser = await signedInAs(app, broker);
  stranger = await signedInAs(app, await buildUser({ role: 'intermediary' }));
  presenterUser = await buildUser({ role: 'researcher' });
  const other = await buildUser({ role: 'researcher' });
  presenter = await signedInAs(app, presenterUser);
  presenter2 = await signedInAs(app, other);
  results = [
    String((await buildResult(presenterUser, { status: 'published' }))._id),
    String((await buildResult(presenterUser, { status: 'published' }))._id),
    String((await buildResult(other, { status: 'published' }))._id),
  ];
  enterprises = await Promise.all(Array.from({ length: 5 }, async () => {
    const u = await buildUser({ role: 'enterprise' });
    return { u, c: await signedInAs(app, u) };
  }));
});

describe('events', () => {
  it('are created by intermediaries and administrators only, from published results; hostile input is 400', async () => {
    const researcher = presenter;
    expect((await researcher.post('/api/events', input(results))).status).toBe(403);
    const draft = await buildResult(presenterUser);
    const bad = await organiser.post('/api/events', input([...results, String(draft._id)]));
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0]).toMatchObject({ path: 'body.programme', message: expect.stringContaining('已发布') });
    for (const hostile of [
      input(results, { kind: { $ne: 'x' } }), input(results, { programme: [{ $gt: '' }] }), input(results, { tables: 0 }),
      input(results, { sessions: [{ start: at(10, 3), end: at(10, 1) }] }), input(results, { streamUrl: 'javascript:alert(1)' }), input(results, { extra: 1 }),
    ]) {
      const res = await organiser.post('/api/events', hostile);
      expect(res.status, JSON.stringify(hostile)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    const created = await organiser.post('/api/events', input(results));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ state: 'draft', slots: expect.any(Array), can: { manage: true } });
    expect(created.body.slots).toHaveLength(6);
    eventId = created.body.id;
    // Drafts and management are the organiser's: others get 404.
    expect((await stranger.get(`/api/events/${eventId}`)).status).toBe(404);
    expect((await stranger.post(`/api/events/${eventId}/transition`, { to: 'published' })).status).toBe(404);
    expect((await organiser.post(`/api/events/${eventId}/transition`, { to: 'held' })).status).toBe(409);
    expect((await organiser.post(`/api/events/${eventId}/transition`, { to: 'published' })).body.state).toBe('published');
    expect(await AuditModel.countDocuments({ 'target.id': eventId, action: { $in: ['event.create', 'event.transition'] } })).toBe(2);
    const list = await stranger.get('/api/events?scope=upcoming');
    expect(list.body.items.map((e: { id: string }) => e.id)).toContain(eventId);
  });

  it('take one registration per enterprise with picks from the programme; presenters see who picked their results', async () => {
    const [e0, e1] = enterprises;
    expect((await presenter.post(`/api/events/${eventId}/registrations`, { picks: [results[2]] })).status).toBe(403);
    expect((await e0!.c.post(`/api/events/${eventId}/registrations`, { picks: ['0123456789abcdef01234567'] })).status).toBe(400);
    expect((await e0!.c.post(`/api/events/${eventId}/registrations`, { picks: [{ $ne: null }] })).status).toBe(400);
    expect((await e0!.c.post(`/api/events/${eventId}/registrations`, { picks: [results[0], results[2]], note: '希望了解中试条件' })).status).toBe(201);
    expect((await e0!.c.post(`/api/events/${eventId}/registrations`, { picks: [results[1]] })).status).toBe(409);
    for (const [i, e] of enterprises.slice(1).entries()) {
      expect((await e.c.post(`/api/events/${eventId}/registrations`, { picks: i % 2 ? [results[0]] : [results[0], results[1], results[2]] })).status).toBe(201);
    }
    const seen = await presenter2.get(`/api/events/${eventId}/registrations?as=presenter`);
    expect(seen.status).toBe(200);
    expect(seen.body.items.every((r: { picks: string[] }) => r.picks.length === 1 && r.picks[0] === results[2])).toBe(true);
    expect((await stranger.get(`/api/events/${eventId}/registrations?as=presenter`)).status).toBe(404);
    expect((await stranger.get(`/api/events/${eventId}/registrations`)).status).toBe(404);
    expect((await e1!.c.get(`/api/events/${eventId}`)).body.myRegistration).toMatchObject({ picks: expect.any(Array) });
  });

  it('schedule with simultaneous runs and edits never double books an organisation or a table', async () => {
    expect((await stranger.post(`/api/events/${eventId}/schedule/run`)).status).toBe(404);
    const runs = await Promise.all([1, 2, 3, 4].map(() => organiser.post(`/api/events/${eventId}/schedule/run`)));
    expect(runs.every((r) => r.status === 200)).toBe(true);
    const meetings = await EventMeetingModel.find({ event: eventId, status: 'scheduled' }).lean();
    const keys = meetings.flatMap((m) => [`${m.slot}:t${m.table}`, `${m.slot}:o${String(m.enterpriseOrg)}`, `${m.slot}:o${String(m.presenterOrg)}`, `r${String(m.enterpriseOrg)}${String(m.result)}`]);
    expect(new Set(keys).size).toBe(keys.length);
    // 5 enterprises want r0 (presenter A), 3 want r1 (presenter A too), 3 want r2: A has 6 slots.
    expect(meetings.filter((m) => String(m.presenterOrg) === String(presenterUser.org))).toHaveLength(6);
    const again = await organiser.post(`/api/events/${eventId}/schedule/run`);
    expect(again.body).toMatchObject({ scheduled: 0, kept: meetings.length });
    expect(again.body.unscheduled.map((u: { reason: string }) => u.reason)).toContain('presenter_busy');
    // Moving a meeting onto a place taken by a side or a table is refused; concurrent moves to one free place: one wins.
    const [a, b] = meetings;
    const taken = await organiser.post(`/api/events/${eventId}/meetings/${String(a!._id)}/move`, { slot: b!.slot, table: b!.table });
    expect(taken.status).toBe(409);
    const cancel = await organiser.post(`/api/events/${eventId}/meetings/${String(b!._id)}/cancel`);
    expect(cancel.body.status).toBe('cancelled');
    const others = meetings.filter((m) => m.slot !== b!.slot && String(m.presenterOrg) !== String(presenterUser.org)).slice(0, 2);
    const moves = await Promise.all(others.map((m) => organiser.post(`/api/events/${eventId}/meetings/${String(m._id)}/move`, { slot: b!.slot, table: b!.table })));
    expect(moves.filter((r) => r.status === 200).length).toBeLessThanOrEqual(1);
    const after = await EventMeetingModel.find({ event: eventId, status: 'scheduled' }).lean();
    const keys2 = after.flatMap((m) => [`${m.slot}:t${m.table}`, `${m.slot}:o${String(m.enterpriseOrg)}`, `${m.slot}:o${String(m.presenterOrg)}`]);
    expect(new Set(keys2).size).toBe(keys2.length);
    expect(await EventMeetingCellModel.countDocuments({ event: eventId })).toBe(after.length * 4);
  });

  it('publishes the schedule to both sides, exports it, and opens exactly one deal on the enterprise’s interest', async () => {
    const e0 = enterprises[0]!;
    expect((await e0.c.get(`/api/events/${eventId}/my-schedule`)).body).toEqual({ meetings: [], published: false });
    const pub = await organiser.post(`/api/events/${eventId}/schedule/publish`);
    expect(pub.body.schedulePublished).toBe(true);
    expect(await NotificationModel.countDocuments({ user: e0.u._id, kind: 'event' })).toBe(1);
    const mine = await e0.c.get(`/api/events/${eventId}/my-schedule`);
    expect(mine.body.meetings.length).toBeGreaterThan(0);
    expect(mine.body.meetings[0]).toMatchObject({ side: 'enterprise', table: expect.any(Number), presenterName: expect.any(String), resultTitle: expect.any(String) });
    const xlsx = await organiser.get(`/api/events/${eventId}/schedule.xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect((await stranger.get(`/api/events/${eventId}/schedule.xlsx`)).status).toBe(404);

    const meeting = mine.body.meetings[0] as { id: string };
    const path = `/api/events/${eventId}/meetings/${meeting.id}/interest`;
    expect((await e0.c.post(path, { interested: true })).status).toBe(409); // not held yet
    await organiser.post(`/api/events/${eventId}/transition`, { to: 'registration_closed' });
    await organiser.post(`/api/events/${eventId}/transition`, { to: 'held' });
    expect((await stranger.post(path, { interested: true })).status).toBe(404);
    const colleague = await signedInAs(app, await buildUser({ role: 'enterprise', org: e0.u.org }));
    const marks = await Promise.all([e0.c.post(path, { interested: true }), colleague.post(path, { interested: true })]);
    expect(marks.map((r) => r.status)).toEqual([200, 200]);
    const m = await EventMeetingModel.findById(meeting.id).lean();
    expect(m?.deal).toBeTruthy();
    expect(await DealRoomModel.countDocuments({ 'listing.id': m!.result, demandOrg: e0.u.org })).toBe(1);
    expect((await DealRoomModel.findById(m!.deal).lean())?.origin).toBe('event');
    expect(await AuditModel.countDocuments({ 'target.id': eventId, action: { $in: ['event.schedule_run', 'event.schedule_publish'] } })).toBe(6);
  });
});
