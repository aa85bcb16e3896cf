/**
 * The greedy one-to-one scheduler, pure: requests of the most requested results go first, each
 * to the free slot with the fewest meetings so far (spreading them over the day), at the lowest
 * free table. Nobody and no table is booked twice; what finds no place is reported with a reason.
 * The database enforces the same rules again (event.cells.ts) for concurrent runs and edits.
 */
import type { UnscheduledReason } from '@kezhuan/shared';

export interface MeetingRequest { enterprise: string; presenter: string; result: string }
export interface PlacedMeeting extends MeetingRequest { slot: number; table: number }
export interface Unplaced extends MeetingRequest { reason: UnscheduledReason }

/** Meetings already held in the schedule: they stay where they are. */
export function planSchedule(
  slots: number,
  tables: number,
  requests: MeetingRequest[],
  existing: PlacedMeeting[] = [],
): { placed: PlacedMeeting[]; unplaced: Unplaced[] } {
  const orgBusy = new Set<string>();
  const tableBusy = new Set<string>();
  const perSlot = new Array<number>(slots).fill(0);
  const done = new Set<string>();
  const hold = (m: PlacedMeeting) => {
    orgBusy.add(`${m.slot}:${m.enterprise}`);
    orgBusy.add(`${m.slot}:${m.presenter}`);
    tableBusy.add(`${m.slot}:${m.table}`);
    perSlot[m.slot] = (perSlot[m.slot] ?? 0) + 1;
    done.add(`${m.enterprise}:${m.result}`);
  };
  existing.forEach(hold);
  const demand = new Map<string, number>();
  for (const r of requests) {
    demand.set(r.result, (demand.get(r.result) ?? 0) + 1);
  }
  const ordered = requests
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (demand.get(b.r.result) ?? 0) - (demand.get(a.r.result) ?? 0) || a.r.result.localeCompare(b.r.result) || a.i - b.i)
    .map((x) => x.r);
  const placed: PlacedMeeting[] = [];
  const unplaced: Unplaced[] = [];
  for (const r of ordered) {
    const key = `${r.enterprise}:${r.result}`;
    if (done.has(key)) {
      continue;
    }
    if (r.enterprise === r.presenter) {
      unplaced.push({ ...r, reason: 'same_org' });
      continue;
    }
    let best: { slot: number; table: number } | null = null;
    let entFree = false;
    let bothFree = false;
    for (let s = 0; s < slots; s += 1) {
      if (orgBusy.has(`${s}:${r.enterprise}`)) {
        continue;
      }
      entFree = true;
      if (orgBusy.has(`${s}:${r.presenter}`)) {
        continue;
      }
      bothFree = true;
      let table = 0;
      for (let t = 1; t <= tables; t += 1) {
        if (!tableBusy.has(`${s}:${t}`)) {
          table = t;
          break;
        }
      }
      if (table && (!best || (perSlot[s] ?? 0) < (perSlot[best.slot] ?? 0))) {
        best = { slot: s, table };
      }
    }
    if (!best) {
      unplaced.push({ ...r, reason: !entFree ? 'enterprise_busy' : !bothFree ? 'presenter_busy' : 'tables_full' });
      continue;
    }
    const m = { ...r, ...best };
    hold(m);
    placed.push(m);
  }
  return { placed, unplaced };
}
