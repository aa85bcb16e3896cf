import type { CalendarView } from '@kezhuan/shared';
import { describe, expect, it } from 'vitest';
import { buildWeekGrid, localClock, pickRange, weekStart } from './calendarGrid';

const at = (s: string) => Date.parse(s);
const iso = (s: string) => new Date(s).toISOString();

describe('booking calendar week grid', () => {
  const monday = weekStart(at('2026-12-09T10:00:00+08:00'));
  const cal: CalendarView = {
    instrument: { id: 'a'.repeat(24), name: 'SEM', price: { unit: 'hour', amount: 400 } },
    timezone: 'Asia/Shanghai', from: iso('2026-12-07T00:00:00+08:00'), to: iso('2026-12-14T00:00:00+08:00'),
    open: [{ start: iso('2026-12-08T09:00:00+08:00'), end: iso('2026-12-08T11:00:00+08:00') }],
    busy: [{ start: iso('2026-12-08T10:00:00+08:00'), end: iso('2026-12-08T10:30:00+08:00'), status: 'confirmed', bookingId: null, mine: false, requester: null }],
    free: [{ start: iso('2026-12-08T09:00:00+08:00'), end: iso('2026-12-08T10:00:00+08:00') }, { start: iso('2026-12-08T10:30:00+08:00'), end: iso('2026-12-08T11:00:00+08:00') }],
    canRequest: true, isOwner: false,
  };

  it('lays out local days and 30-minute rows with each cell’s state', () => {
    expect(localClock(monday)).toBe('00:00');
    const grid = buildWeekGrid(cal, monday, at('2026-12-01T00:00:00Z'));
    expect(grid.days[0]?.date).toBe('2026-12-07');
    expect(grid.rows).toEqual([540, 570, 600, 630]);
    expect(grid.cells[1]?.map((c) => c.state)).toEqual(['free', 'free', 'busy', 'free']);
    expect(grid.cells[0]?.map((c) => c.state)).toEqual(['closed', 'closed', 'closed', 'closed']);
  });

  it('picks a range of free cells on one day only', () => {
    const grid = buildWeekGrid(cal, monday, at('2026-12-01T00:00:00Z'));
    expect(pickRange(grid, { day: 1, row: 1 }, { day: 1, row: 0 })).toEqual({ start: at('2026-12-08T09:00:00+08:00'), end: at('2026-12-08T10:00:00+08:00') });
    expect(pickRange(grid, { day: 1, row: 0 }, { day: 1, row: 3 })).toBeNull();
    expect(pickRange(grid, { day: 1, row: 0 }, { day: 2, row: 0 })).toBeNull();
  });
});
