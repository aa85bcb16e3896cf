import { describe, expect, it } from 'vitest';
import { cellStarts, dayStart, insideOpening, localWeekday, onGrid, openSpans, subtract } from './booking.time';

const at = (s: string) => Date.parse(s);
const weekdays = [{ weekday: 1, from: '08:30', to: '12:00' }, { weekday: 1, from: '13:00', to: '17:00' }, { weekday: 7, from: '20:00', to: '24:00' }];

describe('booking time grid (Asia/Shanghai)', () => {
  it('expands weekly hours to instants of local days', () => {
    // 2026-12-07 is a Monday.
    expect(localWeekday(dayStart('2026-12-07'))).toBe(1);
    const spans = openSpans(weekdays, dayStart('2026-12-06'), dayStart('2026-12-08'));
    expect(spans.map((s) => [new Date(s.start).toISOString(), new Date(s.end).toISOString()])).toEqual([
      ['2026-12-06T12:00:00.000Z', '2026-12-06T16:00:00.000Z'],
      ['2026-12-07T00:30:00.000Z', '2026-12-07T04:00:00.000Z'],
      ['2026-12-07T05:00:00.000Z', '2026-12-07T09:00:00.000Z'],
    ]);
  });

  it('accepts a slot only inside one window of its day and on the grid', () => {
    expect(insideOpening(weekdays, at('2026-12-07T09:00:00+08:00'), at('2026-12-07T12:00:00+08:00'))).toBe(true);
    expect(insideOpening(weekdays, at('2026-12-07T11:00:00+08:00'), at('2026-12-07T14:00:00+08:00'))).toBe(false);
    expect(insideOpening(weekdays, at('2026-12-06T22:00:00+08:00'), at('2026-12-07T00:00:00+08:00'))).toBe(true);
    expect(insideOpening(weekdays, at('2026-12-08T09:00:00+08:00'), at('2026-12-08T10:00:00+08:00'))).toBe(false);
    expect(onGrid(new Date('2026-12-07T09:30:00+08:00'))).toBe(true);
    expect(onGrid(new Date('2026-12-07T09:15:00+08:00'))).toBe(false);
    expect(cellStarts(0, 90 * 60_000)).toEqual([0, 1_800_000, 3_600_000]);
  });

  it('subtracts busy spans from open ones', () => {
    expect(subtract([{ start: 0, end: 10 }, { start: 20, end: 30 }], [{ start: 2, end: 4 }, { start: 8, end: 22 }])).toEqual([
      { start: 0, end: 2 }, { start: 4, end: 8 }, { start: 22, end: 30 },
    ]);
  });
});
