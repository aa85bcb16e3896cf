/**
 * Explained recommendations: for a technology need, the research results that fit it; for a
 * result, the needs it could serve. Candidates come from the search engine (queried with the
 * listing's key terms, and by industry so a need phrased differently still finds its field), then
 * every candidate is scored here on seven factors a person can check.
 */
import { budgetBand, PRICE_BAND_CODES, type RecommendationsResponse, type RecommendationView } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import type { SearchEngine, SearchHit } from '../../search/types';
import { presentHit } from '../discovery/hit.presenter';
import { disclosureFor, type ListingActor, type ListingRef } from '../listings/listing.policy';
import { findReadable, listingRef } from '../listings/listing.store';
import { TechNeedModel, type TechNeedRecord } from '../needs/need.model';
import { needDisclosure, type NeedDisclosure } from '../needs/need.presenter';
import { ResearchResultModel, type ResearchResultRecord } from '../results/result.model';
import { budgetFit, type BudgetSeen, cityFit, combine, disciplineFit, freshnessFit, industryFit, maturityFit, termsFit } from './factors';
import { keyTerms, termsFoundIn } from './key-terms';
import { dealsOnPairs } from '../deals/deal.lookup';
import { verdictsOf } from './feedback.service';
import { judgeDecision } from './match.policy';

const TOP = 10;

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const date = (v: unknown) => (typeof v === 'number' ? new Date(v) : null);
const textOf = (d: Record<string, unknown>, fields: string[]) =>
  fields.map((f) => (Array.isArray(d[f]) ? (d[f] as unknown[]).join(' ') : str(d[f]))).join(' ');

/** Search candidates for a set of key terms, plus the newest listings of the same industry. */
async function candidates(engine: SearchEngine, index: 'results' | 'needs', terms: string[], industry: string): Promise<SearchHit[]> {
  const [byText, byIndustry] = await Promise.all([
    terms.length > 0 ? engine.query(index, { q: terms.join(' '), page: 1, pageSize: 40, activeAt: Date.now() }) : null,
    engine.query(index, { q: '', filters: { industry }, sort: { field: 'publishedAt', order: 'desc' }, page: 1, pageSize: 20, activeAt: Date.now() }),
  ]);
  const seen = new Map<string, SearchHit>();
  for (const h of [...(byText?.hits ?? []), ...byIndustry.hits]) {
    if (!seen.has(h.id)) {
      seen.set(h.id, h);
    }
  }
  return [...seen.values()];
}

export interface Scored {
  hit: SearchHit;
  score: number;
  reasons: RecommendationView['reasons'];
}

/**
 * A recommendation is shown only when the two texts share at least this many key terms (or close
 * synonyms): industry, city and freshness alone made unrelated listings score 42–49.
 */
export const MIN_TERMS_FOUND = 1;

/**
 * A need as one viewer may see it, for scoring: what its disclosure level hides (problem text,
 * exact budget; for a confidential need also keywords, discipline and deadline) is left out, so
 * neither the reasons nor the ranking reveal it.
 */
export interface NeedSeen {
  org: string;
  title: string;
  keywords: readonly string[];
  body: string;
  industry: string;
  city: string;
  discipline: string | null;
  deadline: Date | null;
  /** Fields the need has but this viewer may not see (so "not given" would be untrue). */
  hidden: { discipline: boolean; deadline: boolean };
  budget: BudgetSeen;
}

export function seenNeed(n: TechNeedRecord, disclosure: NeedDisclosure): NeedSeen {
  const summary = disclosure !== 'restricted';
  const open = summary && disclosure !== 'summary';
  return {
    org: String(n.org),
    title: n.title,
    keywords: summary ? n.keywords : [],
    body: open ? `${n.problem} ${n.desiredOutcome}` : '',
    industry: n.industry,
    city: n.city,
    discipline: summary ? (n.discipline ?? null) : null,
    deadline: summary ? n.deadline : null,
    hidden: { discipline: !summary && Boolean(n.discipline), deadline: !summary && Boolean(n.deadline) },
    budget: open ? { amounts: { min: n.budgetMin, max: n.budgetMax } } : { band: budgetBand(n.budgetMin, n.budgetMax) },
  };
}

/** The budget of an indexed need: the index holds only what the public may see of it. */
function indexedBudget(d: Record<string, unknown>): BudgetSeen {
  const min = num(d.budgetMin);
  const max = num(d.budgetMax);
  if (min !== null || max !== null) {
    return { amounts: { min, max } };
  }
  const band = PRICE_BAND_CODES.find((c) => c === d.budgetBand);
  return !band ? null : band === 'negotiable' ? { amounts: { min: null, max: null } } : { band };
}

/** The key terms queried with, and the fitting candidates, best first. */
export interface Ranked {
  terms: string[];
  scored: Scored[];
}

/** Ranked research results for a need as seen (the need's organisation's own results excluded). */
export async function scoreResultsForNeed(engine: SearchEngine, need: NeedSeen, now = new Date()): Promise<Ranked> {
  const terms = keyTerms({ title: need.title, keywords: need.keywords, body: need.body });
  const hits = await candidates(engine, 'results', terms, need.industry);
  const scored = hits
    .filter((h) => str(h.doc.orgId) !== need.org)
    .flatMap((h) => {
      const d = h.doc;
      const found = termsFoundIn(terms, textOf(d, ['title', 'keywords', 'summary', 'advantages', 'applications']));
      if (found.length < MIN_TERMS_FOUND) {
        return [];
      }
      const { score, reasons } = combine([
        termsFit(terms, found),
        industryFit(need.industry, str(d.industry)),
        disciplineFit(need.discipline, str(d.discipline) || null, need.hidden.discipline),
        maturityFit(str(d.maturity) || null, need.deadline, now, need.hidden.deadline),
        budgetFit(num(d.price), need.budget),
        cityFit(need.city, str(d.city)),
        freshnessFit(date(d.publishedAt), now),
      ]);
      return [{ hit: h, score, reasons }];
    })
    .sort((a, b) => b.score - a.score);
  return { terms, scored };
}

/** Ranked technology needs for a research result (needs are scored on their indexed, public fields). */
export async function scoreNeedsForResult(engine: SearchEngine, result: ResearchResultRecord, now = new Date()): Promise<Ranked> {
  const advantages = result.advantages.map((a) => a.metric).join(' ');
  const terms = keyTerms({ title: result.title, keywords: result.keywords, body: `${result.summary} ${result.applications} ${advantages}` });
  const hits = await candidates(engine, 'needs', terms, result.industry);
  // The index leaves a confidential need's organisation out: ask the database which are our own.
  const own = new Set((await TechNeedModel.find({ _id: { $in: hits.map((h) => h.id) }, org: result.org }, { _id: 1 }).lean()).map((n) => String(n._id)));
  const price = result.negotiable ? null : result.price;
  const scored = hits
    .filter((h) => !own.has(h.id) && str(h.doc.orgId) !== String(result.org))
    .flatMap((h) => {
      const d = h.doc;
      const found = termsFoundIn(terms, textOf(d, ['title', 'keywords', 'problem', 'desiredOutcome']));
      if (found.length < MIN_TERMS_FOUND) {
        return [];
      }
      const { score, reasons } = combine([
        termsFit(terms, found),
        industryFit(result.industry, str(d.industry)),
        disciplineFit(result.discipline, str(d.discipline) || null),
        maturityFit(result.maturity, date(d.deadline), now),
        budgetFit(price, indexedBudget(d)),
        cityFit(result.city, str(d.city)),
        freshnessFit(date(d.publishedAt), now),
      ]);
      return [{ hit: h, score, reasons }];
    })
    .sort((a, b) => b.score - a.score);
  return { terms, scored };
}

/** A recommended hit as the match policy sees it: only its organisation and status matter there. */
const published = (kind: 'need' | 'result', org: string): ListingRef => ({ kind, org, owner: '', sharedWith: [], status: 'published' });

/** What the actor may do with a recommended pair: the buttons the UI offers. */
function judging(actor: ListingActor | null, need: ListingRef, result: ListingRef): RecommendationView['mayJudge'] {
  return {
    interested: judgeDecision(actor, 'interested', need, result).ok,
    notFit: judgeDecision(actor, 'not_fit', need, result).ok,
  };
}

/** Recommendations for a need the actor may read, disclosed as the actor may see the need. */
export async function recommendationsForNeed(engine: SearchEngine, needId: string, actor: ListingActor | null): Promise<RecommendationsResponse> {
  const now = new Date();
  const need = await findReadable(TechNeedModel, 'need', needId, actor, now);
  const ref = listingRef('need', need, now);
  const seen = seenNeed(need, needDisclosure(disclosureFor(actor, ref), need.confidentiality));
  const { terms, scored } = await scoreResultsForNeed(engine, seen, now);
  const top = scored.slice(0, TOP);
  const pairs = top.map((s) => ({ need: need._id, result: s.hit.id }));
  const [verdicts, deals] = actor ? await Promise.all([verdictsOf(actor.id, pairs), dealsOnPairs(actor.orgRole ? actor.orgId : null, pairs)]) : [new Map<string, never>(), new Map<string, never>()];
  return {
    terms,
    items: top.map((s) => ({
      hit: presentHit('results', s.hit),
      score: s.score,
      reasons: s.reasons,
      feedback: verdicts.get(`${String(need._id)}:${s.hit.id}`) ?? null,
      mayJudge: judging(actor, ref, published('result', str(s.hit.doc.orgId))),
      deal: deals.get(`${String(need._id)}:${s.hit.id}`) ?? null,
    })),
  };
}

/** Recommendations for a result the actor may read. */
export async function recommendationsForResult(engine: SearchEngine, resultId: string, actor: ListingActor | null): Promise<RecommendationsResponse> {
  const now = new Date();
  const result = await findReadable(ResearchResultModel, 'result', resultId, actor, now);
  const ref = listingRef('result', result, now);
  const { terms, scored } = await scoreNeedsForResult(engine, result, now);
  const top = scored.slice(0, TOP);
  const pairs = top.map((s) => ({ need: s.hit.id, result: result._id }));
  const [verdicts, deals] = actor ? await Promise.all([verdictsOf(actor.id, pairs), dealsOnPairs(actor.orgRole ? actor.orgId : null, pairs)]) : [new Map<string, never>(), new Map<string, never>()];
  return {
    terms,
    items: top.map((s) => ({
      hit: presentHit('needs', s.hit),
      score: s.score,
      reasons: s.reasons,
      feedback: verdicts.get(`${s.hit.id}:${String(result._id)}`) ?? null,
      mayJudge: judging(actor, published('need', str(s.hit.doc.orgId)), ref),
      deal: deals.get(`${s.hit.id}:${String(result._id)}`) ?? null,
    })),
  };
}

export type PairRef = { need: Types.ObjectId | string; result: Types.ObjectId | string };
