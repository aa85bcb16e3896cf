import { eventInput, type EventView } from '@kezhuan/shared';
import { describe, expect, it } from 'vitest';
import { emptyForm, fromEvent, toInput } from './form';

describe('event form', () => {
  it('round-trips an event’s sessions through local (UTC+8) days and times', () => {
    const view = {
      kind: 'expo', title: '吉林省科技成果展', description: '', place: '长春', streamUrl: '', slotMinutes: 30, tables: 6,
      sessions: [{ start: '2026-12-20T01:00:00.000Z', end: '2026-12-20T04:00:00.000Z' }, { start: '2026-12-20T05:00:00.000Z', end: '2026-12-20T08:30:00.000Z' }],
      programme: [{ result: '0123456789abcdef01234567', title: '碳纤维原丝', org: 'o', orgName: '吉林化纤' }],
    } as unknown as EventView;
    const form = fromEvent(view);
    expect(form.sessions).toEqual([{ day: '2026-12-20', from: '09:00', to: '12:00' }, { day: '2026-12-20', from: '13:00', to: '16:30' }]);
    const input = eventInput.parse(toInput(form));
    expect(input.sessions.map((s) => [Date.parse(s.start), Date.parse(s.end)])).toEqual(view.sessions.map((s) => [Date.parse(s.start), Date.parse(s.end)]));
    expect(input.programme).toEqual(['0123456789abcdef01234567']);
  });

  it('leaves a session without a day for the schema to name', () => {
    const res = eventInput.safeParse(toInput({ ...emptyForm(), title: '线上发布会' }));
    expect(res.success).toBe(false);
    expect(res.error?.issues.map((i) => i.path.join('.'))).toContain('sessions.0.start');
  });
});
