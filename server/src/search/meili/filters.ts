import type { CheckedFilter } from '../validate';
import { EXPIRES_AT } from '../types';
import { isRange } from '../validate';

/**
 * A string literal of Meilisearch's filter language: double quotes, with backslash and quote
 * escaped, so a value can never end the literal and add conditions of its own.
 */
export function quoteFilterValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function literal(value: string | number | boolean, numeric: boolean): string {
  if (numeric) {
    return String(Number(value));
  }
  return quoteFilterValue(String(value));
}

/**
 * Translates checked filters (attribute names come from search-config, never from the request)
 * into Meilisearch filter expressions, ANDed by the array: `a = "x"`, `a IN ["x", "y"]`,
 * `a >= 1`, `a <= 2`. Keyword attributes always compare as strings (city "220100").
 */
export function toMeiliFilter(filters: readonly CheckedFilter[], activeAt?: number): string[] {
  const out: string[] = [];
  if (activeAt !== undefined) {
    // Documents indexed before expiresAt existed (or never expiring) stay visible.
    out.push(`(${EXPIRES_AT} NOT EXISTS OR ${EXPIRES_AT} IS NULL OR ${EXPIRES_AT} >= ${literal(activeAt, true)})`);
  }
  for (const f of filters) {
    const value = f.value;
    if (isRange(value)) {
      if (value.min !== undefined) {
        out.push(`${f.field} >= ${literal(value.min, true)}`);
      }
      if (value.max !== undefined) {
        out.push(`${f.field} <= ${literal(value.max, true)}`);
      }
      continue;
    }
    const numeric = f.kind === 'number';
    if (Array.isArray(value)) {
      out.push(`${f.field} IN [${value.map((v: string | number) => literal(v, numeric)).join(', ')}]`);
    } else {
      out.push(`${f.field} = ${literal(value as string | number | boolean, numeric)}`);
    }
  }
  return out;
}
