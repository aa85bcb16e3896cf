import { describe, expect, it } from 'vitest';
import { contiguousThrough, SETTLE_MS } from './deal.catchup';

const now = 1_000_000_000;
const at = (ago: number) => new Date(now - ago);

describe('contiguousThrough (how far a catch-up may move the client mark)', () => {
  it('walks consecutive numbers and stops below a fresh hole', () => {
    expect(contiguousThrough(0, [{ seq: 1, createdAt: at(5) }, { seq: 2, createdAt: at(4) }, { seq: 4, createdAt: at(1) }, { seq: 5, createdAt: at(0) }], now)).toBe(2);
  });
  it('steps over a hole once a higher message is older than SETTLE_MS', () => {
    expect(contiguousThrough(3, [{ seq: 5, createdAt: at(SETTLE_MS + 1) }, { seq: 6, createdAt: at(1) }], now)).toBe(6);
  });
  it('ignores messages at or below the base and keeps the base on an empty page', () => {
    expect(contiguousThrough(7, [{ seq: 7, createdAt: at(0) }], now)).toBe(7);
    expect(contiguousThrough(4, [], now)).toBe(4);
  });
});
