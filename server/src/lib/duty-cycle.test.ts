import { describe, expect, it } from 'vitest';
import { DutyCycle } from './duty-cycle';

describe('DutyCycle', () => {
  it('runs a quick job every minMs, and a slow one at most maxShare of the time', async () => {
    let t = 1_000_000;
    const clock = () => t;
    const d = new DutyCycle(15_000, 0.05);
    expect(d.due(t)).toBe(true);
    await d.run(async () => {
      t += 200; // a 200 ms scan: the minimum period holds
    }, clock);
    expect(d.period).toBe(15_000);
    expect(d.due(t + 14_000)).toBe(false);
    expect(d.due(t + 14_800)).toBe(true);

    t += 14_800;
    await d.run(async () => {
      t += 23_000; // the collections grew: a 23 s scan
    }, clock);
    expect(d.period).toBe(460_000);
    expect(d.due(t + 60_000)).toBe(false);
    expect(d.due(t - 23_000 + 460_000)).toBe(true);
  });

  it('sets the period even when the job fails', async () => {
    let t = 0;
    const d = new DutyCycle(1000, 0.1);
    await expect(d.run(async () => {
      t += 500;
      throw new Error('down');
    }, () => t)).rejects.toThrow('down');
    expect(d.period).toBe(5000);
  });
});
