/**
 * Explained recommendations: for a technology need, the research results that fit it; for a
 * result, the needs it could serve. Candidates come from the search engine (queried with the
 * listing's key terms, and by industry so a need phrased differently still finds its field), then
 * every candidate is scored here on seven factors a person can check.
 */
import type { RecommendationView } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import type { SearchEngine, SearchHit } from '../../search/types';
import { presentHit } from '../discovery/hit.presenter';
import type { ListingActor } from '../listings/listing.policy';
import { findReadable } from '../listings/listing.store';
import { TechNeedModel, type TechNeedRecord } from '../needs/need.model';
import { ResearchResultModel, type ResearchResultRecord } from '../results/result.model';
import { budgetFit, cityFit, combine, disciplineFit, freshnessFit, industryFit, maturityFit, termsFit } from './factors';
import { keyTerms, termsFoundIn } from './key-terms';
import { verdictsOf } from './feedback.service';

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

/** Ranked research results for a need (the need's organisation's own results excluded). */
export async function scoreResultsForNeed(engine: SearchEngine, need: TechNeedRecord, now = new Date()): Promise<Scored[]> {
  const terms = keyTerms({ title: need.title, keywords: need.keywords, body: `${need.problem} ${need.desiredOutcome}` });
  const hits = await candidates(engine, 'results', terms, need.industry);
  return hits
    .filter((h) => str(h.doc.orgId) !== String(need.org))
    .map((h) => {
      const d = h.doc;
      const found = termsFoundIn(terms, textOf(d, ['title', 'keywords', 'summary', 'advantages', 'applications']));
      const { score, reasons } = combine([
        termsFit(terms, found),
        industryFit(need.industry, str(d.industry)),
        disciplineFit(need.discipline ?? null, str(d.discipline) || null),
        maturityFit(str(d.maturity) || null, need.deadline, now),
        budgetFit(num(d.price), need.budgetMin, need.budgetMax),
        cityFit(need.city, str(d.city)),
        freshnessFit(date(d.publishedAt), now),
      ]);
      return { hit: h, score, reasons };
    })
    .sort((a, b) => b.score - a.score);
}

/** Ranked technology needs for a research result. */
export async function scoreNeedsForResult(engine: SearchEngine, result: ResearchResultRecord, now = new Date()): Promise<Scored[]> {
  const advantages = result.advantages.map((a) => a.metric).join(' ');
  const terms = keyTerms({ title: result.title, keywords: result.keywords, body: `${result.summary} ${result.applications} ${advantages}` });
  const hits = await candidates(engine, 'needs', terms, result.industry);
  return hits
    .filter((h) => str(h.doc.orgId) !== String(result.org))
    .map((h) => {
      const d = h.doc;
      const found = termsFoundIn(terms, textOf(d, ['title', 'keywords', 'problem', 'desiredOutcome']));
      const { score, reasons } = combine([
        termsFit(terms, found),
        industryFit(result.industry, str(d.industry)),
        disciplineFit(result.discipline, str(d.discipline) || null),
        maturityFit(result.maturity, date(d.deadline), now),
        budgetFit(result.price, num(d.budgetMin), num(d.budgetMax)),
        cityFit(result.city, str(d.city)),
        freshnessFit(date(d.publishedAt), now),
      ]);
      return { hit: h, score, reasons };
    })
    .sort((a, b) => b.score - a.score);
}

/** Recommendations for a need the actor may read, with the actor's own earlier verdicts. */
export async function recommendationsForNeed(engine: SearchEngine, needId: string, actor: ListingActor | null): Promise<RecommendationView[]> {
  const need = await findReadable(TechNeedModel, 'need', needId, actor, new Date());
  const scored = (await scoreResultsForNeed(engine, need)).slice(0, TOP);
  const verdicts = actor ? await verdictsOf(actor.id, scored.map((s) => ({ need: need._id, result: s.hit.id }))) : new Map<string, never>();
  return scored.map((s) => ({ hit: presentHit('results', s.hit), score: s.score, reasons: s.reasons, feedback: verdicts.get(`${String(need._id)}:${s.hit.id}`) ?? null }));
}

/** Recommendations for a result the actor may read. */
export async function recommendationsForResult(engine: SearchEngine, resultId: string, actor: ListingActor | null): Promise<RecommendationView[]> {
  const result = await findReadable(ResearchResultModel, 'result', resultId, actor, new Date());
  const scored = (await scoreNeedsForResult(engine, result)).slice(0, TOP);
  const verdicts = actor ? await verdictsOf(actor.id, scored.map((s) => ({ need: s.hit.id, result: result._id }))) : new Map<string, never>();
  return scored.map((s) => ({ hit: presentHit('needs', s.hit), score: s.score, reasons: s.reasons, feedback: verdicts.get(`${s.hit.id}:${String(result._id)}`) ?? null }));
}

export type PairRef = { need: Types.ObjectId | string; result: Types.ObjectId | string };
