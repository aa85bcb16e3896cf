/** The administrators' review of submitted listings, and the expiry sweep, over both kinds. */
import {
  LISTING_EXPIRY_DAYS,
  type ListingKind,
  type ReviewCountsView,
  type ReviewDecisionInput,
  type ReviewOutcomeView,
  type ReviewQueueItemView,
  type ReviewQueueQuery,
} from '@kezhuan/shared';
import type { Model, Types } from 'mongoose';
import type { QuerySpec } from '../../lib/query-spec';
import { audit } from '../audit/audit.service';
import { TechNeedModel, type TechNeedRecord } from '../needs/need.model';
import { needQuality } from '../needs/need.service';
import { ResearchResultModel, type ResearchResultRecord } from '../results/result.model';
import { OrgModel } from '../orgs/org.model';
import { approveAllAttachments, pendingAttachments } from '../results/result-attachment.review';
import { resultQuality } from '../results/result.service';
import { listingAudience, notifyAll } from './listing.audience';
import { effectiveStatus, expiryCutoff, historyEntry, withOutbox } from './lifecycle';
import type { ListingRecord } from './listing.fields';
import type { ListingActor } from './listing.policy';
import { withListingLock } from './listing.lock';
import { listingOrgs, orgOrPlaceholder } from './listing.presenter';
import { runTransition, withListing } from './listing.store';

interface KindSource<T extends ListingRecord & { title: string }> {
  kind: ListingKind;
  model: Model<T>;
  qualityScore: (doc: T) => number;
}

const results: KindSource<ResearchResultRecord> = { kind: 'result', model: ResearchResultModel, qualityScore: (d) => resultQuality(d).score };
const needs: KindSource<TechNeedRecord> = { kind: 'need', model: TechNeedModel, qualityScore: (d) => needQuality(d).score };

/** Submitted listings, oldest submission first: index {status, submittedAt}. */
export function reviewQueueQuery(): QuerySpec {
  return { filter: { status: 'submitted' }, sort: { submittedAt: 1, _id: 1 } };
}

/** Published listings past the 180-day confirmation: index {status, lastConfirmedAt}. */
export function staleListingsQuery(now: Date): QuerySpec {
  return { filter: { status: 'published' as const, $or: [{ lastConfirmedAt: { $lt: expiryCutoff(now) } }, { lastConfirmedAt: null }] } };
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A calendar day in China time (UTC+8) as the instant it starts. */
const dayStart = (day: string, plusDays = 0) => new Date(Date.parse(`${day}T00:00:00+08:00`) + plusDays * 86_400_000);

/** The queue's filter: submitted, narrowed by the administrator's search and filters. */
async function queueFilter(q: ReviewQueueQuery): Promise<Record<string, unknown>> {
  const filter: Record<string, unknown> = { ...reviewQueueQuery().filter };
  if (q.city) {
    filter.city = q.city;
  }
  if (q.submittedFrom || q.submittedTo) {
    filter.submittedAt = {
      ...(q.submittedFrom ? { $gte: dayStart(q.submittedFrom) } : {}),
      ...(q.submittedTo ? { $lt: dayStart(q.submittedTo, 1) } : {}),
    };
  }
  if (q.orgType) {
    filter.org = { $in: (await OrgModel.find({ type: q.orgType }, { _id: 1 }).lean()).map((o) => o._id) };
  }
  if (q.q) {
    const words = { $regex: escapeRegex(q.q), $options: 'i' };
    const orgs = (await OrgModel.find({ name: words }, { _id: 1 }).limit(500).lean()).map((o) => o._id);
    filter.$or = [{ title: words }, { org: { $in: orgs } }];
  }
  return filter;
}

async function queueOf<T extends ListingRecord & { title: string }>(src: KindSource<T>, q: ReviewQueueQuery) {
  const filter = await queueFilter(q);
  const { sort } = reviewQueueQuery();
  const [docs, total] = await Promise.all([
    src.model.find(filter).sort(sort).skip((q.page - 1) * q.pageSize).limit(q.pageSize).lean<T[]>(),
    src.model.countDocuments(filter),
  ]);
  const orgs = await listingOrgs(docs.map((d) => d.org));
  const items: ReviewQueueItemView[] = docs.map((d) => ({
    id: String(d._id),
    kind: src.kind,
    title: d.title,
    org: orgOrPlaceholder(orgs, d.org),
    submittedAt: d.submittedAt?.toISOString() ?? null,
    qualityScore: src.qualityScore(d),
  }));
  return { items, total };
}

/** How many listings of each kind, and how many added files, wait for review. */
export async function reviewCounts(): Promise<ReviewCountsView> {
  const [result, need, files] = await Promise.all([
    ResearchResultModel.countDocuments({ status: 'submitted' }),
    TechNeedModel.countDocuments({ status: 'submitted' }),
    pendingAttachments(),
  ]);
  return { result, need, attachments: files.length };
}

/** Submitted listings of one kind, oldest submission first. */
export function reviewQueue(q: ReviewQueueQuery): Promise<{ items: ReviewQueueItemView[]; total: number }> {
  return q.kind === 'result' ? queueOf(results, q) : queueOf(needs, q);
}

async function decide<T extends ListingRecord & { title: string }>(
  src: KindSource<T>,
  id: string,
  input: ReviewDecisionInput,
  actor: ListingActor,
  ip: string,
  now: Date,
): Promise<ReviewOutcomeView> {
  const reason = input.reason || null;
  const { doc, updated } = await withListing(src.model, src.kind, id, actor, 'review', now, async (doc) => {
    const after = await runTransition(src.model, doc, input.decision, actor, now, reason);
    if (input.decision === 'approve' && src.kind === 'result') {
      await approveAllAttachments(id); // reviewed with the listing
    }
    return { doc, updated: after };
  });
  await audit({
    action: `${src.kind}.${input.decision}`,
    actor: actor.id,
    target: { kind: src.kind, id },
    detail: { title: doc.title, org: String(doc.org), ...(reason ? { reason } : {}) },
    ip,
  });
  const what = src.kind === 'result' ? { zh: '成果', en: 'result', path: 'results' } : { zh: '需求', en: 'need', path: 'needs' };
  const approved = input.decision === 'approve';
  await notifyAll(await listingAudience(doc), {
    kind: 'listing.reviewed',
    title: approved ? `您的${what.zh}“${doc.title}”已通过审核并发布` : `您的${what.zh}“${doc.title}”被退回修改`,
    titleEn: approved ? `Your ${what.en} “${doc.title}” was approved and published` : `Your ${what.en} “${doc.title}” was sent back for changes`,
    body: reason ?? '',
    bodyEn: reason ?? '',
    link: `/${what.path}/${id}`,
    key: `review:${id}:${updated.searchV}`,
  });
  return { id, kind: src.kind, status: effectiveStatus(updated, now), reason };
}

/**
 * Approves a submitted listing (published, confirmed now) or returns it to draft with a reason
 * the owner reads. Recorded in the listing's history and in the audit log.
 */
export function decideReview(kind: ListingKind, id: string, input: ReviewDecisionInput, actor: ListingActor, ip: string, now = new Date()): Promise<ReviewOutcomeView> {
  return kind === 'result' ? decide(results, id, input, actor, ip, now) : decide(needs, id, input, actor, ip, now);
}

/**
 * Writes expiry down: published listings unconfirmed for 180 days become `expired`, with a
 * history entry and the search outbox bumped so the index drops them. Reads already treat them
 * as expired; run this periodically (idempotent).
 */
export async function expireStaleListings(now = new Date()): Promise<{ results: number; needs: number }> {
  const [r, n] = await Promise.all([expireStale(results, now), expireStale(needs, now)]);
  return { results: r, needs: n };
}

async function expireStale<T extends ListingRecord & { title: string }>(src: KindSource<T>, now: Date): Promise<number> {
  const { filter } = staleListingsQuery(now);
  const reason = `${LISTING_EXPIRY_DAYS} 天未确认 / not confirmed for ${LISTING_EXPIRY_DAYS} days`;
  const update = withOutbox({ $set: { status: 'expired' }, $push: { history: historyEntry('expire', 'published', 'expired', null, now, reason) } });
  const stale = await src.model.find(filter, { _id: 1 }).lean<{ _id: Types.ObjectId }[]>();
  let expired = 0;
  // One listing at a time under its write lock: the condition is re-checked by each update.
  for (const { _id } of stale) {
    const res = await withListingLock(`${src.kind}:${String(_id)}`, () => src.model.updateOne({ _id, ...filter }, update));
    expired += res.modifiedCount;
  }
  return expired;
}
