import { describe, expect, it } from 'vitest';
import { withListingLock } from './listing.lock';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('listing write lock', () => {
  it('runs calls for one key one at a time, in order, and other keys freely; a failure does not block the queue', async () => {
    const log: string[] = [];
    const task = (key: string, name: string, fail = false) =>
      withListingLock(key, async () => {
        log.push(`${name}>`);
        await tick();
        log.push(`<${name}`);
        if (fail) {
          throw new Error(name);
        }
        return name;
      });
    const results = await Promise.allSettled([task('a', 'a1'), task('a', 'a2', true), task('a', 'a3'), task('b', 'b1')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    const a = log.filter((l) => l.includes('a'));
    expect(a).toEqual(['a1>', '<a1', 'a2>', '<a2', 'a3>', '<a3']);
    expect(log.indexOf('b1>')).toBeLessThan(log.indexOf('<a1'));
  });
});
