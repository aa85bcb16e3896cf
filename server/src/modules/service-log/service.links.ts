/** Links from a log entry to a result or a need: the listing must exist and be readable by the commissioner. */
import type { ListingKind } from '@kezhuan/shared';
import { can, type ListingActor } from '../listings/listing.policy';
import { TechNeedModel } from '../needs/need.model';
import { ResearchResultModel } from '../results/result.model';

export async function canReadListing(actor: ListingActor, kind: ListingKind, id: string): Promise<boolean> {
  const model = kind === 'result' ? ResearchResultModel : TechNeedModel;
  const doc = await (model as typeof TechNeedModel).findById(id, { org: 1, owner: 1, sharedWith: 1, status: 1 }).lean();
  if (!doc) {
    return false;
  }
  return can(actor, 'read', { kind, org: String(doc.org), owner: String(doc.owner), sharedWith: (doc.sharedWith ?? []).map(String), status: doc.status });
}
