/** What leaves the server about events, registrations and meetings. */
import { EVENT_CANCELLABLE_STATES, EVENT_EDITABLE_STATES, type EventView, type MeetingView, type RegistrationView } from '@kezhuan/shared';
import type { UserDoc } from '../users/user.model';
import { EventRegistrationModel, type EventRecord, type MeetingRecord, type RegistrationRecord } from './event.model';
import { meetingSide } from './event.interest';
import { canManageEvent } from './event.policy';
import { eventSlots } from './event.slots';

export const presentRegistration = (r: RegistrationRecord): RegistrationView => ({
  id: String(r._id), org: String(r.org), orgName: r.orgName, picks: r.picks.map(String), note: r.note, createdAt: r.createdAt.toISOString(),
});

export function presentEventSummary(user: UserDoc | null | undefined, e: EventRecord, registrations: number): Omit<EventView, 'myRegistration'> {
  return {
    id: String(e._id), kind: e.kind, title: e.title, description: e.description, place: e.place, streamUrl: e.streamUrl,
    sessions: e.sessions.map((s) => ({ start: s.start.toISOString(), end: s.end.toISOString() })), slotMinutes: e.slotMinutes, tables: e.tables,
    slots: eventSlots(e).map((s) => ({ index: s.index, start: s.start.toISOString(), end: s.end.toISOString() })),
    programme: e.programme.map((p) => ({ result: String(p.result), title: p.title, org: String(p.org), orgName: p.orgName })),
    organiserOrg: e.organiserOrg ? String(e.organiserOrg) : null, organiserName: e.organiserName, state: e.state,
    schedulePublished: Boolean(e.schedulePublishedAt), start: e.start.toISOString(), end: e.end.toISOString(), registrations,
    cancelReason: e.state === 'cancelled' ? (e.cancelReason ?? '') : '',
    can: {
      manage: canManageEvent(user, e),
      edit: canManageEvent(user, e) && EVENT_EDITABLE_STATES.includes(e.state),
      cancel: canManageEvent(user, e) && EVENT_CANCELLABLE_STATES.includes(e.state),
      register: Boolean(user && e.state === 'published' && user.role === 'enterprise' && user.org && user.orgStatus !== 'pending'),
      seeSchedule: Boolean(user && e.schedulePublishedAt),
    },
  };
}

export async function presentEvent(user: UserDoc | null | undefined, e: EventRecord): Promise<EventView> {
  const [count, mine] = await Promise.all([
    EventRegistrationModel.countDocuments({ event: e._id }),
    user?.org && user.orgStatus !== 'pending' ? EventRegistrationModel.findOne({ event: e._id, org: user.org }).lean<RegistrationRecord>() : null,
  ]);
  return { ...presentEventSummary(user, e, count), myRegistration: mine ? presentRegistration(mine) : null };
}

export function presentMeeting(user: UserDoc | null | undefined, e: EventRecord, m: MeetingRecord): MeetingView {
  const slot = eventSlots(e)[m.slot];
  return {
    id: String(m._id), slot: m.slot, start: slot?.start.toISOString() ?? '', end: slot?.end.toISOString() ?? '', table: m.table,
    enterpriseOrg: String(m.enterpriseOrg), enterpriseName: m.enterpriseName, presenterOrg: String(m.presenterOrg), presenterName: m.presenterName,
    result: String(m.result), resultTitle: m.resultTitle, status: m.status,
    interest: { enterprise: m.interest?.enterprise ?? null, presenter: m.interest?.presenter ?? null },
    deal: m.deal ? String(m.deal) : null, side: meetingSide(user, m),
  };
}
