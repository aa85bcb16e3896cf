import { describe, expect, it } from 'vitest';
import { useTestDb } from '../testing/harness';
import { Lease, LeaseModel } from './lease';

useTestDb();

describe('a lease in the database', () => {
  it('has one holder at a time, even when many try at once', async () => {
    const contenders = Array.from({ length: 8 }, (_, i) => new Lease('race', 30_000, `p${i}`));
    const won = await Promise.all(contenders.map((l) => l.acquire()));
    expect(won.filter(Boolean)).toHaveLength(1);
    const holder = contenders[won.indexOf(true)]!;
    expect(await holder.acquire()).toBe(true); // renewing
    expect((await LeaseModel.findById('race').lean())?.holder).toBe(holder.holder);
  });

  it('passes to the next taker when released, and when a crashed holder stops renewing', async () => {
    const a = new Lease('job', 1_000, 'a');
    const b = new Lease('job', 1_000, 'b');
    const t0 = new Date();
    expect(await a.acquire(t0)).toBe(true);
    expect(await b.acquire(t0)).toBe(false);
    await a.release();
    expect(await b.acquire(t0)).toBe(true);
    // b "crashes" (never releases): a gets it only after b's lease has run out.
    expect(await a.acquire(new Date(t0.getTime() + 500))).toBe(false);
    expect(await a.acquire(new Date(t0.getTime() + 1_001))).toBe(true);
  });

  it('runs a job only when it holds the lease', async () => {
    const a = new Lease('run', 30_000, 'a');
    const b = new Lease('run', 30_000, 'b');
    let inside = 0;
    const seen: number[] = [];
    const job = async () => {
      inside += 1;
      seen.push(inside);
      await new Promise((r) => setTimeout(r, 100));
      inside -= 1;
      return 1;
    };
    const ran = await Promise.all([a.run(job, 0), b.run(job, 0)]);
    expect(ran.reduce((x, y) => x + y, 0)).toBe(1);
    expect(Math.max(...seen)).toBe(1);
  });
});
