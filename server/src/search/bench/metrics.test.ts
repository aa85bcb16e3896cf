import { describe, expect, it } from 'vitest';
import { fmtInt, fmtSec, markdownTable, scoreRanking, Tally } from './metrics';

const ids = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

describe('scoreRanking (cut-off 10, binary relevance)', () => {
  it('gives 1/3 as reciprocal rank when the first relevant hit is third', () => {
    const s = scoreRanking(['x', 'y', 'r', 'z'], new Set(['r']));
    expect(s.rr).toBeCloseTo(1 / 3, 12);
    expect(s.recall).toBe(1);
    // DCG 1/log2(4) = 1/2 over the ideal 1/log2(2) = 1.
    expect(s.ndcg).toBeCloseTo(0.5, 12);
  });

  it('computes nDCG with two relevant hits at ranks 1 and 3 as (1 + 1/2) / (1 + 1/log2 3)', () => {
    const s = scoreRanking(['r1', 'x', 'r2', 'y'], new Set(['r1', 'r2']));
    expect(s.rr).toBe(1);
    expect(s.recall).toBe(1);
    expect(s.ndcg).toBeCloseTo((1 + 1 / 2) / (1 + 1 / Math.log2(3)), 12);
    expect(s.ndcg).toBeCloseTo(0.919721, 6);
  });

  it('caps recall at min(10, relevant): ten relevant hits of forty judged is a recall of 1', () => {
    const relevant = new Set(ids(40, 'r'));
    expect(scoreRanking(ids(10, 'r'), relevant)).toEqual({ rr: 1, recall: 1, ndcg: 1 });
    // Five of them among five misses: 5 / min(10, 40).
    const mixed = ['r1', 'x1', 'r2', 'x2', 'r3', 'x3', 'r4', 'x4', 'r5', 'x5'];
    expect(scoreRanking(mixed, relevant).recall).toBe(0.5);
    // Two relevant, both found: 2 / min(10, 2), not 2 / 10.
    expect(scoreRanking(['x', 'a', 'b'], new Set(['a', 'b'])).recall).toBe(1);
  });

  it('ignores hits below the cut-off', () => {
    const ranked = [...ids(10, 'x'), 'r'];
    expect(scoreRanking(ranked, new Set(['r']))).toEqual({ rr: 0, recall: 0, ndcg: 0 });
    expect(scoreRanking(ranked, new Set(['r']), 11).rr).toBeCloseTo(1 / 11, 12);
    expect(scoreRanking(['x', 'r'], new Set(['r']), 1)).toEqual({ rr: 0, recall: 0, ndcg: 0 });
  });

  it('scores 0, not NaN, with nothing relevant or nothing ranked', () => {
    expect(scoreRanking(['a', 'b'], new Set())).toEqual({ rr: 0, recall: 0, ndcg: 0 });
    expect(scoreRanking([], new Set(['a']))).toEqual({ rr: 0, recall: 0, ndcg: 0 });
  });
});

describe('Tally', () => {
  it('averages the scores, counts the misses and reports latency percentiles', () => {
    const t = new Tally();
    t.add({ rr: 1, recall: 1, ndcg: 1 }, 40);
    t.add({ rr: 1 / 3, recall: 0.5, ndcg: 0.5 }, 10);
    t.add({ rr: 0, recall: 0, ndcg: 0 }, 30);
    t.add({ rr: 0, recall: 0, ndcg: 0 }, 20);
    expect(t.n).toBe(4);
    expect(t.mrr).toBeCloseTo((1 + 1 / 3) / 4, 12);
    expect(t.meanRecall).toBe(0.375);
    expect(t.meanNdcg).toBe(0.375);
    expect(t.missed).toBe(2);
    expect(t.figures()).toBe('0.333 / 0.375 / 0.375');
    // Sorted 10, 20, 30, 40: p50 is the 3rd (index floor(4 × 0.5)), p95 the 4th.
    expect(t.latency()).toBe('30.0 / 40.0 ms');
  });

  it('shows a dash, not NaN, before any query', () => {
    const t = new Tally();
    expect([t.mrr, t.meanRecall, t.meanNdcg]).toEqual([0, 0, 0]);
    expect(t.figures()).toBe('—');
    expect(t.latency()).toBe('—');
  });
});

describe('formatting', () => {
  it('writes a Markdown table with a separator row', () => {
    expect(markdownTable(['engine', 'MRR@10'], [['embedded', '0.760'], ['Meilisearch', '0.765']])).toBe(
      ['| engine | MRR@10 |', '| --- | --- |', '| embedded | 0.760 |', '| Meilisearch | 0.765 |'].join('\n'),
    );
    expect(markdownTable(['a'], [])).toBe('| a |\n| --- |');
  });

  it('groups thousands and rounds seconds to one decimal', () => {
    expect(fmtInt(97020)).toBe('97,020');
    expect(fmtInt(1234567)).toBe('1,234,567');
    expect(fmtSec(68_749)).toBe('68.7 s');
    expect(fmtSec(400)).toBe('0.4 s');
  });
});
