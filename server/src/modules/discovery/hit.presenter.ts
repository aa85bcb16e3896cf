import type { SearchHitView, SearchKind } from '@kezhuan/shared';
import type { SearchHit } from '../../search/types';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/**
 * A search hit as the API shows it: the public fields of the indexed document only (the index holds
 * nothing confidential: confidential needs are indexed with their public summary), plus highlights.
 */
export function presentHit(kind: SearchKind, hit: SearchHit): SearchHitView {
  const d = hit.doc;
  const published = num(d.publishedAt);
  const isResult = kind === 'results';
  return {
    id: hit.id,
    kind,
    title: str(d.title),
    highlights: hit.highlights,
    keywords: strs(d.keywords),
    org: { id: str(d.orgId), name: str(d.orgName), type: str(d.orgType) },
    city: str(d.city),
    discipline: str(d.discipline) || null,
    industry: str(d.industry),
    maturity: isResult ? str(d.maturity) || null : null,
    modes: strs(isResult ? d.transferModes : d.cooperationModes),
    amount: num(isResult ? d.price : d.budgetMax),
    amountMin: isResult ? null : num(d.budgetMin),
    band: str(isResult ? d.priceBand : d.budgetBand),
    publishedAt: published === null ? null : new Date(published).toISOString(),
    matchedTerms: hit.matchedTerms,
  };
}
