/**
 * Ranking figures at a cut-off of 10, binary relevance:
 * - MRR@10: 1 / rank of the first relevant hit, 0 when none is in the top 10;
 * - recall@10: relevant hits in the top 10 / min(10, number relevant), so a query with 40
 *   relevant papers can reach 1 (the same definition as engines.bench.ts);
 * - nDCG@10: DCG of the top 10 (1 / log2(rank + 1) per relevant hit) over the ideal DCG.
 */
import { percentile } from './harness';

export interface QueryScore {
  rr: number;
  recall: number;
  ndcg: number;
}

export function scoreRanking(ranked: readonly string[], relevant: ReadonlySet<string>, k = 10): QueryScore {
  const top = ranked.slice(0, k);
  const first = top.findIndex((id) => relevant.has(id));
  let dcg = 0;
  let found = 0;
  top.forEach((id, i) => {
    if (relevant.has(id)) {
      dcg += 1 / Math.log2(i + 2);
      found++;
    }
  });
  const ideal = Math.min(k, relevant.size);
  let idcg = 0;
  for (let i = 0; i < ideal; i++) {
    idcg += 1 / Math.log2(i + 2);
  }
  return { rr: first >= 0 ? 1 / (first + 1) : 0, recall: ideal > 0 ? found / ideal : 0, ndcg: idcg > 0 ? dcg / idcg : 0 };
}

/** Running totals of one engine on one query type. */
export class Tally {
  n = 0;
  private rr = 0;
  private recall = 0;
  private ndcg = 0;
  /** Queries with no relevant paper in the top 10. */
  missed = 0;
  readonly latencies: number[] = [];

  add(s: QueryScore, ms: number): void {
    this.n++;
    this.rr += s.rr;
    this.recall += s.recall;
    this.ndcg += s.ndcg;
    this.missed += s.rr === 0 ? 1 : 0;
    this.latencies.push(ms);
  }

  get mrr(): number {
    return this.rr / Math.max(1, this.n);
  }
  get meanRecall(): number {
    return this.recall / Math.max(1, this.n);
  }
  get meanNdcg(): number {
    return this.ndcg / Math.max(1, this.n);
  }

  /** "0.767 / 0.869 / 0.801" (MRR@10 / recall@10 / nDCG@10). */
  figures(): string {
    return this.n === 0 ? '—' : [this.mrr, this.meanRecall, this.meanNdcg].map((x) => x.toFixed(3)).join(' / ');
  }

  latency(): string {
    return this.n === 0 ? '—' : `${percentile(this.latencies, 0.5).toFixed(1)} / ${percentile(this.latencies, 0.95).toFixed(1)} ms`;
  }
}

/** A Markdown table (cells are already formatted). */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export const fmtInt = (n: number): string => n.toLocaleString('en-US');
export const fmtSec = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
