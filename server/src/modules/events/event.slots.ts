/** An event's meeting slots: each session cut into slots of `slotMinutes`, numbered across sessions. */
import type { EventRecord } from './event.model';

export interface EventSlot { index: number; start: Date; end: Date }

export function eventSlots(e: Pick<EventRecord, 'sessions' | 'slotMinutes'>): EventSlot[] {
  const out: EventSlot[] = [];
  const step = e.slotMinutes * 60_000;
  for (const s of e.sessions) {
    for (let t = s.start.getTime(); t + step <= s.end.getTime(); t += step) {
      out.push({ index: out.length, start: new Date(t), end: new Date(t + step) });
    }
  }
  return out;
}
