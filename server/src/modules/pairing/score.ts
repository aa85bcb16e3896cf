/**
 * The score of a commissioner–request pair (双千 pairing run): six parts, each a fit in [0, 1] with a
 * true sentence in Chinese and English, weighted by the run's options into a 0–100 score. Forbidden
 * pairs (conflicts of interest, exclusions, the region rule, no common terms, a full commissioner,
 * a score under the minimum) get a reason instead. Pure: the run service feeds it what it read.
 *
 * Text relevance is the recommendations' rule (key terms by jieba TF-IDF with the request's own
 * keywords first, found in the commissioner's expertise directly or by a close synonym, the same
 * relevance floor); only the normalisation of each commissioner's text is done once per run.
 */
import {
  CITIES,
  DISCIPLINES,
  INDUSTRY_SECTIONS,
  MANUFACTURING_DIVISIONS,
  PAIRING_SCORE_PARTS,
  countyByCode,
  regionDistanceKm,
  type PairingRegionRule,
  type PairingScorePart,
  type PairingScorePartView,
  type PairingWeights,
} from '@kezhuan/shared';
import { normalizeText } from '../../search/text/normalize';
import { termsFit } from '../matching/factors';
import { keyTerms, termMatcher } from '../matching/key-terms';
import { MIN_TERMS_FOUND } from '../matching/recommend.service';
import { CONFLICT_REASONS, conflictReason, type ConflictCommissioner, type ConflictRequest } from './conflicts';

/** What the score reads of a commissioner (an approved application of the term). */
export interface ScoreCommissioner extends ConflictCommissioner {
  expertise: string;
  keywords: readonly string[];
  disciplines: readonly string[];
  industries: readonly string[];
  /** Cities he serves whole, and counties he serves. */
  cities: readonly string[];
  counties: readonly string[];
  capacity: number;
  /** Pairings he already holds this term (confirmed or accepted). */
  load: number;
}

/** What the score reads of an open service request. */
export interface ScoreRequest extends ConflictRequest {
  title: string;
  problem: string;
  /** Expertise wanted. */
  keywords: readonly string[];
  industry: string;
  /** The discipline of the technology need it was made from, if any. */
  discipline: string | null;
  city: string;
  county: string | null;
  preferred: readonly unknown[];
  /** Commissioners whose pairing with this request was declined (by either side) this term. */
  declined?: readonly unknown[];
}

export interface ScoreOptions {
  weights: PairingWeights;
  regionRule: PairingRegionRule;
  minScore: number;
}

export type ForbiddenReason = keyof typeof CONFLICT_REASONS | 'declined' | 'region' | 'no_common_terms' | 'full' | 'below_min';

/** Sentences for the forbidden pairs that are not conflicts of interest. */
export const FORBIDDEN_REASONS: Record<ForbiddenReason, { zh: string; en: string }> = {
  ...CONFLICT_REASONS,
  declined: { zh: '这一配对本期已被谢绝过', en: 'This pairing was declined earlier this term' },
  region: { zh: '本轮只在同一市（州）内配对，特派员不服务企业所在的市（州）', en: "This run pairs within a city only, and the commissioner does not serve the enterprise's city" },
  no_common_terms: { zh: '特派员的专长与企业的问题没有共同的关键词', en: "The commissioner's expertise shares no key term with the enterprise's problem" },
  full: { zh: '特派员本期服务名额已满', en: 'The commissioner has no place left this term' },
  below_min: { zh: '匹配分低于本轮的最低分', en: "The score is under this run's minimum" },
};

export interface PartFit {
  part: PairingScorePart;
  fit: number;
  zh: string;
  en: string;
}

const UNKNOWN = 2;

/** Distance at which "prefer nearby" halves the distance part. */
export const NEARBY_HALF_KM = 100;

const same = (a: unknown, b: unknown) => a !== null && a !== undefined && String(a) === String(b);
const round2 = (x: number) => Math.round(x * 100) / 100;

function regionName(code: string): { zh: string; en: string } {
  const county = countyByCode(code);
  if (county) {
    const city = CITIES.find((c) => c.code === county.city);
    return { zh: `${city?.zh ?? ''}${county.zh}`, en: `${county.en}, ${city?.en ?? ''}` };
  }
  const city = CITIES.find((c) => c.code === code);
  return { zh: city?.zh ?? code, en: city?.en ?? code };
}

/** Text relevance: the request's key terms found in the commissioner's expertise (the recommendations' sentence). */
export function textPart(terms: readonly string[], found: readonly string[]): PartFit {
  const t = termsFit(terms, found);
  return { part: 'text', fit: t.fit, zh: t.zh, en: t.en };
}

/** Discipline agreement (GB/T 13745): the same code, else the same category. */
export function disciplinePart(commissioner: readonly string[], request: string | null): PartFit {
  if (!request) {
    return { part: 'discipline', fit: 0.5, zh: '企业未注明学科', en: 'The enterprise gave no discipline' };
  }
  const wanted = DISCIPLINES.find((d) => d.code === request);
  const name = { zh: wanted?.zh ?? request, en: wanted?.en ?? request };
  if (commissioner.length === 0) {
    return { part: 'discipline', fit: 0.5, zh: '特派员未注明学科', en: 'The commissioner gave no discipline' };
  }
  if (commissioner.includes(request)) {
    return { part: 'discipline', fit: 1, zh: `学科一致：${name.zh}`, en: `Same discipline: ${name.en}` };
  }
  const related = DISCIPLINES.find((d) => commissioner.includes(d.code) && wanted && d.category === wanted.category);
  if (related) {
    return { part: 'discipline', fit: 0.5, zh: `学科相近：${related.zh} / ${name.zh}`, en: `Related disciplines: ${related.en} / ${name.en}` };
  }
  return { part: 'discipline', fit: 0, zh: `学科不同：企业所需为${name.zh}`, en: `Different disciplines: the enterprise needs ${name.en}` };
}

function industryName(code: string): { zh: string; en: string } {
  return MANUFACTURING_DIVISIONS.find((d) => d.code === code) ?? INDUSTRY_SECTIONS.find((s) => s.code === code) ?? { zh: code, en: code };
}

/** Industry agreement (GB/T 4754): one of his industries is the request's, else in the same section. */
export function industryPart(commissioner: readonly string[], request: string): PartFit {
  const name = industryName(request);
  if (commissioner.includes(request)) {
    return { part: 'industry', fit: 1, zh: `行业一致：${name.zh}`, en: `Same industry: ${name.en}` };
  }
  const section = request.charAt(0);
  if (commissioner.some((c) => c.charAt(0) === section)) {
    const s = industryName(section);
    return { part: 'industry', fit: 0.5, zh: `同属${s.zh}门类`, en: `Same industry section: ${s.en}` };
  }
  if (commissioner.length === 0) {
    return { part: 'industry', fit: 0, zh: '特派员未注明服务行业', en: 'The commissioner gave no industry' };
  }
  return { part: 'industry', fit: 0, zh: `行业不同：企业属于${name.zh}`, en: `Different industry: the enterprise is in ${name.en}` };
}

/** Where the commissioner stands to the request: serving its place, or the nearest place he serves and how far. */
export interface RegionFacts {
  /** He serves the request's county, or its whole city (or, for a request without a county, some of its city). */
  serves: boolean;
  /** He serves some of the request's city. */
  sameCity: boolean;
  km: number;
  /** The served place nearest to the request. */
  nearest: string | null;
}

export function regionFacts(c: Pick<ScoreCommissioner, 'cities' | 'counties'>, r: Pick<ScoreRequest, 'city' | 'county'>): RegionFacts {
  const place = r.county ?? r.city;
  const cityOf = (code: string) => countyByCode(code)?.city ?? code;
  const sameCity = c.cities.includes(r.city) || c.counties.some((k) => cityOf(k) === r.city);
  const serves = c.cities.includes(r.city) || (r.county !== null && c.counties.includes(r.county)) || (r.county === null && sameCity);
  if (serves) {
    return { serves, sameCity, km: 0, nearest: r.county && c.counties.includes(r.county) ? r.county : r.city };
  }
  let km = Infinity;
  let nearest: string | null = null;
  for (const region of [...c.counties, ...c.cities]) {
    const d = regionDistanceKm(region, place);
    if (d < km) {
      km = d;
      nearest = region;
    }
  }
  return { serves, sameCity, km, nearest };
}

/** Distance between his served places and the enterprise, as the region rule weighs it. */
export function distancePart(f: RegionFacts, r: Pick<ScoreRequest, 'city' | 'county'>, rule: PairingRegionRule): PartFit {
  const at = regionName(r.county ?? r.city);
  if (f.serves) {
    return { part: 'distance', fit: 1, zh: `特派员的服务范围包括企业所在地${at.zh}`, en: `The commissioner serves the enterprise's area, ${at.en}` };
  }
  if (f.nearest === null) {
    return { part: 'distance', fit: rule === 'anywhere' ? 1 : 0, zh: '特派员未注明服务地区', en: 'The commissioner gave no area he serves' };
  }
  const km = Math.round(f.km);
  const from = regionName(f.nearest);
  const fit = rule === 'anywhere' ? 1 : f.sameCity ? Math.max(0.8, 0.5 ** (f.km / NEARBY_HALF_KM)) : 0.5 ** (f.km / NEARBY_HALF_KM);
  const scope = rule === 'anywhere' ? { zh: '；本轮不限地域', en: '; this run pairs anywhere' } : { zh: '', en: '' };
  return {
    part: 'distance',
    fit,
    zh: `特派员最近的服务地${from.zh}距企业所在地${at.zh}约 ${km} 公里${scope.zh}`,
    en: `The nearest area the commissioner serves, ${from.en}, is about ${km} km from the enterprise in ${at.en}${scope.en}`,
  };
}

/** The enterprise named him among the commissioners it would like. */
export function preferencePart(preferred: boolean): PartFit {
  return preferred
    ? { part: 'preference', fit: 1, zh: '企业点名希望由该特派员服务', en: 'The enterprise asked for this commissioner' }
    : { part: 'preference', fit: 0, zh: '企业未点名该特派员', en: 'The enterprise did not name this commissioner' };
}

/** Places he has left: a commissioner with room left is preferred over one about to be full. */
export function capacityPart(capacity: number, load: number): PartFit {
  const left = Math.max(0, capacity - load);
  return {
    part: 'capacity',
    fit: capacity > 0 ? left / capacity : 0,
    zh: `尚可服务 ${left} 家企业（共 ${capacity} 家）`,
    en: `Room for ${left} more ${left === 1 ? 'enterprise' : 'enterprises'} (of ${capacity})`,
  };
}

/** The weighted 0–100 score of the parts, and each part's points. */
export function combineParts(fits: readonly PartFit[], weights: PairingWeights): { score: number; parts: PairingScorePartView[] } {
  const sum = PAIRING_SCORE_PARTS.reduce((s, p) => s + weights[p], 0) || 1;
  const parts = fits.map((f) => ({ ...f, fit: round2(f.fit), points: round2((100 * weights[f.part] * f.fit) / sum) }));
  const score = (100 * fits.reduce((s, f) => s + weights[f.part] * f.fit, 0)) / sum;
  return { score: round2(score), parts };
}

export type PairAssessment = { ok: true; score: number; parts: PairingScorePartView[] } | { ok: false; reason: ForbiddenReason; zh: string; en: string };

const forbid = (reason: ForbiddenReason): PairAssessment => ({ ok: false, reason, ...FORBIDDEN_REASONS[reason] });

/**
 * Scores every pair of one run. Each request's key terms are extracted once, each commissioner's text
 * normalised once, and which commissioners mention a term is worked out once per distinct term; `score`
 * (the matrix) computes numbers only, `assess` the sentences for the pairs a person will read.
 */
export class PairScorer {
  private readonly terms: string[][];
  private readonly matchers: ((term: string) => boolean)[];
  /** Per distinct term: for each commissioner, 1 when his text has it, 0 when not. */
  private readonly mentions = new Map<string, Uint8Array>();
  private readonly termRows: (Uint8Array[] | undefined)[] = [];

  constructor(
    readonly commissioners: readonly ScoreCommissioner[],
    readonly requests: readonly ScoreRequest[],
    readonly options: ScoreOptions,
  ) {
    this.terms = requests.map((r) => keyTerms({ title: r.title, keywords: r.keywords, body: r.problem }));
    this.matchers = commissioners.map((c) => termMatcher(normalizeText(`${c.keywords.join(' ')} ${c.expertise}`)));
  }

  /** Places left to the commissioner this run (0 when full). */
  placesLeft(j: number): number {
    const c = this.commissioners[j]!;
    return Math.max(0, c.capacity - c.load);
  }

  termsOf(i: number): readonly string[] {
    return this.terms[i]!;
  }

  /** Per request, the mention rows of its terms (shared between requests with the same term). */
  private rowsOf(i: number): Uint8Array[] {
    let rows = this.termRows[i];
    if (!rows) {
      rows = this.terms[i]!.map((t) => {
        let row = this.mentions.get(t);
        if (!row) {
          row = new Uint8Array(this.commissioners.length).fill(UNKNOWN);
          this.mentions.set(t, row);
        }
        return row;
      });
      this.termRows[i] = rows;
    }
    return rows;
  }

  /** Does the commissioner's text have request i's k-th term? Worked out once per (term, commissioner). */
  private mentioned(i: number, k: number, j: number): boolean {
    const row = this.rowsOf(i)[k]!;
    if (row[j] === UNKNOWN) {
      row[j] = this.matchers[j]!(this.terms[i]![k]!) ? 1 : 0;
    }
    return row[j] === 1;
  }

  private found(i: number, j: number): string[] {
    return this.terms[i]!.filter((_, k) => this.mentioned(i, k, j));
  }

  private foundCount(i: number, j: number): number {
    let n = 0;
    for (let k = 0; k < this.terms[i]!.length; k++) {
      n += this.mentioned(i, k, j) ? 1 : 0;
    }
    return n;
  }

  /** Why the pair may not be made before its score is known, or null. */
  private precheck(i: number, j: number, found: readonly string[], region: RegionFacts, preferred: boolean): ForbiddenReason | null {
    const c = this.commissioners[j]!;
    const r = this.requests[i]!;
    return (
      conflictReason(c, r) ??
      ((r.declined ?? []).some((d) => same(d, c.id)) ? 'declined' : null) ??
      (this.placesLeft(j) === 0 ? 'full' : null) ??
      (this.options.regionRule === 'same_city' && !region.sameCity ? 'region' : null) ??
      // The recommendations' relevance floor; a commissioner the enterprise named is considered anyway.
      (found.length < MIN_TERMS_FOUND && !preferred ? 'no_common_terms' : null)
    );
  }

  /** The full assessment of pair (request i, commissioner j), with the sentences. */
  assess(i: number, j: number): PairAssessment {
    const c = this.commissioners[j]!;
    const r = this.requests[i]!;
    const found = this.found(i, j);
    const region = regionFacts(c, r);
    const preferred = r.preferred.some((p) => same(p, c.id));
    const reason = this.precheck(i, j, found, region, preferred);
    if (reason) {
      return forbid(reason);
    }
    const { score, parts } = combineParts(
      [
        textPart(this.terms[i]!, found),
        disciplinePart(c.disciplines, r.discipline),
        industryPart(c.industries, r.industry),
        distancePart(region, r, this.options.regionRule),
        preferencePart(preferred),
        capacityPart(c.capacity, c.load),
      ],
      this.options.weights,
    );
    return score < this.options.minScore ? forbid('below_min') : { ok: true, score, parts };
  }

  /**
   * The pair's score, NaN when forbidden (what the assignment engine reads). Most pairs of a run share
   * no key term: that test, cached per term, comes first, so they cost a few lookups and no sentence.
   */
  score(i: number, j: number): number {
    if (this.placesLeft(j) === 0 || (this.foundCount(i, j) < MIN_TERMS_FOUND && !this.requests[i]!.preferred.some((p) => same(p, this.commissioners[j]!.id)))) {
      return NaN;
    }
    const a = this.assess(i, j);
    return a.ok ? a.score : NaN;
  }
}
