import { beforeAll, describe, expect, it } from 'vitest';
import { AuditModel } from '../audit/audit.model';
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
  kind: 'roadshow', title: '长春科技成果转化对接会', description: '成果路演与一对一洽谈', place: '长春国际会展中心 1 号馆',
  sessions: [{ start: at(12, 1), end: at(12, 2) }], slotMinutes: 20, tables: 3, programme, ...overrides,
});

let organiser: Client;
let stranger: Client;
let results: string[];
let ent: { u: UserDoc; c: Client };
let ent2: { u: UserDoc; c: Client };
let researcher: UserDoc;

beforeAll(async () => {
  organiser = await signedInAs(app, await buildUser({ role: 'intermediary' }));
  stranger = await signedInAs(app, await buildUser({ role: 'intermediary' }));
  researcher = await buildUser({ role: 'researcher' });
  results = await Promise.all([0, 1, 2].map(async () => String((await buildResult(researcher, { status: 'published' }))._id)));
  const u = await buildUser({ role: 'enterprise' });
  const u2 = await buildUser({ role: 'enterprise' });
  ent = { u, c: await signedInAs(app, u) };
  ent2 = { u: u2, c: await signedInAs(app, u2) };
});

const fieldPaths = (res: { body: { error?: { fields?: { path: string }[] } } }) => (res.body.error?.fields ?? []).map((f) => f.path);

describe('editing an event', () => {
  it('keeps what registrations and the schedule rely on, tells registrants of a new place, and stops once registration closes', async () => {
    const id = (await organiser.post('/api/events', input(results))).body.id as string;
    const path = `/api/events/${id}`;
    expect((await stranger.put(path, input(results, { title: '别人的修改' }))).status).toBe(404);
    expect((await organiser.put(path, input(results, { tables: -1 }))).status).toBe(400);
    const draftEdit = await organiser.put(path, input(results, { title: '长春科技成果转化对接会（第二期）' }));
    expect(draftEdit.status).toBe(200);
    expect(draftEdit.body).toMatchObject({ title: '长春科技成果转化对接会（第二期）', can: { manage: true, edit: true } });
    expect((await stranger.get('/api/events?scope=upcoming')).status).toBe(200);
    expect((await organiser.post(`${path}/transition`, { to: 'published' })).body.state).toBe('published');
    expect((await ent.c.get(path)).body.can).toMatchObject({ manage: false, edit: false });
    expect((await ent.c.post(`${path}/registrations`, { picks: [results[0]] })).status).toBe(201);

    // A picked result cannot leave the programme; an unpicked one can.
    const drop = await organiser.put(path, input([results[1]!, results[2]!]));
    expect(drop.status).toBe(400);
    expect(fieldPaths(drop)).toEqual(['body.programme']);
    expect(drop.body.error.fields[0].message).toContain('报名对接');
    expect((await organiser.put(path, input([results[0]!, results[1]!]))).status).toBe(200);

    // A new place: the registrant hears of it (once), the audit records the edit.
    const moved = await organiser.put(path, input([results[0]!, results[1]!], { place: '吉林大学南岭校区 逸夫楼' }));
    expect(moved.body.place).toBe('吉林大学南岭校区 逸夫楼');
    expect(await NotificationModel.countDocuments({ user: ent.u._id, kind: 'event', link: `/events/${id}` })).toBe(1);
    expect(await AuditModel.countDocuments({ 'target.id': id, action: 'event.update' })).toBe(3);

    // Once meetings are scheduled, their slots and tables stay.
    expect((await ent2.c.post(`${path}/registrations`, { picks: [results[0]] })).status).toBe(201);
    expect((await organiser.post(`${path}/schedule/run`)).body.scheduled).toBe(2);
    const meeting = (await organiser.get(`${path}/schedule`)).body.meetings[0] as { id: string; slot: number };
    expect((await organiser.post(`${path}/meetings/${meeting.id}/move`, { slot: meeting.slot, table: 3 })).status).toBe(200);
    const current = input([results[0]!, results[1]!], { place: '吉林大学南岭校区 逸夫楼' });
    const later = await organiser.put(path, { ...current, sessions: [{ start: at(13, 1), end: at(13, 2) }] });
    expect(fieldPaths(later)).toEqual(['body.sessions']);
    expect(fieldPaths(await organiser.put(path, { ...current, slotMinutes: 15 }))).toEqual(['body.slotMinutes']);
    expect(fieldPaths(await organiser.put(path, { ...current, tables: 2 }))).toEqual(['body.tables']);
    const grown = await organiser.put(path, { ...current, tables: 5, description: '新增两张洽谈桌' });
    expect(grown.status).toBe(200);
    expect(grown.body.tables).toBe(5);

    expect((await organiser.post(`${path}/transition`, { to: 'registration_closed' })).status).toBe(200);
    const closed = await organiser.put(path, current);
    expect(closed.status).toBe(409);
    expect((await organiser.get(path)).body.can.edit).toBe(false);
  });
});

describe('cancelling an event', () => {
  it('tells registrants and presenters why, drops the meetings, and ends registration; a held event cannot be cancelled', async () => {
    const id = (await organiser.post('/api/events', input(results, { title: '长春新区成果路演（将取消）' }))).body.id as string;
    const path = `/api/events/${id}`;
    await organiser.post(`${path}/transition`, { to: 'published' });
    expect((await organiser.get(path)).body.can).toMatchObject({ cancel: true });
    expect((await ent.c.get(path)).body.can).toMatchObject({ cancel: false });
    expect((await ent.c.post(`${path}/registrations`, { picks: [results[0], results[1]] })).status).toBe(201);
    expect((await organiser.post(`${path}/schedule/run`)).body.scheduled).toBe(2);
    expect((await organiser.post(`${path}/schedule/publish`)).status).toBe(200);

    expect((await stranger.post(`${path}/cancel`, { reason: '场地临时调整' })).status).toBe(404);
    expect((await ent.c.post(`${path}/cancel`, { reason: '场地临时调整' })).status).toBe(404);
    for (const hostile of [{}, { reason: '' }, { reason: { $ne: '' } }, { reason: 'x'.repeat(501) }, { reason: '场地临时调整', extra: 1 }]) {
      const res = await organiser.post(`${path}/cancel`, hostile);
      expect(res.status, JSON.stringify(hostile)).toBe(400);
    }
    expect((await organiser.post(`${path}/transition`, { to: 'cancelled' })).status).toBe(409);
    const cancelled = await organiser.post(`${path}/cancel`, { reason: '会展中心临时检修，活动取消，另行通知' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ state: 'cancelled', cancelReason: '会展中心临时检修，活动取消，另行通知', can: { edit: false, cancel: false, register: false } });
    expect((await organiser.post(`${path}/cancel`, { reason: '再次取消' })).status).toBe(409);

    // Registrant and presenter hear why (once each); the meetings and their places are gone.
    const told = await NotificationModel.find({ kind: 'event', link: path.replace('/api', ''), title: { $regex: '已取消' } }).lean();
    expect(told.map((n) => String(n.user)).sort()).toEqual([String(ent.u._id), String(researcher._id)].sort());
    expect(told[0]?.body).toContain('会展中心临时检修');
    expect(await EventMeetingModel.countDocuments({ event: id, status: 'scheduled' })).toBe(0);
    expect(await EventMeetingCellModel.countDocuments({ event: id })).toBe(0);
    expect((await ent.c.get(`${path}/my-schedule`)).body.meetings).toEqual([]);
    expect((await ent2.c.post(`${path}/registrations`, { picks: [results[0]] })).status).toBe(409);
    expect((await organiser.post(`${path}/schedule/run`)).status).toBe(409);
    expect((await organiser.put(path, input(results))).status).toBe(409);
    expect(await AuditModel.countDocuments({ 'target.id': id, action: 'event.cancel' })).toBe(1);
    // Cancelled events stay listed, marked, so registrants find them.
    const listed = (await ent.c.get('/api/events?scope=upcoming')).body.items.find((x: { id: string }) => x.id === id);
    expect(listed?.state).toBe('cancelled');

    // A draft is cancelled quietly; a held event cannot be.
    const draft = (await organiser.post('/api/events', input(results))).body.id as string;
    const before = await NotificationModel.countDocuments({});
    expect((await organiser.post(`/api/events/${draft}/cancel`, { reason: '计划调整' })).body.state).toBe('cancelled');
    expect(await NotificationModel.countDocuments({})).toBe(before);
    const held = (await organiser.post('/api/events', input(results))).body.id as string;
    for (const to of ['published', 'registration_closed', 'held']) {
      await organiser.post(`/api/events/${held}/transition`, { to });
    }
    expect((await organiser.post(`/api/events/${held}/cancel`, { reason: '计划调整' })).status).toBe(409);
  });
});
