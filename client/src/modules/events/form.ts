import type { EventInput, EventKind, EventView } from '@kezhuan/shared';
import { localTime } from './api';

/** One session as the form edits it: a local (UTC+8) day and two times. */
export interface SessionRow { day: string; from: string; to: string }
export interface ProgrammeRow { id: string; title: string; org: string }

/** The event form's state: create and edit share it. */
export interface EventForm {
  kind: EventKind;
  title: string;
  description: string;
  place: string;
  streamUrl: string;
  sessions: SessionRow[];
  slotMinutes: number;
  tables: number;
  programme: ProgrammeRow[];
}

export const emptySession = (day = ''): SessionRow => ({ day, from: '09:00', to: '12:00' });

export function emptyForm(): EventForm {
  return { kind: 'roadshow', title: '', description: '', place: '', streamUrl: '', sessions: [emptySession()], slotMinutes: 20, tables: 4, programme: [] };
}

/** A local (UTC+8) day and time as an ISO instant ('' when the day is missing, which the schema refuses on that field). */
const instant = (day: string, hhmm: string) => (day ? `${day}T${hhmm}:00+08:00` : '');

/** The API input (what the server validates; the form validates it with the same schema). */
export function toInput(f: EventForm): EventInput {
  return {
    kind: f.kind, title: f.title, description: f.description, place: f.place, streamUrl: f.streamUrl,
    sessions: f.sessions.map((s) => ({ start: instant(s.day, s.from), end: instant(s.day, s.to) })),
    slotMinutes: f.slotMinutes, tables: f.tables, programme: f.programme.map((p) => p.id),
  };
}

/** The form for an event being edited: its sessions in local days and times. */
export function fromEvent(e: EventView): EventForm {
  return {
    kind: e.kind, title: e.title, description: e.description, place: e.place, streamUrl: e.streamUrl,
    sessions: e.sessions.map((s) => {
      const [day = '', from = ''] = localTime(s.start).split(' ');
      return { day, from, to: localTime(s.end, false) };
    }),
    slotMinutes: e.slotMinutes, tables: e.tables, programme: e.programme.map((p) => ({ id: p.result, title: p.title, org: p.orgName })),
  };
}
