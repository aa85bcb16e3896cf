import type { EventInput, EventState, EventView, MeetingMoveInput, MeetingView, RegistrationInput, RegistrationView, ScheduleRunView, ScheduleView, SearchHitView } from '@kezhuan/shared';
import { api, buildUrl } from '../../api/client';

const id = (v: string) => encodeURIComponent(v);
type EventSummary = Omit<EventView, 'myRegistration'>;

/** Roadshows and expos (issue 16): events, registration, the one-to-one schedule, interest after the event. */
export const eventsApi = {
  list: (scope: 'upcoming' | 'past' | 'mine') => api.get<{ items: EventSummary[] }>('/events', { scope }),
  event: (eid: string) => api.get<EventView>(`/events/${id(eid)}`),
  create: (input: EventInput) => api.post<EventView>('/events', input),
  update: (eid: string, input: EventInput) => api.put<EventView>(`/events/${id(eid)}`, input),
  transition: (eid: string, to: EventState) => api.post<EventView>(`/events/${id(eid)}/transition`, { to }),
  cancelEvent: (eid: string, reason: string) => api.post<EventView>(`/events/${id(eid)}/cancel`, { reason }),
  register: (eid: string, input: RegistrationInput) => api.post<RegistrationView>(`/events/${id(eid)}/registrations`, input),
  registrations: (eid: string, as: 'organiser' | 'presenter' = 'organiser') => api.get<{ items: RegistrationView[] }>(`/events/${id(eid)}/registrations`, { as }),
  run: (eid: string) => api.post<ScheduleRunView>(`/events/${id(eid)}/schedule/run`),
  schedule: (eid: string) => api.get<ScheduleView>(`/events/${id(eid)}/schedule`),
  publish: (eid: string) => api.post<EventView>(`/events/${id(eid)}/schedule/publish`),
  move: (eid: string, mid: string, input: MeetingMoveInput) => api.post<MeetingView>(`/events/${id(eid)}/meetings/${id(mid)}/move`, input),
  cancel: (eid: string, mid: string) => api.post<MeetingView>(`/events/${id(eid)}/meetings/${id(mid)}/cancel`),
  mySchedule: (eid: string) => api.get<ScheduleView>(`/events/${id(eid)}/my-schedule`),
  interest: (eid: string, mid: string, interested: boolean) => api.post<MeetingView>(`/events/${id(eid)}/meetings/${id(mid)}/interest`, { interested }),
  exportUrl: (eid: string) => buildUrl(`/events/${id(eid)}/schedule.xlsx`),
  searchResults: (q: string) => api.get<{ hits: SearchHitView[] }>('/search/results', { q, pageSize: 10 }),
};

/** Local (Asia/Shanghai) "MM-DD HH:mm" of an ISO instant. */
export const localTime = (iso: string, withDay = true): string => {
  const s = new Date(Date.parse(iso) + 8 * 3_600_000).toISOString();
  return withDay ? `${s.slice(0, 10)} ${s.slice(11, 16)}` : s.slice(11, 16);
};

/** The colour of an event's state tag: open for registration green, cancelled red, the rest grey. */
export const stateTag = (state: EventState): 'success' | 'danger' | 'info' => (state === 'published' ? 'success' : state === 'cancelled' ? 'danger' : 'info');
