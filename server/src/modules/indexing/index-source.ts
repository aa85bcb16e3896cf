import type { Model, Types } from 'mongoose';
import type { IndexName, SearchDocument } from '../../search/types';

/** The fields every indexed model carries: a version bumped by every write, and the outbox flag. */
export interface IndexedFields {
  _id: Types.ObjectId;
  searchV: number;
  searchDirty: boolean;
}

/**
 * How one collection maps onto one search index. `toDocuments` takes a batch (so related records,
 * such as organisations, are loaded once per batch: no $lookup on FerretDB) and returns, per id,
 * the document to index, or null when the record must not be searchable (draft, expired, withdrawn).
 */
export interface IndexSource<T extends IndexedFields = IndexedFields> {
  index: IndexName;
  model: Model<T>;
  toDocuments(records: readonly T[]): Promise<Map<string, SearchDocument | null>>;
}
