import { beforeAll, describe, expect, it } from 'vitest';
import { AuditModel } from '../audit/audit.model';
import { NotificationModel } from '../notifications/notification.model';
import { buildUser } from '../../testing/factories';
import { testApp, useTestDb, type Client } from '../../testing/harness';
import { buildResult, signedInAs } from '../../testing/listing-factories';
import type { UserDoc } from '../users/user.model';
import { EventMeetingCellModel, EventMeetingModel, EventModel } from './event.model';

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

describe('a scheduler run racing an edit or a cancellation', () => {
  it('never leaves meetings on a layout the edit changed, nor on a cancelled event', async () => {
    for (let round = 0; round < 3; round++) {
      // An edit that shrinks the layout to one 20-minute slot at one table, at the same time as a run.
      const id = (await organiser.post('/api/events', input(results, { title: `并发排程与修改 ${round}` }))).body.id as string;
      const path = `/api/events/${id}`;
      await organiser.post(`${path}/transition`, { to: 'published' });
      expect((await ent.c.post(`${path}/registrations`, { picks: [results[0], results[1]] })).status).toBe(201);
      expect((await ent2.c.post(`${path}/registrations`, { picks: [results[1], results[2]] })).status).toBe(201);
      const small = input(results, { title: `并发排程与修改 ${round}`, sessions: [{ start: at(12, 1), end: new Date(Date.parse(at(12, 1)) + 20 * 60_000).toISOString() }], tables: 1 });
      const [run, edit] = await Promise.all([organiser.post(`${path}/schedule/run`), organiser.put(path, small)]);
      expect([run.status, edit.status].every((s) => s < 500), `${run.status} ${edit.status}`).toBe(true);
      const event = (await organiser.get(path)).body as { tables: number; slotMinutes: number; sessions: { start: string; end: string }[] };
      const slots = event.sessions.reduce((n, s) => n + Math.floor((Date.parse(s.end) - Date.parse(s.start)) / (event.slotMinutes * 60_000)), 0);
      const meetings = (await organiser.get(`${path}/schedule`)).body.meetings as { slot: number; table: number }[];
      for (const m of meetings) {
        expect(m.slot, `round ${round}: run ${run.status}, edit ${edit.status}`).toBeLessThan(slots);
        expect(m.table).toBeLessThanOrEqual(event.tables);
      }
      // Whichever lost was told so (409), and neither left the layout held.
      expect([run.status, edit.status].filter((s) => s !== 200).every((s) => s === 409 || s === 400)).toBe(true);
      expect(await EventModel.findById(id, { activeRuns: 1, editingUntil: 1 }).lean()).toMatchObject({ activeRuns: 0, editingUntil: null });

      // A cancellation at the same time as a run: a cancelled event keeps no meeting and no place.
      const cid = (await organiser.post('/api/events', input(results, { title: `并发排程与取消 ${round}` }))).body.id as string;
      const cpath = `/api/events/${cid}`;
      await organiser.post(`${cpath}/transition`, { to: 'published' });
      expect((await ent.c.post(`${cpath}/registrations`, { picks: [results[0], results[1], results[2]] })).status).toBe(201);
      const [crun, cancel] = await Promise.all([organiser.post(`${cpath}/schedule/run`), organiser.post(`${cpath}/cancel`, { reason: '并发测试取消' })]);
      expect([crun.status, cancel.status]).toEqual([expect.any(Number), 200]);
      expect(crun.status).toBeLessThan(500);
      expect(await EventMeetingModel.countDocuments({ event: cid, status: 'scheduled' })).toBe(0);
      expect(await EventMeetingCellModel.countDocuments({ event: cid })).toBe(0);
    }
  });
});

describe('the layout held by a scheduler run or an edit', () => {
  it('refuses a layout edit during a run and a run during a layout edit, and ignores a holder whose lease ran out', async () => {
    const id = (await organiser.post('/api/events', input(results, { title: '排程与修改互斥' }))).body.id as string;
    const path = `/api/events/${id}`;
    await organiser.post(`${path}/transition`, { to: 'published' });
    const soon = new Date(Date.now() + 60_000);
    const past = new Date(Date.now() - 1_000);
    // A run in progress: the layout cannot change, other fields can.
    await EventModel.updateOne({ _id: id }, { $set: { activeRuns: 1, schedulingUntil: soon } });
    expect((await organiser.put(path, input(results, { title: '排程与修改互斥', tables: 4 }))).status).toBe(409);
    expect((await organiser.put(path, input(results, { title: '排程与修改互斥（改名）' }))).status).toBe(200);
    // Its process died: once the lease ran out, the edit goes ahead.
    await EventModel.updateOne({ _id: id }, { $set: { schedulingUntil: past } });
    expect((await organiser.put(path, input(results, { title: '排程与修改互斥', tables: 4 }))).body.tables).toBe(4);
    // An edit in progress: a run waits (409); after its lease, runs go ahead.
    await EventModel.updateOne({ _id: id }, { $set: { activeRuns: 0, editingUntil: soon } });
    expect((await organiser.post(`${path}/schedule/run`)).status).toBe(409);
    await EventModel.updateOne({ _id: id }, { $set: { editingUntil: past } });
    expect((await organiser.post(`${path}/schedule/run`)).status).toBe(200);
    expect(await EventModel.findById(id, { activeRuns: 1 }).lean()).toMatchObject({ activeRuns: 0 });
  });
});
