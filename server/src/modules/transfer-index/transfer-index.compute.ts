/**
 * The index from raw values: each indicator normalised against the best institution of the year
 * (log_share: ln(1+x)/ln(1+max); share: x/max; 0 for everyone when the max is 0), times its weight;
 * the score is the sum (0–100). Pure, so the unit of the formula is tested without a database.
 */
import { TRANSFER_INDICATORS, type TransferIndexNormalisation, type TransferIndexWeights, type TransferIndicatorKey } from '@kezhuan/shared';

export interface RawInstitution {
  org: string;
  name: string;
  raw: Record<string, number>;
}

export interface ScoredIndicator {
  key: TransferIndicatorKey;
  raw: number;
  normalised: number;
  weight: number;
  contribution: number;
  /** 1 + the institutions with a strictly higher raw value (ties share a rank). */
  rank: number;
}
export interface ScoredInstitution<T extends RawInstitution> {
  facts: T;
  score: number;
  rank: number;
  indicators: ScoredIndicator[];
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

export function normalise(value: number, max: number, how: TransferIndexNormalisation): number {
  if (max <= 0 || value <= 0) {
    return 0;
  }
  switch (how) {
    case 'log_share':
      return Math.log1p(value) / Math.log1p(max);
    case 'share':
      return value / max;
  }
}

/** Competition rank of each value among `values` (higher is better). */
function rankOf(value: number, values: readonly number[]): number {
  return 1 + values.filter((v) => v > value).length;
}

/**
 * Scores and ranks the institutions: highest score first; equal scores share a rank and are
 * ordered by name, then id (code-point order, the same on every machine).
 */
export function scoreInstitutions<T extends RawInstitution>(institutions: readonly T[], weights: TransferIndexWeights): ScoredInstitution<T>[] {
  const columns = new Map(TRANSFER_INDICATORS.map((i) => [i.key, institutions.map((f) => f.raw[i.key] ?? 0)]));
  const maxOf = new Map([...columns].map(([k, vs]) => [k, Math.max(0, ...vs)]));
  const scored = institutions.map((facts) => {
    const indicators = TRANSFER_INDICATORS.map((i): ScoredIndicator => {
      const raw = facts.raw[i.key] ?? 0;
      const normalised = normalise(raw, maxOf.get(i.key)!, i.normalisation);
      const weight = weights[i.key];
      return { key: i.key, raw, normalised: round(normalised, 4), weight, contribution: round(normalised * weight, 2), rank: rankOf(raw, columns.get(i.key)!) };
    });
    // The score from unrounded parts, rounded once.
    const score = round(TRANSFER_INDICATORS.reduce((s, i) => s + normalise(facts.raw[i.key] ?? 0, maxOf.get(i.key)!, i.normalisation) * weights[i.key], 0), 2);
    return { facts, score, rank: 0, indicators };
  });
  const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  scored.sort((a, b) => b.score - a.score || byCode(a.facts.name, b.facts.name) || byCode(a.facts.org, b.facts.org));
  const scores = scored.map((s) => s.score);
  for (const s of scored) {
    s.rank = rankOf(s.score, scores);
  }
  return scored;
}
