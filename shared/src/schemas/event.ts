/**
 * Roadshows and expos (issue 16): events with a programme of results, registrations of enterprises
 * with the results they want to meet, the one-to-one meeting schedule (对接洽谈日程) and the
 * interest marked after the event. Times travel as ISO instants.
 */
import { z } from 'zod';
import { inputString, objectId } from './common';

export const EVENT_KINDS = [
  { code: 'roadshow', zh: '路演', en: 'Roadshow' },
  { code: 'expo', zh: '展会', en: 'Expo booth' },
  { code: 'online', zh: '线上发布', en: 'Online launch' },
] as const;
export type EventKind = (typeof EVENT_KINDS)[number]['code'];
export const EVENT_KIND_CODES = EVENT_KINDS.map((k) => k.code) as unknown as readonly [EventKind, ...EventKind[]];

/**
 * draft → published (registration open) → registration_closed → held → closed; until it is held the
 * organiser may instead cancel it (cancelled: registrants and presenters are told, meetings dropped).
 */
export const EVENT_STATES = ['draft', 'published', 'registration_closed', 'held', 'closed', 'cancelled'] as const;
export type EventState = (typeof EVENT_STATES)[number];
export const EVENT_NEXT_STATE: Record<EventState, EventState | null> = {
  draft: 'published', published: 'registration_closed', registration_closed: 'held', held: 'closed', closed: null, cancelled: null,
};
/** The organiser edits an event while registration is open (or still a draft). */
export const EVENT_EDITABLE_STATES: readonly EventState[] = ['draft', 'published'];
/** The organiser may cancel an event until it is held. */
export const EVENT_CANCELLABLE_STATES: readonly EventState[] = ['draft', 'published', 'registration_closed'];

export const EVENT_LIMITS = {
  titleMax: 120, descriptionMax: 4000, placeMax: 200, sessionsMax: 6, programmeMax: 60, tablesMax: 60,
  slotMinutesMin: 10, slotMinutesMax: 120, sessionHoursMax: 12, picksMax: 20, noteMax: 500, slotsMax: 400, cancelReasonMax: 500,
} as const;

/** Why a requested meeting found no place in the schedule. */
export const UNSCHEDULED_REASONS = [
  { code: 'enterprise_busy', zh: '企业在所有空余时段均已有洽谈', en: 'The enterprise is busy in every free slot' },
  { code: 'presenter_busy', zh: '成果方在企业空闲的时段均已有洽谈', en: "The presenter is busy whenever the enterprise is free" },
  { code: 'tables_full', zh: '双方都空闲的时段已无空桌', en: 'No free table when both sides are free' },
  { code: 'same_org', zh: '企业与成果方为同一机构', en: 'The enterprise and the presenter are the same organisation' },
  { code: 'taken', zh: '并发排程占用了该时段，请重新排程', en: 'A concurrent run took the place: run the scheduler again' },
] as const;
export type UnscheduledReason = (typeof UNSCHEDULED_REASONS)[number]['code'];

const isoInstant = z.iso.datetime({ offset: true, message: 'kz.datetime' });
const session = z.strictObject({ start: isoInstant, end: isoInstant });

export const eventInput = z.strictObject({
  kind: z.enum(EVENT_KIND_CODES),
  title: inputString().trim().min(4).max(EVENT_LIMITS.titleMax),
  description: inputString().trim().max(EVENT_LIMITS.descriptionMax).default(''),
  place: inputString().trim().max(EVENT_LIMITS.placeMax).default(''),
  streamUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/, message: 'kz.url' }).max(300)]).default(''),
  sessions: z.array(session).min(1).max(EVENT_LIMITS.sessionsMax),
  slotMinutes: z.number().int().min(EVENT_LIMITS.slotMinutesMin).max(EVENT_LIMITS.slotMinutesMax),
  tables: z.number().int().min(1).max(EVENT_LIMITS.tablesMax),
  programme: z.array(objectId).max(EVENT_LIMITS.programmeMax).default([]),
});
export type EventInput = z.infer<typeof eventInput>;

export const eventListQuery = z.strictObject({ scope: z.enum(['upcoming', 'past', 'mine']).default('upcoming') });
export const eventTransitionInput = z.strictObject({ to: z.enum(EVENT_STATES) });
/** Why the event is cancelled: the registrants and presenters read it in their notification. */
export const eventCancelInput = z.strictObject({ reason: inputString().trim().min(2).max(EVENT_LIMITS.cancelReasonMax) });
export type EventCancelInput = z.infer<typeof eventCancelInput>;
export const eventMeetingParams = z.strictObject({ id: objectId, meetingId: objectId });

export const registrationInput = z.strictObject({
  picks: z.array(objectId).min(1).max(EVENT_LIMITS.picksMax),
  note: inputString().trim().max(EVENT_LIMITS.noteMax).default(''),
});
export type RegistrationInput = z.infer<typeof registrationInput>;

export const meetingMoveInput = z.strictObject({ slot: z.number().int().min(0).max(EVENT_LIMITS.slotsMax), table: z.number().int().min(1).max(EVENT_LIMITS.tablesMax) });
export type MeetingMoveInput = z.infer<typeof meetingMoveInput>;
export const meetingInterestInput = z.strictObject({ interested: z.boolean() });

const slotView = z.object({ index: z.number(), start: z.string(), end: z.string() });
export const programmeItemView = z.object({ result: z.string(), title: z.string(), org: z.string(), orgName: z.string() });
export const registrationView = z.object({
  id: z.string(), org: z.string(), orgName: z.string(), picks: z.array(z.string()), note: z.string(), createdAt: z.string(),
});
export type RegistrationView = z.infer<typeof registrationView>;

export const eventView = z.object({
  id: z.string(), kind: z.enum(EVENT_KIND_CODES), title: z.string(), description: z.string(), place: z.string(), streamUrl: z.string(),
  sessions: z.array(z.object({ start: z.string(), end: z.string() })), slotMinutes: z.number(), tables: z.number(),
  slots: z.array(slotView), programme: z.array(programmeItemView), organiserOrg: z.string().nullable(), organiserName: z.string(),
  state: z.enum(EVENT_STATES), schedulePublished: z.boolean(), start: z.string(), end: z.string(), registrations: z.number(),
  myRegistration: registrationView.nullable(),
  /** Why the organiser cancelled it ('' unless cancelled). */
  cancelReason: z.string(),
  can: z.object({ manage: z.boolean(), edit: z.boolean(), cancel: z.boolean(), register: z.boolean(), seeSchedule: z.boolean() }),
});
export type EventView = z.infer<typeof eventView>;
export const eventListView = z.object({ items: z.array(eventView.omit({ myRegistration: true })) });

export const meetingView = z.object({
  id: z.string(), slot: z.number(), start: z.string(), end: z.string(), table: z.number(),
  enterpriseOrg: z.string(), enterpriseName: z.string(), presenterOrg: z.string(), presenterName: z.string(),
  result: z.string(), resultTitle: z.string(), status: z.enum(['scheduled', 'cancelled']),
  interest: z.object({ enterprise: z.boolean().nullable(), presenter: z.boolean().nullable() }),
  deal: z.string().nullable(),
  /** The caller's side, when he is one of the two. */
  side: z.enum(['enterprise', 'presenter']).nullable(),
});
export type MeetingView = z.infer<typeof meetingView>;
export const scheduleView = z.object({ meetings: z.array(meetingView), published: z.boolean() });
export type ScheduleView = z.infer<typeof scheduleView>;

export const unscheduledView = z.object({ enterpriseOrg: z.string(), enterpriseName: z.string(), result: z.string(), resultTitle: z.string(), reason: z.enum(UNSCHEDULED_REASONS.map((r) => r.code) as unknown as readonly [UnscheduledReason, ...UnscheduledReason[]]) });
export const scheduleRunView = z.object({ scheduled: z.number(), kept: z.number(), unscheduled: z.array(unscheduledView) });
export type ScheduleRunView = z.infer<typeof scheduleRunView>;
export const presenterInterestView = z.object({ items: z.array(registrationView) });
export const presenterQuery = z.strictObject({ as: z.enum(['organiser', 'presenter']).default('organiser') });
