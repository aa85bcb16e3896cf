/**
 * How a technology need appears in the `needs` search index: exactly what the public may see
 * of it, so a confidential need is indexed with its title, industry, city and budget band only,
 * and a summary-only need without its problem text and amounts.
 */
import { budgetBand } from '@kezhuan/shared';
import type { SearchDocument } from '../../search/types';
import { effectiveStatus, expiresAt } from '../listings/lifecycle';
import type { IndexedOrg } from '../results/result.search';
import type { TechNeedRecord } from './need.model';

/** The search document of a need; `_v` is its `searchV`, dates in epoch milliseconds. */
export function toSearchDocument(n: TechNeedRecord, org: IndexedOrg, now = new Date()): SearchDocument {
  const open = n.confidentiality === 'public';
  const summary = n.confidentiality !== 'confidential';
  return {
    id: String(n._id),
    _v: n.searchV,
    title: n.title,
    problem: open ? n.problem : '',
    desiredOutcome: open ? n.desiredOutcome : '',
    keywords: summary ? n.keywords : [],
    orgName: summary ? org.name : '',
    industry: n.industry,
    discipline: summary ? n.discipline : null,
    cooperationModes: summary ? n.cooperationModes : [],
    budgetMin: open ? n.budgetMin : null,
    budgetMax: open ? n.budgetMax : null,
    budgetBand: budgetBand(n.budgetMin, n.budgetMax),
    city: n.city,
    orgId: summary ? String(org._id) : null,
    orgType: org.type,
    status: effectiveStatus(n, now),
    deadline: summary && n.deadline ? n.deadline.getTime() : null,
    publishedAt: n.publishedAt ? n.publishedAt.getTime() : null,
    // Filtered at query time: a listing that expires between two sweeps leaves search at once.
    expiresAt: expiresAt(n, now)?.getTime() ?? null,
    updatedAt: n.updatedAt.getTime(),
  };
}
