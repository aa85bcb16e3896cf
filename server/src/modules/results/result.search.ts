/**
 * How a research result appears in the `results` search index. The index sync (written by the
 * lead) calls `isSearchable` and `toSearchDocument` for each dirty result.
 */
import { priceBand, type IpStatus, type OrgType } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import type { SearchDocument } from '../../search/types';
import { effectiveStatus, expiresAt } from '../listings/lifecycle';
import type { ResearchResultRecord } from './result.model';

/** The organisation fields the index needs (a lean Org document will do). */
export interface IndexedOrg {
  _id: Types.ObjectId;
  name: string;
  type: OrgType | string;
}

/** Advantages as one searchable text: "能耗 降低30%（对比 传统工艺）；…". */
export function advantagesText(advantages: ResearchResultRecord['advantages']): string {
  return advantages
    .map((a) => `${a.metric} ${a.value}${a.unit}${a.baseline ? `（对比 ${a.baseline}）` : ''}`)
    .join('；');
}

/** One facet value for the IP situation: granted if any title is granted, else pending, else none. */
export function ipStatusOf(items: ResearchResultRecord['ip']['items']): IpStatus {
  if (items.some((i) => i.status === 'granted')) {
    return 'granted';
  }
  return items.some((i) => i.status === 'pending') ? 'pending' : 'none';
}

/**
 * The search document of a result: public fields only (no contact, no attachments), `_v` the
 * result's `searchV`, dates in epoch milliseconds, `price` null when negotiable.
 */
export function toSearchDocument(r: ResearchResultRecord, org: IndexedOrg, now = new Date()): SearchDocument {
  const price = r.negotiable ? null : r.price;
  return {
    id: String(r._id),
    _v: r.searchV,
    title: r.title,
    summary: r.summary,
    keywords: r.keywords,
    advantages: advantagesText(r.advantages),
    applications: r.applications,
    orgName: org.name,
    discipline: r.discipline,
    industry: r.industry,
    maturity: r.maturity,
    transferModes: r.transferModes,
    ipStatus: ipStatusOf(r.ip.items),
    price,
    priceBand: priceBand(price),
    city: r.city,
    orgId: String(org._id),
    orgType: org.type,
    status: effectiveStatus(r, now),
    publishedAt: r.publishedAt ? r.publishedAt.getTime() : null,
    // Filtered at query time: a listing that expires between two sweeps leaves search at once.
    expiresAt: expiresAt(r, now)?.getTime() ?? null,
    updatedAt: r.updatedAt.getTime(),
  };
}
