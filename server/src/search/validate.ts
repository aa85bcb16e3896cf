import type { FilterKind, IndexConfig } from '@kezhuan/search-config';
import type { FilterValue, SearchDocument, SearchQuery } from './types';

/** A query that names an attribute the index does not allow, or has a malformed value. */
export class SearchQueryError extends Error {
  override name = 'SearchQueryError';
  readonly code = 'INVALID_SEARCH_QUERY';
}

/** A filter checked against the config, with the kind of its attribute. */
export interface CheckedFilter {
  field: string;
  kind: FilterKind;
  value: FilterValue;
}

/** True for a `{ min?, max? }` range filter. */
export function isRange(value: FilterValue): value is { min?: number; max?: number } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkValue(field: string, kind: FilterKind, value: FilterValue): void {
  const fail = (why: string) => {
    throw new SearchQueryError(`filter ${field}: ${why}`);
  };
  if (isRange(value)) {
    if (kind !== 'number') {
      fail('a range needs a numeric attribute');
    }
    for (const bound of [value.min, value.max]) {
      if (bound !== undefined && !Number.isFinite(bound)) {
        fail('range bounds must be finite numbers');
      }
    }
    return;
  }
  const values = Array.isArray(value) ? value : [value];
  if (Array.isArray(value) && value.length === 0) {
    fail('an empty list matches nothing');
  }
  for (const v of values) {
    if (typeof v === 'number' ? !Number.isFinite(v) : typeof v !== 'string' && typeof v !== 'boolean') {
      fail('values must be strings, finite numbers or booleans');
    }
    if (kind === 'number' && typeof v !== 'number') {
      fail('a numeric attribute takes numbers');
    }
  }
}

/**
 * Checks a query against the index config (the same rules in both engines): filters and facets on
 * filterable attributes only, sort on sortable ones, page and pageSize positive integers.
 * Returns the filters with their kinds. Throws SearchQueryError.
 */
export function checkQuery(config: IndexConfig, query: SearchQuery): CheckedFilter[] {
  const kinds = new Map(config.filterable.map((a) => [a.name, a.kind]));
  if (!Number.isInteger(query.page) || query.page < 1 || !Number.isInteger(query.pageSize) || query.pageSize < 1) {
    throw new SearchQueryError('page and pageSize must be positive integers');
  }
  if (query.pageSize > 1000) {
    throw new SearchQueryError('pageSize is at most 1000');
  }
  if (query.activeAt !== undefined && !Number.isFinite(query.activeAt)) {
    throw new SearchQueryError('activeAt must be a finite number');
  }
  if (query.sort && !config.sortable.includes(query.sort.field)) {
    throw new SearchQueryError(`${query.sort.field} is not sortable`);
  }
  for (const facet of query.facets ?? []) {
    if (!kinds.has(facet)) {
      throw new SearchQueryError(`${facet} is not a facet`);
    }
  }
  const checked: CheckedFilter[] = [];
  for (const [field, value] of Object.entries(query.filters ?? {})) {
    const kind = kinds.get(field);
    if (!kind) {
      throw new SearchQueryError(`${field} is not filterable`);
    }
    checkValue(field, kind, value);
    checked.push({ field, kind, value });
  }
  return checked;
}

/** Checks the two fields every indexed document must have (a non-empty string id and a numeric `_v`). */
export function assertDocument(doc: SearchDocument): void {
  if (typeof doc.id !== 'string' || doc.id.length === 0 || typeof doc._v !== 'number' || !Number.isFinite(doc._v)) {
    throw new Error('search document needs a non-empty string id and a numeric _v');
  }
}
