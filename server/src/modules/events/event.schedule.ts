/**
 * The one-to-one schedule: the organiser's scheduler runs (plan in event.scheduler.ts, places held
 * by cells in event.cells.ts so concurrent runs and edits cannot double book), moves and cancels
 * meetings, and publishes the schedule, which tells both sides of every meeting.
 */
import type { MeetingMoveInput, ScheduleRunView, UnscheduledReason } from '@kezhuan/shared';
import { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import { audit } from '../audit/audit.service';
import type { UserDoc } from '../users/user.model';
import { holdMeetingCells, placeCells, releaseMeetingCells } from './event.cells';
import { EventMeetingCellModel, EventMeetingModel, EventModel, EventRegistrationModel, LAYOUT_LEASE_MS, type EventRecord, type MeetingRecord, type RegistrationRecord } from './event.model';
import { meetingsQuery, registrationsQuery } from './event.queries';
import { notifySchedule } from './event.notify';
import { readManaged } from './event.service';
import { planSchedule, type MeetingRequest, type PlacedMeeting } from './event.scheduler';
import { eventSlots } from './event.slots';

const SCHEDULABLE = new Set(['published', 'registration_closed', 'held']);

const placeOf = (m: MeetingRecord): PlacedMeeting => ({ slot: m.slot, table: m.table, enterprise: String(m.enterpriseOrg), presenter: String(m.presenterOrg), result: String(m.result) });

export async function scheduledMeetings(event: Types.ObjectId): Promise<MeetingRecord[]> {
  const q = meetingsQuery(event);
  return EventMeetingModel.find(q.filter).sort(q.sort).lean<MeetingRecord[]>();
}

/** Runs the greedy scheduler over the registrations: existing meetings stay, new ones are added. */
export async function runSchedule(user: UserDoc, id: string, ip: string): Promise<ScheduleRunView> {
  const read = await readManaged(user, id);
  const notSchedulable = () => createError('INVALID_STATE', { message: '发布活动后才能排程（已取消或已结束的活动不能排程）', messageEn: 'Only a published event that is not cancelled or closed can be scheduled' });
  if (!SCHEDULABLE.has(read.state)) {
    throw notSchedulable();
  }
  // Count this run in unless an edit of the layout is in progress; then read the layout.
  const now = new Date();
  const joined = await EventModel.updateOne(
    { _id: read._id, $or: [{ editingUntil: null }, { editingUntil: { $lt: now } }] },
    { $inc: { activeRuns: 1 }, $set: { schedulingUntil: new Date(now.getTime() + LAYOUT_LEASE_MS) } },
  );
  if (!joined.matchedCount) {
    throw createError('CONFLICT', { message: '活动安排正在修改，请稍后再排程', messageEn: 'The event is being edited; run the schedule again shortly' });
  }
  try {
    return await placeMeetings(user, read._id, id, ip, notSchedulable);
  } finally {
    await EventModel.updateOne({ _id: read._id }, { $inc: { activeRuns: -1 } });
  }
}

async function placeMeetings(user: UserDoc, eventId: Types.ObjectId, id: string, ip: string, notSchedulable: () => Error): Promise<ScheduleRunView> {
  const e = await EventModel.findById(eventId).lean<EventRecord>();
  if (!e || !SCHEDULABLE.has(e.state)) {
    throw notSchedulable();
  }
  const [regs, existing] = await Promise.all([
    EventRegistrationModel.find(registrationsQuery(e._id).filter).sort(registrationsQuery(e._id).sort).limit(2000).lean<RegistrationRecord[]>(),
    scheduledMeetings(e._id),
  ]);
  const byResult = new Map(e.programme.map((p) => [String(p.result), p]));
  const names = new Map(regs.map((r) => [String(r.org), r.orgName]));
  const requests: MeetingRequest[] = regs.flatMap((r) =>
    r.picks.flatMap((p) => {
      const item = byResult.get(String(p));
      return item ? [{ enterprise: String(r.org), presenter: String(item.org), result: String(p) }] : [];
    }),
  );
  const plan = planSchedule(eventSlots(e).length, e.tables, requests, existing.map(placeOf));
  const unplaced: { enterprise: string; result: string; reason: UnscheduledReason }[] = plan.unplaced.map((u) => ({ ...u }));
  let scheduled = 0;
  const created: Types.ObjectId[] = [];
  for (const p of plan.placed) {
    const item = byResult.get(p.result);
    if (!item) {
      continue;
    }
    const _id = new Types.ObjectId();
    if (!(await holdMeetingCells(e._id, _id, placeCells(e._id, p)))) {
      // A concurrent run or edit took the table, a side or the request itself meanwhile.
      unplaced.push({ enterprise: p.enterprise, result: p.result, reason: 'taken' });
      continue;
    }
    await EventMeetingModel.create({
      _id, event: e._id, slot: p.slot, table: p.table, enterpriseOrg: new Types.ObjectId(p.enterprise), enterpriseName: names.get(p.enterprise) ?? '',
      presenterOrg: item.org, presenterName: item.orgName, result: item.result, resultTitle: item.title, status: 'scheduled',
    });
    created.push(_id);
    scheduled += 1;
  }
  // Cancelled while this run placed meetings: cancelEvent's sweep may have looked before they existed.
  if (created.length && (await EventModel.findById(e._id, { state: 1 }).lean<Pick<EventRecord, 'state'>>())?.state === 'cancelled') {
    await EventMeetingModel.updateMany({ _id: { $in: created }, status: 'scheduled' }, { $set: { status: 'cancelled' } });
    await EventMeetingCellModel.deleteMany({ meeting: { $in: created } });
    throw notSchedulable();
  }
  await audit({ action: 'event.schedule_run', actor: user._id, target: { kind: 'event', id }, detail: { scheduled, unscheduled: unplaced.length }, ip });
  return {
    scheduled, kept: existing.length,
    unscheduled: unplaced.map((u) => ({ enterpriseOrg: u.enterprise, enterpriseName: names.get(u.enterprise) ?? '', result: u.result, resultTitle: byResult.get(u.result)?.title ?? '', reason: u.reason })),
  };
}

async function managedMeeting(user: UserDoc, id: string, meetingId: string): Promise<{ e: EventRecord; m: MeetingRecord }> {
  const e = await readManaged(user, id);
  const m = await EventMeetingModel.findOne({ _id: meetingId, event: e._id, status: 'scheduled' }).lean<MeetingRecord>();
  if (!m) {
    throw createError('NOT_FOUND');
  }
  if (!SCHEDULABLE.has(e.state)) {
    throw createError('INVALID_STATE');
  }
  return { e, m };
}

/** Moves a meeting to another slot and table: 409 SLOT_TAKEN when a side or the table is taken there. */
export async function moveMeeting(user: UserDoc, id: string, meetingId: string, to: MeetingMoveInput): Promise<MeetingRecord> {
  const { e, m } = await managedMeeting(user, id, meetingId);
  const fields = [];
  if (to.slot >= eventSlots(e).length) {
    fields.push({ path: 'body.slot', code: 'custom', message: '没有这个洽谈时段', messageEn: 'No such slot' });
  }
  if (to.table > e.tables) {
    fields.push({ path: 'body.table', code: 'custom', message: '没有这张洽谈桌', messageEn: 'No such table' });
  }
  if (fields.length) {
    throw createError('VALIDATION_FAILED', { fields });
  }
  const before = placeCells(e._id, placeOf(m));
  const after = placeCells(e._id, { ...placeOf(m), slot: to.slot, table: to.table });
  const adding = after.filter((c) => !before.includes(c));
  if (!(await holdMeetingCells(e._id, m._id, adding))) {
    throw createError('SLOT_TAKEN', { message: '该时段洽谈桌或对接一方已有安排', messageEn: 'The table or one of the two sides is already booked at that slot' });
  }
  await releaseMeetingCells(m._id, before.filter((c) => !after.includes(c)));
  return (await EventMeetingModel.findByIdAndUpdate(m._id, { $set: { slot: to.slot, table: to.table } }, { returnDocument: 'after' }).lean<MeetingRecord>()) as MeetingRecord;
}

export async function cancelMeeting(user: UserDoc, id: string, meetingId: string): Promise<MeetingRecord> {
  const { m } = await managedMeeting(user, id, meetingId);
  const doc = await EventMeetingModel.findOneAndUpdate({ _id: m._id, status: 'scheduled' }, { $set: { status: 'cancelled' } }, { returnDocument: 'after' }).lean<MeetingRecord>();
  if (!doc) {
    throw createError('INVALID_STATE');
  }
  await releaseMeetingCells(m._id);
  return doc;
}

/** Publishes (or re-publishes after edits) the schedule: both sides of every meeting are told. */
export async function publishSchedule(user: UserDoc, id: string, ip: string): Promise<EventRecord> {
  const e = await readManaged(user, id);
  if (!SCHEDULABLE.has(e.state)) {
    throw createError('INVALID_STATE');
  }
  const meetings = await scheduledMeetings(e._id);
  if (!meetings.length) {
    throw createError('INVALID_STATE', { message: '日程中还没有洽谈', messageEn: 'The schedule holds no meetings yet' });
  }
  const at = new Date();
  const doc = (await EventModel.findByIdAndUpdate(e._id, { $set: { schedulePublishedAt: at } }, { returnDocument: 'after' }).lean<EventRecord>()) as EventRecord;
  await audit({ action: 'event.schedule_publish', actor: user._id, target: { kind: 'event', id }, detail: { meetings: meetings.length }, ip });
  await notifySchedule(doc, meetings, at);
  return doc;
}
