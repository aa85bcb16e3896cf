/** What leaves the server of an instrument: whitelisted fields, names for ids, no photo keys, no authors. */
import type { InstrumentView } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { OrgModel } from '../orgs/org.model';
import type { InstrumentRecord } from './instrument.model';

export interface OrgInfo {
  name: string;
  type: string;
  city: string | null;
}

export async function orgInfos(ids: readonly Types.ObjectId[]): Promise<Map<string, OrgInfo>> {
  const unique = [...new Set(ids.map(String))];
  const rows = unique.length ? await OrgModel.find({ _id: { $in: unique } }, { name: 1, type: 1, city: 1 }).lean() : [];
  return new Map(rows.map((o) => [String(o._id), { name: o.name, type: String(o.type), city: (o.city as string | undefined) ?? null }]));
}

export function presentInstrument(r: InstrumentRecord, orgs: Map<string, OrgInfo>, mine: boolean): InstrumentView {
  const org = orgs.get(String(r.org));
  return {
    id: String(r._id),
    org: { id: String(r.org), name: org?.name ?? '', type: org?.type ?? '', city: org?.city ?? null },
    name: r.name,
    model: r.model,
    manufacturer: r.manufacturer,
    category: r.category,
    city: r.city,
    address: r.address,
    description: r.description,
    params: r.params.map((p) => ({ name: p.name, value: p.value })),
    sampleRequirements: r.sampleRequirements,
    price: { unit: r.price.unit, amount: r.price.amount },
    operatorRequired: r.operatorRequired,
    openingHours: r.openingHours.map((w) => ({ weekday: w.weekday, from: w.from, to: w.to })),
    photos: r.photos.map(String),
    status: r.status,
    mine,
    updatedAt: r.updatedAt.toISOString(),
  };
}
