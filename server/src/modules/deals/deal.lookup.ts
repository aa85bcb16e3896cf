/** Finding an organisation's deal rooms from elsewhere (a recommended pair's page). */
import type { Types } from 'mongoose';
import { DealRoomModel } from './deal.model';

type Id = Types.ObjectId | string;

/**
 * The rooms `org` has on recommended pairs (rooms opened by interest are about one listing of the
 * pair, offered through the other), keyed `need:result`; the newest room when a closed one came
 * before → {orgs, updatedAt}.
 */
export async function dealsOnPairs(org: Id | null | undefined, pairs: readonly { need: Id; result: Id }[]): Promise<Map<string, string>> {
  if (!org || pairs.length === 0) {
    return new Map();
  }
  const ids = [...new Set(pairs.flatMap((p) => [String(p.need), String(p.result)]))];
  const rooms = await DealRoomModel.find({ orgs: org, 'listing.id': { $in: ids }, 'via.id': { $in: ids } }, { listing: 1, via: 1 })
    .sort({ updatedAt: 1 })
    .lean();
  const out = new Map<string, string>();
  for (const r of rooms) {
    if (!r.via) {
      continue;
    }
    const [need, result] = r.listing.kind === 'need' ? [r.listing.id, r.via.id] : [r.via.id, r.listing.id];
    out.set(`${String(need)}:${String(result)}`, String(r._id)); // later (newer) rooms win
  }
  return out;
}
