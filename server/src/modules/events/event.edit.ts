/**
 * The organiser edits an event while it is a draft or open for registration. What organisations
 * already rely on stays: a result an enterprise picked stays in the programme, and once meetings are
 * scheduled their slots (sessions and slot length) stay and no table they sit at disappears. The
 * registrants hear of a new time or place.
 */
import { EVENT_EDITABLE_STATES, type EventInput, type FieldError } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import { audit } from '../audit/audit.service';
import type { UserDoc } from '../users/user.model';
import { EventMeetingModel, EventModel, EventRegistrationModel, LAYOUT_LEASE_MS, type EventRecord, type MeetingRecord, type RegistrationRecord } from './event.model';
import { notifyOrgs } from './event.notify';
import { meetingsQuery, registrationsQuery } from './event.queries';
import { field, fieldsOf, programmeOf, readManaged, sessionErrors } from './event.service';
import { eventSlots } from './event.slots';

type Fields = ReturnType<typeof fieldsOf>;

const slotKey = (e: Pick<EventRecord, 'sessions' | 'slotMinutes'>) => eventSlots(e).map((s) => s.start.getTime()).join(',');

/** Field errors for an edit that would undo what registrations or scheduled meetings hold. */
function lockErrors(e: EventRecord, next: Fields & { programme: EventRecord['programme'] }, regs: RegistrationRecord[], meetings: MeetingRecord[]): FieldError[] {
  const out: FieldError[] = [];
  const picked = new Set(regs.flatMap((r) => r.picks.map(String)));
  const kept = new Set(next.programme.map((p) => String(p.result)));
  const dropped = e.programme.filter((p) => picked.has(String(p.result)) && !kept.has(String(p.result))).map((p) => p.title);
  if (dropped.length) {
    out.push(field('programme', `已有企业报名对接的成果不能移出路演：${dropped.join('；')}`, `Enterprises registered to meet these results, so they stay in the programme: ${dropped.join('; ')}`));
  }
  if (!meetings.length) {
    return out;
  }
  if (slotKey(e) !== slotKey(next as Pick<EventRecord, 'sessions' | 'slotMinutes'>)) {
    const path = next.slotMinutes === e.slotMinutes ? 'sessions' : 'slotMinutes';
    out.push(field(path, '已排洽谈日程：活动时间和每场洽谈时长不能再改', 'Meetings are scheduled: the sessions and the slot length can no longer change'));
  }
  const highest = Math.max(...meetings.map((m) => m.table));
  if (next.tables < highest) {
    out.push(field('tables', `已有洽谈安排在 ${highest} 号桌，洽谈桌数不能少于 ${highest}`, `A meeting sits at table ${highest}: keep at least ${highest} tables`));
  }
  return out;
}

const sameDates = (a: { start: Date; end: Date }[], b: { start: Date; end: Date }[]) =>
  a.length === b.length && a.every((s, i) => s.start.getTime() === b[i]?.start.getTime() && s.end.getTime() === b[i]?.end.getTime());

/** Edits an event before its registration closes (organiser); 400 with field messages for what must stay. */
export async function updateEvent(user: UserDoc, id: string, input: EventInput, ip: string, now = new Date()): Promise<EventRecord> {
  const e = await readManaged(user, id);
  if (!EVENT_EDITABLE_STATES.includes(e.state)) {
    throw createError('INVALID_STATE', { message: '报名截止后不能再修改活动', messageEn: 'The event can no longer be edited once registration is closed' });
  }
  const fields = sessionErrors(input);
  if (fields.length) {
    throw createError('VALIDATION_FAILED', { fields });
  }
  const next = { ...fieldsOf(input), programme: await programmeOf(input.programme, now) };
  // A change of the layout takes it from the scheduler first: no run in progress may place meetings on the
  // old one, and the meetings checked below are all there are.
  const layoutChanged = !sameDates(e.sessions, next.sessions) || e.slotMinutes !== next.slotMinutes || e.tables !== next.tables;
  const held = layoutChanged ? await holdLayout(e._id) : null;
  try {
    const regQ = registrationsQuery(e._id);
    const meetQ = meetingsQuery(e._id);
    const [regs, meetings] = await Promise.all([
      EventRegistrationModel.find(regQ.filter, { org: 1, picks: 1 }).sort(regQ.sort).limit(2000).lean<RegistrationRecord[]>(),
      EventMeetingModel.find(meetQ.filter, { table: 1 }).sort(meetQ.sort).lean<MeetingRecord[]>(),
    ]);
    const locked = lockErrors(e, next, regs, meetings);
    if (locked.length) {
      throw createError('VALIDATION_FAILED', { fields: locked });
    }
    const written = await EventModel.updateOne({ _id: e._id, state: e.state }, { $set: next });
    const doc = written.matchedCount ? await EventModel.findById(e._id).lean<EventRecord>() : null;
    if (!doc) {
      throw createError('INVALID_STATE');
    }
    return await afterEdit(user, id, e, doc, regs, ip);
  } finally {
    if (held) {
      await EventModel.updateOne({ _id: e._id, editingUntil: held }, { $set: { editingUntil: null } });
    }
  }
}

/** Takes the layout for an edit while no scheduler run holds it (409 otherwise); returns the lease to give back. */
async function holdLayout(event: Types.ObjectId): Promise<Date> {
  const now = new Date();
  const until = new Date(now.getTime() + LAYOUT_LEASE_MS);
  const free = { $and: [
    { $or: [{ activeRuns: { $in: [0, null] } }, { schedulingUntil: { $lt: now } }] },
    { $or: [{ editingUntil: null }, { editingUntil: { $lt: now } }] },
  ] };
  const taken = await EventModel.updateOne({ _id: event, ...free }, { $set: { editingUntil: until } });
  if (!taken.matchedCount) {
    throw createError('CONFLICT', { message: '正在排程或修改活动，请稍后刷新再修改', messageEn: 'The schedule is being run or the event edited; reload and edit again shortly' });
  }
  return until;
}

async function afterEdit(user: UserDoc, id: string, e: EventRecord, doc: EventRecord, regs: RegistrationRecord[], ip: string): Promise<EventRecord> {
  const moved = !sameDates(e.sessions, doc.sessions) || e.place !== doc.place || e.streamUrl !== doc.streamUrl;
  await audit({ action: 'event.update', actor: user._id, target: { kind: 'event', id }, detail: { moved, registrations: regs.length }, ip });
  if (moved && regs.length) {
    await notifyOrgs(regs.map((r) => r.org), (org) => ({
      kind: 'event', title: `活动时间或地点有变更：${doc.title}`, titleEn: `New time or place: ${doc.title}`,
      body: '请查看活动页面的最新安排', bodyEn: 'See the event page for the new arrangements',
      link: `/events/${id}`, key: `event:${id}:moved:${doc.updatedAt.getTime()}:${org}`,
    }));
  }
  return doc;
}
