/**
 * `GET /api/instruments`: the platform's search over the `instruments` index (either engine, same
 * contract). A facet being filtered on gets its counts from the same search without its own filter,
 * so the other values stay selectable (as the listings' search does).
 */
import type { InstrumentHitView, InstrumentSearchQuery, InstrumentSearchResponse } from '@kezhuan/shared';
import type { PlatformSearch } from '../../search/search.service';
import type { FilterValue, SearchHit, SearchQuery } from '../../search/types';
import { OrgModel } from '../orgs/org.model';

export const INSTRUMENT_FACETS = ['category', 'city', 'orgId', 'priceUnit', 'operatorRequired'] as const;

const SORTS: Record<InstrumentSearchQuery['sort'], SearchQuery['sort']> = {
  relevance: null,
  newest: { field: 'updatedAt', order: 'desc' },
  price_asc: { field: 'price', order: 'asc' },
  price_desc: { field: 'price', order: 'desc' },
};

/** The engine query of an API query (every field already validated by the shared schema). */
export function instrumentEngineQuery(q: InstrumentSearchQuery): SearchQuery {
  const filters: Record<string, FilterValue> = { status: 'active' };
  if (q.category?.length) {
    filters.category = q.category;
  }
  if (q.city?.length) {
    filters.city = q.city;
  }
  if (q.org?.length) {
    filters.orgId = q.org;
  }
  if (q.priceUnit?.length) {
    filters.priceUnit = q.priceUnit;
  }
  if (q.operatorRequired) {
    filters.operatorRequired = q.operatorRequired;
  }
  return { q: q.q, filters, facets: INSTRUMENT_FACETS, sort: SORTS[q.sort], page: q.page, pageSize: q.pageSize };
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function presentHit(h: SearchHit, orgNames: Map<string, string>): InstrumentHitView {
  const d = h.doc;
  const orgId = str(d.orgId);
  return {
    id: h.id,
    name: str(d.name),
    model: str(d.model) || null,
    manufacturer: str(d.manufacturer) || null,
    category: str(d.category) as InstrumentHitView['category'],
    city: str(d.city),
    org: { id: orgId, name: orgNames.get(orgId) ?? str(d.orgName) },
    price: { unit: d.priceUnit === 'sample' ? 'sample' : 'hour', amount: typeof d.price === 'number' ? d.price : 0 },
    operatorRequired: d.operatorRequired === 'true',
    openingHours: Array.isArray(d.openingHours) ? (d.openingHours as InstrumentHitView['openingHours']) : [],
    photo: str(d.photo) || null,
    highlights: h.highlights,
  };
}

export async function searchInstruments(search: PlatformSearch, query: InstrumentSearchQuery): Promise<InstrumentSearchResponse> {
  const q = instrumentEngineQuery(query);
  const r = await search.engine.query('instruments', q);
  const facets = { ...r.facets };
  const filtered = INSTRUMENT_FACETS.filter((f) => q.filters?.[f] !== undefined);
  await Promise.all(
    filtered.map(async (facet) => {
      const { [facet]: _own, ...others } = q.filters ?? {};
      const wide = await search.engine.query('instruments', { ...q, filters: others, facets: [facet], page: 1, pageSize: 1 });
      facets[facet] = wide.facets[facet] ?? {};
    }),
  );
  // Names of the institutions in the facet and the hits, from the database (the index may lag a rename).
  const ids = [...new Set([...Object.keys(facets.orgId ?? {}), ...r.hits.map((h) => str(h.doc.orgId))])].filter((id) => /^[0-9a-f]{24}$/.test(id));
  const orgs = ids.length ? await OrgModel.find({ _id: { $in: ids } }, { name: 1 }).lean() : [];
  const orgNames = new Map(orgs.map((o) => [String(o._id), o.name]));
  return {
    hits: r.hits.map((h) => presentHit(h, orgNames)),
    total: r.total,
    page: r.page,
    pageSize: r.pageSize,
    facets,
    orgNames: Object.fromEntries(orgNames),
    engine: r.engine,
  };
}
