import type { IndexName } from '../types';
import type { QueryTerm } from '../text/query-plan';

/** Words remembered per index before the cache starts afresh (a bound on memory, not a tuning knob). */
const MAX_WORDS = 20_000;
/** Counts are also forgotten after this long: another process (a second server) may write the index. */
const MAX_AGE_MS = 10 * 60_000;

interface IndexCounts {
  n: number | undefined;
  df: Map<string, number>;
  since: number;
}

/** A term as Meilisearch is asked for it: a phrase ("磁流变") counts apart from the word. */
const keyOf = (t: QueryTerm) => (t.phrase ? `"${t.text}"` : t.text);

/**
 * The number of listings and each query word's document frequency, per index, between writes: the
 * relaxed path needs them for every query of two or more words, and they change only when the index
 * does. `forget` is called after every write the engine makes (the index sync's upserts, removals,
 * clears); the generation tells a count taken during a write from one taken after it.
 */
export class TermCounts {
  private readonly byIndex = new Map<IndexName, IndexCounts>();
  private readonly generations = new Map<IndexName, number>();

  of(index: IndexName): { n: number | undefined; df(t: QueryTerm): number | undefined; setDf(t: QueryTerm, df: number): void } {
    let c = this.byIndex.get(index);
    if (!c || c.df.size >= MAX_WORDS || Date.now() - c.since > MAX_AGE_MS) {
      c = { n: undefined, df: new Map(), since: Date.now() };
      this.byIndex.set(index, c);
    }
    const counts = c;
    return {
      get n() {
        return counts.n;
      },
      set n(value: number | undefined) {
        counts.n = value;
      },
      df: (t) => counts.df.get(keyOf(t)),
      setDf: (t, df) => counts.df.set(keyOf(t), df),
    };
  }

  generation(index: IndexName): number {
    return this.generations.get(index) ?? 0;
  }

  forget(index: IndexName): void {
    this.byIndex.delete(index);
    this.generations.set(index, this.generation(index) + 1);
  }
}
