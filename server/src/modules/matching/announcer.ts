/**
 * Tells people about a newly published listing, once it is searchable: subscribers of saved
 * searches it matches, and owners of published listings on the other side that it fits well.
 * Each listing is announced once (`announcedAt`); a crash in between is harmless because every
 * notification has a key and is stored at most once.
 */
import type { Types } from 'mongoose';
import type { QuerySpec } from '../../lib/query-spec';
import type { SearchEngine, SearchDocument } from '../../search/types';
import { needIndexSource, resultIndexSource } from '../listings/listing.index-sources';
import { TechNeedModel, type TechNeedRecord } from '../needs/need.model';
import { notify } from '../notifications/notification.service';
import { ResearchResultModel, type ResearchResultRecord } from '../results/result.model';
import { SavedSearchModel } from '../saved-searches/saved-search.model';
import { savedSearchMatches } from '../saved-searches/saved-search.match';
import { needDisclosure } from '../needs/need.presenter';
import { scoreNeedsForResult, scoreResultsForNeed, seenNeed } from './recommend.service';

/**
 * Recommendations at or above this score are worth a notification; like every recommendation they
 * must first share a key term with the listing (MIN_TERMS_FOUND in the scoring).
 */
export const ANNOUNCE_SCORE = 60;
const RECENT_MS = 7 * 86_400_000;
const BATCH = 50;

/** Subscribed saved searches of one kind (read for every new publication): index {kind, subscribed}. */
export function subscribersQuery(kind: 'results' | 'needs'): QuerySpec {
  return { filter: { kind, subscribed: true } };
}

/** Published, indexed listings not announced yet: index {announcedAt, status}. */
export function unannouncedQuery(): QuerySpec {
  return { filter: { announcedAt: null, status: 'published' as const, searchDirty: false } };
}

async function notifySubscribers(kind: 'results' | 'needs', doc: SearchDocument, owner: Types.ObjectId, title: string): Promise<number> {
  let sent = 0;
  for await (const s of SavedSearchModel.find(subscribersQuery(kind).filter).lean().cursor()) {
    if (String(s.user) === String(owner) || !savedSearchMatches(kind, s.params, doc)) {
      continue;
    }
    const what = kind === 'results' ? '成果' : '需求';
    const whatEn = kind === 'results' ? 'result' : 'need';
    const n = await notify(s.user, {
      kind: 'listing.match',
      title: `新${what}符合您订阅的“${s.name}”`,
      titleEn: `A new ${whatEn} matches your saved search “${s.name}”`,
      body: title,
      bodyEn: title,
      link: `/${kind}/${doc.id}`,
      key: `sub:${String(s._id)}:${doc.id}`,
    });
    sent += n ? 1 : 0;
  }
  return sent;
}

async function announceResult(engine: SearchEngine, r: ResearchResultRecord, doc: SearchDocument): Promise<void> {
  await notifySubscribers('results', doc, r.owner, r.title);
  const fits = (await scoreNeedsForResult(engine, r)).scored.filter((s) => s.score >= ANNOUNCE_SCORE);
  const needs = await TechNeedModel.find({ _id: { $in: fits.map((f) => f.hit.id) } }, { owner: 1, title: 1 }).lean();
  for (const f of fits) {
    const need = needs.find((n) => String(n._id) === f.hit.id);
    if (need) {
      await notify(need.owner, {
        kind: 'listing.match',
        title: `新发布的成果与您的需求“${need.title}”匹配（${f.score} 分）`,
        titleEn: `A new research result fits your need “${need.title}” (score ${f.score})`,
        body: r.title,
        bodyEn: r.title,
        link: `/results/${String(r._id)}`,
        key: `match:${f.hit.id}:${String(r._id)}`,
      });
    }
  }
}

async function announceNeed(engine: SearchEngine, n: TechNeedRecord, doc: SearchDocument): Promise<void> {
  await notifySubscribers('needs', doc, n.owner, n.title);
  // Scored on what the public may see of the need, so the notified owner learns nothing it hides.
  const seen = seenNeed(n, needDisclosure('public', n.confidentiality));
  const fits = (await scoreResultsForNeed(engine, seen)).scored.filter((s) => s.score >= ANNOUNCE_SCORE);
  const results = await ResearchResultModel.find({ _id: { $in: fits.map((f) => f.hit.id) } }, { owner: 1, title: 1 }).lean();
  for (const f of fits) {
    const result = results.find((x) => String(x._id) === f.hit.id);
    if (result) {
      await notify(result.owner, {
        kind: 'listing.match',
        title: `新发布的需求与您的成果“${result.title}”匹配（${f.score} 分）`,
        titleEn: `A new technology need fits your result “${result.title}” (score ${f.score})`,
        body: n.title,
        bodyEn: n.title,
        link: `/needs/${String(n._id)}`,
        key: `match:${String(n._id)}:${f.hit.id}`,
      });
    }
  }
}

/**
 * Announces recently published, already indexed listings that were not announced yet; returns how
 * many. Listings published long ago (bulk imports of old records) are marked without notifying.
 */
export async function announcePublications(engine: SearchEngine, now = new Date()): Promise<number> {
  let count = 0;
  const { filter } = unannouncedQuery();
  const since = new Date(now.getTime() - RECENT_MS);
  const results = (await ResearchResultModel.find(filter).limit(BATCH).lean()) as ResearchResultRecord[];
  const resultDocs = await resultIndexSource.toDocuments(results as never);
  for (const r of results) {
    const doc = resultDocs.get(String(r._id));
    if (doc && r.publishedAt && r.publishedAt >= since) {
      await announceResult(engine, r, doc);
    }
    await ResearchResultModel.updateOne({ _id: r._id }, { $set: { announcedAt: now } });
    count += 1;
  }
  const needs = (await TechNeedModel.find(filter).limit(BATCH).lean()) as TechNeedRecord[];
  const needDocs = await needIndexSource.toDocuments(needs as never);
  for (const n of needs) {
    const doc = needDocs.get(String(n._id));
    if (doc && n.publishedAt && n.publishedAt >= since) {
      await announceNeed(engine, n, doc);
    }
    await TechNeedModel.updateOne({ _id: n._id }, { $set: { announcedAt: now } });
    count += 1;
  }
  return count;
}
