/**
 * The listing collections as sources for the index sync (server/src/modules/indexing): for a
 * batch of records, the organisations are loaded in one query (no $lookup on FerretDB), and each
 * record maps to its search document, or to null when it must not be searchable (draft,
 * submitted, withdrawn, expired, including expired by the 180-day rule before the sweep).
 */
import type { Model } from 'mongoose';
import type { IndexedFields, IndexSource } from '../indexing/index-source';
import { TechNeedModel, type TechNeedRecord } from '../needs/need.model';
import { toSearchDocument as needDocument } from '../needs/need.search';
import { OrgModel } from '../orgs/org.model';
import { ResearchResultModel, type ResearchResultRecord } from '../results/result.model';
import { toSearchDocument as resultDocument, type IndexedOrg } from '../results/result.search';
import type { SearchDocument } from '../../search/types';
import { isSearchable } from './lifecycle';
import type { ListingRecord } from './listing.fields';

async function toDocuments<T extends ListingRecord>(
  records: readonly T[],
  map: (record: T, org: IndexedOrg, now: Date) => SearchDocument,
): Promise<Map<string, SearchDocument | null>> {
  const now = new Date();
  const ids = [...new Set(records.map((r) => String(r.org)))];
  const orgs = new Map((await OrgModel.find({ _id: { $in: ids } }, { name: 1, type: 1 }).lean()).map((o) => [String(o._id), o]));
  return new Map(
    records.map((r) => {
      const org = orgs.get(String(r.org));
      return [String(r._id), org && isSearchable(r, now) ? map(r, org, now) : null];
    }),
  );
}

// The sync reads whole records (find().lean()) and hands them back to toDocuments, so widening the
// model to the fields the sync itself uses is safe; Mongoose's Model type is invariant, hence the casts.
export const resultIndexSource: IndexSource = {
  index: 'results',
  model: ResearchResultModel as unknown as Model<IndexedFields>,
  toDocuments: (records) => toDocuments(records as unknown as ResearchResultRecord[], resultDocument),
};

export const needIndexSource: IndexSource = {
  index: 'needs',
  model: TechNeedModel as unknown as Model<IndexedFields>,
  toDocuments: (records) => toDocuments(records as unknown as TechNeedRecord[], needDocument),
};
