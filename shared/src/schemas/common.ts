import { z } from 'zod';
import { CITY_CODES, LIMITS, MOBILE_RE } from '../constants';

/** A MongoDB ObjectId as 24 hex characters; anything else (objects, operators) is refused. */
export const objectId = z.string().regex(/^[0-9a-f]{24}$/i, { message: 'kz.object_id' });

export const idParams = z.strictObject({ id: objectId });

export const email = z.string().trim().toLowerCase().pipe(z.email().max(254));
export const mobile = z.string().trim().regex(MOBILE_RE, { message: 'kz.mobile' });
export const cityCode = z.enum(CITY_CODES);

/** A plain trimmed text field with a maximum length. */
/**
 * Runs a cross-field rule as soon as the fields it reads are valid, instead of only when the whole
 * object is (zod's default): a form then shows "price or 面议" beside a too-short title at once.
 */
export const whenValid = (...fields: readonly string[]): { when: (payload: z.core.ParsePayload) => boolean } => ({
  when: ({ issues }) => !issues.some((i) => !i.path?.length || fields.includes(String(i.path[0]))),
});

export const text = (max: number) => z.string().trim().min(1).max(max);

/** Page and size as they arrive in a query string. */
export const pagination = {
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(20),
};

/** A page of items as every list endpoint answers. */
export interface Paginated<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const paginated = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
