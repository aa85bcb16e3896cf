/**
 * Catch-up after a (re)connect, and the gap it must not fall into.
 *
 * `postMessage` hands out a room's seq with an atomic `$inc` and only then creates the message, so
 * for a moment seq 6 can be stored (and broadcast) while seq 5 is not yet: a client that resumed
 * "after the highest seq seen" would ask `afterSeq: 6` and never get 5. Some numbers never get a
 * message at all (a retry racing its first attempt loses on the unique index after taking a seq).
 *
 * The rule, shared by this file and the client (`shared/src/deal-chat-client.ts`): the client
 * resumes from the highest CONTIGUOUS seq it holds, not the highest seen, and dedupes by id. The
 * server tells it how far it may jump over holes: `caughtUpTo` walks the page from `afterSeq` and
 * steps over a missing number only when a higher message was created more than SETTLE_MS ago —
 * numbers are handed out in order, so that number was handed out even earlier and its write has long
 * finished or failed. A hole younger than that stops the walk; the client asks from below it next
 * time and receives what it already has again (deduped), plus the late message.
 */
import { DEAL_CHAT_CATCH_UP_MAX, type DealJoinAck } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { DealMessageModel, type DealMessageRecord } from './deal.model';
import { loadDealNames, presentDealMessage } from './deal.presenter';

/** Far longer than a write between taking a seq and storing the message takes (mongoose buffers ≤ 10 s). */
export const SETTLE_MS = 30_000;

/**
 * How far a client holding every message up to `base` holds them all once it has `page` (ascending):
 * the highest seq reached without stepping over a hole that may still be filled.
 */
export function contiguousThrough(base: number, page: readonly Pick<DealMessageRecord, 'seq' | 'createdAt'>[], now: number): number {
  let upTo = base;
  for (const m of page) {
    if (m.seq <= upTo) {
      continue;
    }
    if (m.seq !== upTo + 1 && m.createdAt.getTime() > now - SETTLE_MS) {
      break; // a lower number may still be being written
    }
    upTo = m.seq;
  }
  return upTo;
}

/**
 * The messages after `afterSeq` (oldest first, at most DEAL_CHAT_CATCH_UP_MAX), or the newest ones
 * when absent (older history pages over REST), with `caughtUpTo` for the next catch-up.
 */
export async function catchUp(room: Types.ObjectId, afterSeq: number | undefined): Promise<Omit<DealJoinAck, 'online'>> {
  const limit = DEAL_CHAT_CATCH_UP_MAX;
  const found =
    afterSeq === undefined
      ? (await DealMessageModel.find({ room }).sort({ seq: -1 }).limit(limit + 1).lean<DealMessageRecord[]>()).reverse()
      : await DealMessageModel.find({ room, seq: { $gt: afterSeq } }).sort({ seq: 1 }).limit(limit + 1).lean<DealMessageRecord[]>();
  const hasMore = found.length > limit;
  const page = afterSeq === undefined ? found.slice(hasMore ? 1 : 0) : found.slice(0, limit);
  // Without afterSeq the client starts at the page: older messages are history, not catch-up.
  const base = afterSeq ?? Math.max(0, (page[0]?.seq ?? 1) - 1);
  const names = await loadDealNames([], page.map((m) => m.sender));
  return { messages: page.map((m) => presentDealMessage(m, names)), hasMore, caughtUpTo: contiguousThrough(base, page, Date.now()) };
}
