import type { CheckedFilter } from '../validate';
import { EXPIRES_AT } from '../types';
import { isRange } from '../validate';
import { col, ident, type IndexLayout } from './schema';

/** SQL conditions on the documents table (alias `d`) with their parameters. */
export interface SqlWhere {
  sql: string[];
  params: (string | number)[];
}

const scalar = (v: string | number | boolean, numeric: boolean): string | number =>
  numeric ? Number(v) : String(v);

/**
 * Translates checked filters into SQL: one value is `=`, several are `IN` (any of), a range is
 * `>=`/`<=`; multi-valued attributes test the side table. Every value is a bound parameter.
 */
export function filterSql(filters: readonly CheckedFilter[], l: IndexLayout, activeAt?: number): SqlWhere {
  const where: SqlWhere = { sql: [], params: [] };
  if (activeAt !== undefined && l.columns.has(EXPIRES_AT)) {
    where.sql.push(`(d.${col(EXPIRES_AT)} IS NULL OR d.${col(EXPIRES_AT)} >= ?)`);
    where.params.push(activeAt);
  }
  for (const f of filters) {
    const value = f.value;
    if (isRange(value)) {
      if (value.min !== undefined) {
        where.sql.push(`d.${col(f.field)} >= ?`);
        where.params.push(value.min);
      }
      if (value.max !== undefined) {
        where.sql.push(`d.${col(f.field)} <= ?`);
        where.params.push(value.max);
      }
      continue;
    }
    const numeric = f.kind === 'number';
    const values = (Array.isArray(value) ? value : [value]).map((v: string | number | boolean) => scalar(v, numeric));
    const marks = values.map(() => '?').join(', ');
    if (l.multiValued.has(f.field)) {
      where.sql.push(`d.rid IN (SELECT rid FROM ${ident(l.multi)} WHERE attr = ? AND value IN (${marks}))`);
      where.params.push(f.field, ...values.map(String));
    } else {
      where.sql.push(`d.${col(f.field)} IN (${marks})`);
      where.params.push(...values);
    }
  }
  return where;
}
