/**
 * A query as the services build it: the filter and the order of a page (or of a count, a sweep).
 * Services export the function that builds each one, use it themselves, and the explain test
 * (`query-plans.int.test.ts`) runs the very same specs against the database's planner.
 */
export interface QuerySpec {
  filter: Record<string, unknown>;
  sort?: Record<string, 1 | -1>;
}

/**
 * The lower bound an unfiltered list puts on its sort key, so the server reads it through that
 * key's index (FerretDB 2/DocumentDB plans an unfiltered find as a scan of the whole table).
 */
export const SINCE_EVER = new Date(0);
