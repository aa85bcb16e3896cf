/** The listings an import created, so the administrator can follow up its drafts. */
import type { ImportListingView, ImportListingsQuery } from '@kezhuan/shared';
import { Types } from 'mongoose';
import type { QuerySpec } from '../../lib/query-spec';
import { effectiveStatus } from '../listings/lifecycle';
import { listingOrgs, orgOrPlaceholder } from '../listings/listing.presenter';
import { TechNeedModel } from '../needs/need.model';
import { ResearchResultModel } from '../results/result.model';
import { getImport } from './import.service';

/** One import's listings, newest first: index {importJob, _id}. */
export function importListingsQuery(jobId: string): QuerySpec {
  return { filter: { importJob: new Types.ObjectId(jobId) }, sort: { _id: -1 } };
}

interface ListedDoc {
  _id: Types.ObjectId;
  org: Types.ObjectId;
  title: string;
  status: ImportListingView['status'];
  lastConfirmedAt: Date | null;
  updatedAt: Date;
}

/** Paged listings of an import job (404 for an unknown job; none for an organisations import). */
export async function importListings(jobId: string, q: ImportListingsQuery, now = new Date()): Promise<{ items: ImportListingView[]; total: number }> {
  const job = await getImport(jobId);
  if (job.kind === 'orgs') {
    return { items: [], total: 0 };
  }
  const kind = job.kind === 'results' ? 'result' : 'need';
  const model = (job.kind === 'results' ? ResearchResultModel : TechNeedModel) as unknown as typeof ResearchResultModel;
  const { filter, sort } = importListingsQuery(jobId);
  const [docs, total] = await Promise.all([
    model.find(filter, { org: 1, title: 1, status: 1, lastConfirmedAt: 1, updatedAt: 1 }).sort(sort).skip((q.page - 1) * q.pageSize).limit(q.pageSize).lean<ListedDoc[]>(),
    model.countDocuments(filter),
  ]);
  const orgs = await listingOrgs(docs.map((d) => d.org));
  const items = docs.map((d) => ({
    id: String(d._id),
    kind,
    title: d.title,
    org: orgOrPlaceholder(orgs, d.org),
    status: effectiveStatus(d, now),
    updatedAt: d.updatedAt.toISOString(),
  })) satisfies ImportListingView[];
  return { items, total };
}
