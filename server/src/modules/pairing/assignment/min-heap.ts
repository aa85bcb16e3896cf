/**
 * A binary min-heap of (key, id) pairs in typed arrays, ordered by key then id (so ties pop the lowest id
 * first, which keeps the solver deterministic). No decrease-key: callers push again and skip stale pops.
 */
export class MinHeap {
  private readonly keys: Float64Array;
  private readonly ids: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(capacity);
    this.ids = new Int32Array(capacity);
  }

  clear(): void {
    this.size = 0;
  }

  topKey(): number {
    return this.keys[0]!;
  }

  topId(): number {
    return this.ids[0]!;
  }

  push(key: number, id: number): void {
    const keys = this.keys;
    const ids = this.ids;
    let x = this.size++;
    while (x > 0) {
      const p = (x - 1) >> 1;
      const pk = keys[p]!;
      if (pk < key || (pk === key && ids[p]! < id)) {
        break;
      }
      keys[x] = pk;
      ids[x] = ids[p]!;
      x = p;
    }
    keys[x] = key;
    ids[x] = id;
  }

  pop(): void {
    const keys = this.keys;
    const ids = this.ids;
    const n = --this.size;
    if (n === 0) {
      return;
    }
    const key = keys[n]!;
    const id = ids[n]!;
    let x = 0;
    for (;;) {
      let c = 2 * x + 1;
      if (c >= n) {
        break;
      }
      let ck = keys[c]!;
      let ci = ids[c]!;
      const r = c + 1;
      if (r < n) {
        const rk = keys[r]!;
        const ri = ids[r]!;
        if (rk < ck || (rk === ck && ri < ci)) {
          c = r;
          ck = rk;
          ci = ri;
        }
      }
      if (key < ck || (key === ck && id < ci)) {
        break;
      }
      keys[x] = ck;
      ids[x] = ci;
      x = c;
    }
    keys[x] = key;
    ids[x] = id;
  }
}
