/**
 * Events: creation (with a programme of published results), the state steps, registration of
 * enterprises with the results they want to meet, and who registered for a presenter's results.
 */
import { EVENT_LIMITS, EVENT_NEXT_STATE, type EventInput, type EventState, type FieldError, type RegistrationInput } from '@kezhuan/shared';
import { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import { audit } from '../audit/audit.service';
import { effectiveStatus } from '../listings/lifecycle';
import { OrgModel } from '../orgs/org.model';
import { ResearchResultModel } from '../results/result.model';
import type { UserDoc } from '../users/user.model';
import { EventModel, EventRegistrationModel, type EventRecord, type RegistrationRecord } from './event.model';
import { assertManager, canSeeEvent, organiserFor, registrantOrg, type Viewer } from './event.policy';
import { eventSlots } from './event.slots';

export const field = (path: string, message: string, messageEn: string): FieldError => ({ path: `body.${path}`, code: 'custom', message, messageEn });

/** The event if the caller may see it (drafts: organisers only), else 404. */
export async function readEvent(user: Viewer, id: string): Promise<EventRecord> {
  const e = await EventModel.findById(id).lean<EventRecord>();
  if (!e || !canSeeEvent(user, e)) {
    throw createError('NOT_FOUND');
  }
  return e;
}

/** The event for its organiser (404 for anyone else). */
export async function readManaged(user: Viewer, id: string): Promise<EventRecord> {
  const e = await readEvent(user, id);
  assertManager(user, e);
  return e;
}

export async function programmeOf(ids: string[], now: Date): Promise<EventRecord['programme']> {
  const unique = [...new Set(ids)];
  const docs = await ResearchResultModel.find({ _id: { $in: unique } }).lean();
  const published = docs.filter((d) => effectiveStatus(d, now) === 'published');
  if (published.length !== unique.length) {
    throw createError('VALIDATION_FAILED', { fields: [field('programme', '路演成果须为已发布的科技成果', 'The programme may hold only published results')] });
  }
  const orgs = await OrgModel.find({ _id: { $in: published.map((d) => d.org) } }, { name: 1 }).lean();
  const name = new Map(orgs.map((o) => [String(o._id), o.name]));
  const byId = new Map(published.map((d) => [String(d._id), d]));
  return unique.map((id) => {
    const d = byId.get(id) as (typeof published)[number];
    return { result: d._id, title: d.title, org: d.org, orgName: name.get(String(d.org)) ?? '' };
  });
}

export function sessionErrors(input: EventInput): FieldError[] {
  const out: FieldError[] = [];
  let slots = 0;
  input.sessions.forEach((s, i) => {
    const len = Date.parse(s.end) - Date.parse(s.start);
    if (len <= 0 || len > EVENT_LIMITS.sessionHoursMax * 3_600_000) {
      out.push(field(`sessions.${i}.end`, `结束时间须晚于开始时间，单场最长 ${EVENT_LIMITS.sessionHoursMax} 小时`, `The end must follow the start, ${EVENT_LIMITS.sessionHoursMax} hours at most`));
    }
    slots += Math.max(0, Math.floor(len / (input.slotMinutes * 60_000)));
  });
  if (!out.length && (slots < 1 || slots > EVENT_LIMITS.slotsMax)) {
    out.push(field('slotMinutes', `洽谈时段数须在 1 到 ${EVENT_LIMITS.slotsMax} 之间`, `Between 1 and ${EVENT_LIMITS.slotsMax} meeting slots`));
  }
  return out;
}

export function fieldsOf(input: EventInput) {
  const sessions = input.sessions.map((s) => ({ start: new Date(s.start), end: new Date(s.end) })).sort((a, b) => a.start.getTime() - b.start.getTime());
  return {
    kind: input.kind, title: input.title, description: input.description, place: input.place, streamUrl: input.streamUrl,
    sessions, start: sessions[0]?.start, end: sessions[sessions.length - 1]?.end, slotMinutes: input.slotMinutes, tables: input.tables,
  };
}

export async function createEvent(user: UserDoc, input: EventInput, ip: string, now = new Date()): Promise<EventRecord> {
  const organiser = await organiserFor(user);
  const fields = sessionErrors(input);
  if (fields.length) {
    throw createError('VALIDATION_FAILED', { fields });
  }
  const doc = await EventModel.create({
    ...fieldsOf(input), programme: await programmeOf(input.programme, now),
    organiserOrg: organiser.org, organiserName: organiser.name, state: 'draft', createdBy: user._id,
  });
  await audit({ action: 'event.create', actor: user._id, target: { kind: 'event', id: String(doc._id) }, detail: { kind: input.kind }, ip });
  return doc.toObject() as EventRecord;
}

/** One step along draft → published → registration_closed → held → closed. */
export async function transitionEvent(user: UserDoc, id: string, to: EventState, ip: string): Promise<EventRecord> {
  const e = await readManaged(user, id);
  if (EVENT_NEXT_STATE[e.state] !== to) {
    throw createError('INVALID_STATE');
  }
  if (to === 'published' && (!e.programme.length || !eventSlots(e).length)) {
    throw createError('INVALID_STATE', { message: '发布前请添加路演成果和洽谈时段', messageEn: 'Add results to the programme and meeting slots before publishing' });
  }
  const doc = await EventModel.findOneAndUpdate({ _id: e._id, state: e.state }, { $set: { state: to } }, { returnDocument: 'after' }).lean<EventRecord>();
  if (!doc) {
    throw createError('INVALID_STATE');
  }
  await audit({ action: 'event.transition', actor: user._id, target: { kind: 'event', id }, detail: { from: e.state, to }, ip });
  return doc;
}

/** Registers the caller's enterprise (once per event) with results of the programme. */
export async function register(user: UserDoc, id: string, input: RegistrationInput): Promise<RegistrationRecord> {
  const e = await readEvent(user, id);
  const org = await registrantOrg(user);
  if (e.state !== 'published') {
    throw createError('INVALID_STATE', { message: '该活动当前不接受报名', messageEn: 'This event is not open for registration' });
  }
  const inProgramme = new Set(e.programme.map((p) => String(p.result)));
  const picks = [...new Set(input.picks)];
  if (picks.some((p) => !inProgramme.has(p))) {
    throw createError('VALIDATION_FAILED', { fields: [field('picks', '只能选择本次活动的路演成果', 'Pick results of this event’s programme only')] });
  }
  if (e.programme.some((p) => picks.includes(String(p.result)) && p.org.equals(org._id))) {
    throw createError('VALIDATION_FAILED', { fields: [field('picks', '不能选择本机构的成果', 'You cannot pick your own organisation’s results')] });
  }
  try {
    const doc = await EventRegistrationModel.create({ event: e._id, org: org._id, orgName: org.name, user: user._id, picks: picks.map((p) => new Types.ObjectId(p)), note: input.note });
    return doc.toObject() as RegistrationRecord;
  } catch (err) {
    if ((err as { code?: number }).code === 11000) {
      throw createError('CONFLICT', { message: '本企业已报名该活动', messageEn: 'Your enterprise has already registered for this event' });
    }
    throw err;
  }
}

/** The registrations of an event, oldest first (organiser: all; a presenter: those that picked his results, picks narrowed). */
export async function registrationsFor(user: UserDoc, e: EventRecord, asPresenter: boolean): Promise<RegistrationRecord[]> {
  const docs = await EventRegistrationModel.find({ event: e._id }).sort({ org: 1 }).limit(2000).lean<RegistrationRecord[]>();
  if (!asPresenter) {
    return docs;
  }
  const mine = new Set(e.programme.filter((p) => user.org && p.org.equals(user.org) && user.orgStatus !== 'pending').map((p) => String(p.result)));
  if (!mine.size) {
    throw createError('NOT_FOUND');
  }
  return docs.map((r) => ({ ...r, picks: r.picks.filter((p) => mine.has(String(p))) })).filter((r) => r.picks.length);
}
