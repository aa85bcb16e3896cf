/**
 * How an instrument appears in the `instruments` search index, and the collection as a source for
 * the index sync (modules/indexing): organisations loaded once per batch (no $lookup on FerretDB);
 * a withdrawn instrument, or one whose organisation is gone, maps to null (removed from the index).
 */
import type { Model } from 'mongoose';
import type { SearchDocument } from '../../search/types';
import type { IndexedFields, IndexSource } from '../indexing/index-source';
import { OrgModel } from '../orgs/org.model';
import { InstrumentModel, type InstrumentRecord } from './instrument.model';

/** Parameters as one searchable text: "加速电压：200 kV；点分辨率：0.19 nm". */
export function paramsText(params: InstrumentRecord['params']): string {
  return params.map((p) => `${p.name}：${p.value}`).join('；');
}

/** The search document of an active instrument: public fields only, dates in epoch ms. */
export function toSearchDocument(r: InstrumentRecord, org: { _id: unknown; name: string }): SearchDocument {
  return {
    id: String(r._id),
    _v: r.searchV,
    name: r.name,
    model: r.model ?? '',
    manufacturer: r.manufacturer ?? '',
    params: paramsText(r.params),
    description: r.description,
    orgName: org.name,
    category: r.category,
    city: r.city,
    orgId: String(org._id),
    priceUnit: r.price.unit,
    price: r.price.amount,
    operatorRequired: r.operatorRequired ? 'true' : 'false',
    status: r.status,
    updatedAt: r.updatedAt.getTime(),
    // Stored for the result cards (not searchable, not filterable).
    openingHours: r.openingHours.map((w) => ({ weekday: w.weekday, from: w.from, to: w.to })),
    photo: r.photos[0] ? String(r.photos[0]) : null,
  };
}

export async function instrumentDocuments(records: readonly InstrumentRecord[]): Promise<Map<string, SearchDocument | null>> {
  const ids = [...new Set(records.map((r) => String(r.org)))];
  const orgs = new Map((await OrgModel.find({ _id: { $in: ids } }, { name: 1 }).lean()).map((o) => [String(o._id), o]));
  return new Map(
    records.map((r) => {
      const org = orgs.get(String(r.org));
      return [String(r._id), org && r.status === 'active' ? toSearchDocument(r, org) : null];
    }),
  );
}

// The sync reads whole records and hands them back here; Mongoose's Model type is invariant, hence the casts.
export const instrumentIndexSource: IndexSource = {
  index: 'instruments',
  model: InstrumentModel as unknown as Model<IndexedFields>,
  toDocuments: (records) => instrumentDocuments(records as unknown as InstrumentRecord[]),
};
