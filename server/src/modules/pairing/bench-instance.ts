/**
 * A seeded, synthetic but realistically shaped 双千 instance for `npm run bench:pairing`: commissioners
 * concentrated where Jilin's universities are (长春, 吉林, 延吉), requests spread over all 60 counties,
 * each commissioner serving his own and 1–3 nearby cities, and a score of 0–100 made of weighted parts
 * (text relevance, discipline, industry, distance, the enterprise's preference, capacity). The real text
 * scoring (jieba + synonyms over ChinaXiv keywords and Jilin needs) replaces `textRelevance` next.
 */
import { CITIES, COUNTIES, regionDistanceKm, type CityCode } from '@kezhuan/shared';
import { mulberry32 } from '../../lib/prng';
import { buildPairGraph, type PairGraph } from './assignment';

const TOPICS = 40;
const DISCIPLINES = 12;
const INDUSTRIES = 20;
/** Weights of the score parts (sum 1), as an administrator's default run options would set them. */
export const BENCH_WEIGHTS = { text: 0.4, discipline: 0.15, industry: 0.15, distance: 0.15, preference: 0.1, capacity: 0.05 };
/** Run options of the bench: the minimum score and the region rule. */
export interface BenchRule {
  minScore: number;
  /** "prefer nearby": only cities the commissioner serves and seats within `maxKm`; "anywhere": neither limit. */
  region: 'nearby' | 'anywhere';
}
export const DEFAULT_RULE: BenchRule = { minScore: 35, region: 'nearby' };
/** Beyond this a pair is forbidden under "prefer nearby"; closer pairs score by distance either way. */
export const BENCH_MAX_KM = 300;
const DISTANCE_SCALE_KM = 800;

interface Commissioner {
  county: string;
  /** Index of the county in COUNTIES, for the distance table. */
  at: number;
  serves: Set<CityCode>;
  topics: Float64Array;
  discipline: number;
  industries: number[];
  capacity: number;
  org: number;
}
interface Request {
  county: string;
  at: number;
  city: CityCode;
  topics: Float64Array;
  discipline: number;
  industry: number;
  prefers: number;
  excludes: Set<number>;
  stakeOrgs: Set<number>;
}

export interface BenchInstance {
  commissioners: Commissioner[];
  requests: Request[];
  capacity: Uint8Array;
}

function pickWeighted<T>(rnd: () => number, items: readonly T[], weight: (t: T) => number): T {
  const total = items.reduce((s, t) => s + weight(t), 0);
  let x = rnd() * total;
  for (const t of items) {
    x -= weight(t);
    if (x < 0) {
      return t;
    }
  }
  return items[items.length - 1]!;
}

function topicVector(rnd: () => number, count: number): Float64Array {
  const v = new Float64Array(TOPICS);
  for (let k = 0; k < count; k++) {
    v[Math.floor(rnd() * TOPICS)]! += 0.5 + rnd();
  }
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}

/** Builds `n` commissioners and `n` requests from `seed`. */
export function benchInstance(seed: number, commissioners: number, requests: number): BenchInstance {
  const rnd = mulberry32(seed);
  // Where the scientists are: the university cities weigh most.
  const homeWeight: Record<string, number> = { '220100': 12, '220200': 3, '222400': 1.5 };
  const cs: Commissioner[] = [];
  for (let j = 0; j < commissioners; j++) {
    const county = pickWeighted(rnd, COUNTIES, (c) => homeWeight[c.city] ?? 0.3);
    const byDistance = CITIES.map((c) => c.code).sort(
      (a, b) => regionDistanceKm(county.code, a) - regionDistanceKm(county.code, b),
    );
    const serves = new Set<CityCode>(byDistance.slice(0, 2 + Math.floor(rnd() * 3)));
    const capacity = 1 + Math.floor(rnd() * 3);
    cs.push({
      county: county.code,
      at: COUNTIES.indexOf(county),
      serves,
      topics: topicVector(rnd, 3),
      discipline: Math.floor(rnd() * DISCIPLINES),
      industries: [Math.floor(rnd() * INDUSTRIES), Math.floor(rnd() * INDUSTRIES)],
      capacity,
      org: Math.floor(rnd() * 120),
    });
  }
  const rs: Request[] = [];
  for (let i = 0; i < requests; i++) {
    const county = pickWeighted(rnd, COUNTIES, (c) => (c.city === '220100' ? 2 : c.city === '220200' ? 1.5 : 1));
    const excludes = new Set<number>();
    if (rnd() < 0.2) {
      excludes.add(Math.floor(rnd() * commissioners));
    }
    const stakeOrgs = new Set<number>();
    if (rnd() < 0.1) {
      stakeOrgs.add(Math.floor(rnd() * 120));
    }
    rs.push({
      county: county.code,
      at: COUNTIES.indexOf(county),
      city: county.city,
      topics: topicVector(rnd, 1 + Math.floor(rnd() * 2)),
      discipline: Math.floor(rnd() * DISCIPLINES),
      industry: Math.floor(rnd() * INDUSTRIES),
      prefers: rnd() < 0.05 ? Math.floor(rnd() * commissioners) : -1,
      excludes,
      stakeOrgs,
    });
  }
  return { commissioners: cs, requests: rs, capacity: Uint8Array.from(cs, (c) => c.capacity) };
}

/**
 * Scores one pair, or NaN when it is forbidden (exclusion, conflict of interest, a city he does not
 * serve, or farther than the region rule allows).
 */
export function benchScore(
  inst: BenchInstance,
  rule: BenchRule,
  i: number,
  j: number,
  km: SeatDistances,
): number {
  const r = inst.requests[i]!;
  const c = inst.commissioners[j]!;
  const d = km[r.at * COUNTIES.length + c.at]!;
  if (r.excludes.has(j) || r.stakeOrgs.has(c.org)) {
    return NaN;
  }
  if (rule.region === 'nearby' && (!c.serves.has(r.city) || d > BENCH_MAX_KM)) {
    return NaN;
  }
  let dot = 0;
  for (let k = 0; k < TOPICS; k++) {
    dot += r.topics[k]! * c.topics[k]!;
  }
  const w = BENCH_WEIGHTS;
  const parts =
    w.text * 100 * dot +
    w.discipline * (r.discipline === c.discipline ? 100 : Math.abs(r.discipline - c.discipline) === 1 ? 50 : 0) +
    w.industry * (c.industries.includes(r.industry) ? 100 : 0) +
    w.distance * 100 * Math.max(0, 1 - d / DISTANCE_SCALE_KM) +
    w.preference * (r.prefers === j ? 100 : 0) +
    w.capacity * ((100 * c.capacity) / 3);
  // Stored and explained to 0.01, as the real parts will be.
  return Math.round(parts * 100) / 100;
}

/** Distances between the 60 county seats, row-major by index in COUNTIES. */
type SeatDistances = Float64Array;

function seatDistances(): SeatDistances {
  const n = COUNTIES.length;
  const km = new Float64Array(n * n);
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      km[a * n + b] = regionDistanceKm(COUNTIES[a]!.code, COUNTIES[b]!.code);
    }
  }
  return km;
}

/** The feasible pairs of the instance (pairs under the minimum score are forbidden too). */
export function benchGraph(inst: BenchInstance, rule: BenchRule = DEFAULT_RULE): PairGraph {
  const km = seatDistances();
  return buildPairGraph(inst.requests.length, inst.capacity, (i, j) => benchScore(inst, rule, i, j, km), rule.minScore);
}
