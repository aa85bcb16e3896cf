/**
 * The instrument catalogue's API (issue 16): search query over the `instruments` index, the views an
 * instrument leaves the server in, and the photo upload. The input and vocabulary are in instrument.ts.
 */
import { z } from 'zod';
import { CITY_CODES } from '../constants';
import { inputString, objectId, pagination } from './common';
import { INSTRUMENT_CATEGORY_CODES, INSTRUMENT_STATUSES } from './instrument';

const multi = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.enum(values), z.array(z.enum(values)).max(values.length)])
    .transform((v) => (Array.isArray(v) ? v : [v]) as T[number][])
    .optional();

export const INSTRUMENT_SORTS = ['relevance', 'newest', 'price_asc', 'price_desc'] as const;

/** `GET /api/instruments`: words, facets (category, city, institution, price unit, operator), a page. */
export const instrumentSearchQuery = z.strictObject({
  q: inputString().trim().max(200).default(''),
  category: multi(INSTRUMENT_CATEGORY_CODES),
  city: multi(CITY_CODES),
  /** Institutions (organisation ids). */
  org: z.union([objectId, z.array(objectId).max(20)]).transform((v) => (Array.isArray(v) ? v : [v])).optional(),
  priceUnit: multi(['hour', 'sample'] as const),
  operatorRequired: z.enum(['true', 'false']).optional(),
  sort: z.enum(INSTRUMENT_SORTS).default('relevance'),
  ...pagination,
});
export type InstrumentSearchQuery = z.infer<typeof instrumentSearchQuery>;

const orgRef = z.object({ id: objectId, name: z.string() });
const price = z.object({ unit: z.enum(['hour', 'sample']), amount: z.number() });
const window = z.object({ weekday: z.number().int(), from: z.string(), to: z.string() });

/** One search hit: enough for a result card (price, opening summary, institution). */
export const instrumentHitView = z.object({
  id: objectId,
  name: z.string(),
  model: z.string().nullable(),
  manufacturer: z.string().nullable(),
  category: z.enum(INSTRUMENT_CATEGORY_CODES),
  city: z.string(),
  org: orgRef,
  price,
  operatorRequired: z.boolean(),
  openingHours: z.array(window),
  /** First photo's id, if any. */
  photo: objectId.nullable(),
  /** field → highlighted HTML (name, model, description …). */
  highlights: z.record(z.string(), z.string()),
});
export type InstrumentHitView = z.infer<typeof instrumentHitView>;

export const instrumentSearchResponse = z.object({
  hits: z.array(instrumentHitView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  facets: z.record(z.string(), z.record(z.string(), z.number().int())),
  /** Institution id → name, for the institution facet's labels. */
  orgNames: z.record(z.string(), z.string()),
  engine: z.enum(['meilisearch', 'embedded']),
});
export type InstrumentSearchResponse = z.infer<typeof instrumentSearchResponse>;

/** An instrument as its page shows it. `mine`: the caller is a member of its institution (may edit). */
export const instrumentView = z.object({
  id: objectId,
  org: orgRef.extend({ type: z.string(), city: z.string().nullable() }),
  name: z.string(),
  model: z.string().nullable(),
  manufacturer: z.string().nullable(),
  category: z.enum(INSTRUMENT_CATEGORY_CODES),
  city: z.string(),
  address: z.string(),
  description: z.string(),
  params: z.array(z.object({ name: z.string(), value: z.string() })),
  sampleRequirements: z.string().nullable(),
  price,
  operatorRequired: z.boolean(),
  openingHours: z.array(window),
  photos: z.array(objectId),
  status: z.enum(INSTRUMENT_STATUSES),
  mine: z.boolean(),
  updatedAt: z.string(),
});
export type InstrumentView = z.infer<typeof instrumentView>;

export const instrumentListView = z.object({ items: z.array(instrumentView), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export type InstrumentListView = z.infer<typeof instrumentListView>;

export const instrumentMineQuery = z.strictObject({ ...pagination });

/** Photos: PNG or JPEG (checked by content), at most 5 MB. */
export const INSTRUMENT_PHOTO_MIMES = ['image/png', 'image/jpeg'] as const;
export const INSTRUMENT_PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const instrumentPhotoView = z.object({ id: objectId, mime: z.enum(INSTRUMENT_PHOTO_MIMES), size: z.number().int() });
export type InstrumentPhotoView = z.infer<typeof instrumentPhotoView>;
export const instrumentPhotoParams = z.strictObject({ id: objectId, photoId: objectId });
export const instrumentPhotoQuery = z.strictObject({ name: inputString().trim().min(1).max(120) });
