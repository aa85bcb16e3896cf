import { z } from 'zod';
import { CITY_CODES, LIMITS, MOBILE_RE } from '../constants';

/** A MongoDB ObjectId as 24 hex characters; anything else (objects, operators) is refused. */
export const objectId = z.string().regex(/^[0-9a-f]{24}$/i, { message: 'kz.object_id' });

export const idParams = z.strictObject({ id: objectId });

export const cityCode = z.enum(CITY_CODES);

/**
 * Characters that have no business in stored text: C0/C1 controls other than tab and line breaks,
 * DEL, bidirectional overrides, embeddings and isolates (which can make a title read backwards,
 * "Trojan Source" style), zero-width spaces and a stray byte order mark.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNWANTED_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;

/** `value` without control and bidi characters (see UNWANTED_CHARACTERS). */
export const stripUnwantedCharacters = (value: string): string => value.replace(UNWANTED_CHARACTERS, '');

/**
 * A string from a person, cleaned of control and bidi characters before any other check; every
 * free-text input field starts from here (chain `.trim().min().max()` as on `z.string()`).
 */
export const inputString = () => z.string().overwrite(stripUnwantedCharacters);

export const email = inputString().trim().toLowerCase().pipe(z.email().max(254));
export const mobile = inputString().trim().regex(MOBILE_RE, { message: 'kz.mobile' });

/**
 * Runs a cross-field rule as soon as the fields it reads are valid, instead of only when the whole
 * object is (zod's default): a form then shows "price or 面议" beside a too-short title at once.
 */
export const whenValid = (...fields: readonly string[]): { when: (payload: z.core.ParsePayload) => boolean } => ({
  when: ({ issues }) => !issues.some((i) => !i.path?.length || fields.includes(String(i.path[0]))),
});

/** A plain trimmed text field with a maximum length. */
export const text = (max: number) => inputString().trim().min(1).max(max);

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
