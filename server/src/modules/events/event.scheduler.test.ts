import { describe, expect, it } from 'vitest';
import { planSchedule, type MeetingRequest, type PlacedMeeting } from './event.scheduler';

const noDoubleBooking = (ms: PlacedMeeting[]) => {
  const seen = new Set<string>();
  for (const m of ms) {
    for (const k of [`${m.slot}:t${m.table}`, `${m.slot}:o${m.enterprise}`, `${m.slot}:o${m.presenter}`]) {
      expect(seen.has(k), k).toBe(false);
      seen.add(k);
    }
  }
};

describe('planSchedule', () => {
  it('books no organisation and no table twice in a slot, most requested results first, spread over slots', () => {
    const requests: MeetingRequest[] = [];
    for (let e = 0; e < 12; e += 1) {
      for (const r of ['r1', 'r2', 'r3'].slice(0, 1 + (e % 3))) {
        requests.push({ enterprise: `e${e}`, presenter: r === 'r3' ? 'p1' : `p${r}`, result: r });
      }
    }
    const { placed, unplaced } = planSchedule(6, 3, requests);
    noDoubleBooking(placed);
    expect(placed.length + unplaced.length).toBe(requests.length);
    // r1 is the most requested (12 enterprises) but its presenter has only 6 slots.
    expect(placed.filter((m) => m.result === 'r1')).toHaveLength(6);
    expect(unplaced.filter((u) => u.result === 'r1').every((u) => u.reason === 'presenter_busy')).toBe(true);
    // Spread: every slot is used before any holds a second meeting of another presenter.
    expect(new Set(placed.map((m) => m.slot)).size).toBe(6);
  });

  it('reports tables full, a busy enterprise and the same organisation on both sides', () => {
    const one = planSchedule(1, 1, [
      { enterprise: 'e1', presenter: 'p1', result: 'a' },
      { enterprise: 'e2', presenter: 'p2', result: 'b' },
      { enterprise: 'e1', presenter: 'p3', result: 'c' },
      { enterprise: 'p4', presenter: 'p4', result: 'd' },
    ]);
    expect(one.placed).toHaveLength(1);
    expect(Object.fromEntries(one.unplaced.map((u) => [u.result, u.reason]))).toEqual({ b: 'tables_full', c: 'enterprise_busy', d: 'same_org' });
  });

  it('keeps existing meetings and does not plan a request twice', () => {
    const existing = [{ enterprise: 'e1', presenter: 'p1', result: 'a', slot: 0, table: 1 }];
    const { placed } = planSchedule(2, 1, [{ enterprise: 'e1', presenter: 'p1', result: 'a' }, { enterprise: 'e2', presenter: 'p1', result: 'a' }], existing);
    expect(placed).toEqual([{ enterprise: 'e2', presenter: 'p1', result: 'a', slot: 1, table: 1 }]);
  });
});
