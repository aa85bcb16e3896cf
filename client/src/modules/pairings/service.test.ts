import { describe, expect, it } from 'vitest';
import { buildEntry, buildService } from './fixtures';
import { clampDay, entryBody, withEntry } from './service';

describe('service log helpers', () => {
  it('keeps a default entry date inside the agreement period', () => {
    const period = { startsOn: '2026-03-01', endsOn: '2026-11-30' };
    expect(clampDay('2026-01-15', period)).toBe('2026-03-01');
    expect(clampDay('2026-12-06', period)).toBe('2026-11-30');
    expect(clampDay('2026-05-05', period)).toBe('2026-05-05');
  });

  it('leaves empty links out of the entry body', () => {
    const m = { date: '2026-04-10', hours: 4, visit: true, problems: 'p', outcomes: 'o', result: '', need: 'cccccccccccccccccccccccc' };
    expect(entryBody(m)).toEqual({ date: '2026-04-10', hours: 4, visit: true, problems: 'p', outcomes: 'o', need: 'cccccccccccccccccccccccc' });
  });

  it('recounts totals as the server does: only confirmed entries give hours and visits', () => {
    const a = buildEntry({ id: '1'.repeat(24), date: '2026-04-10', hours: 6 });
    const b = buildEntry({ id: '2'.repeat(24), date: '2026-05-01', hours: 3.5, visit: false });
    let s = withEntry(withEntry(buildService(), a), b);
    expect(s.entries.map((e) => e.date)).toEqual(['2026-05-01', '2026-04-10']);
    expect(s.totals).toMatchObject({ confirmedHours: 0, entries: 2 });
    s = withEntry(s, { ...a, status: 'confirmed' });
    s = withEntry(s, { ...b, status: 'confirmed' });
    expect(s.totals).toMatchObject({ confirmedHours: 9.5, confirmedVisits: 1, entries: 2, disputed: 0 });
    s = withEntry(s, { ...b, status: 'disputed', reason: '未到现场' });
    expect(s.totals).toMatchObject({ confirmedHours: 6, confirmedVisits: 1, disputed: 1 });
  });
});
