/**
 * From a file's rows to API inputs: the header names the columns, each cell is parsed, and the zod
 * schema of the API checks the whole. Every problem comes back as `{ row, field, message,
 * messageEn }`, `field` being the header the user wrote.
 */
import { describeIssue, type ImportColumn } from '@kezhuan/shared';
import type { z } from 'zod';
import type { KindColumns } from './import.columns';
import { ImportFileError, type RowError } from './import.errors';

/** A row as (field as written, column, value) entries. */
export interface RawRecord {
  row: number;
  entries: { field: string; column: ImportColumn | undefined; value: unknown }[];
}

/** The columns of a CSV/XLSX file from its header row; unknown, repeated or missing columns fail the file. */
export function resolveHeader(kc: KindColumns, row: number, cells: readonly string[]): (ImportColumn | undefined)[] {
  const columns: (ImportColumn | undefined)[] = [];
  const seen = new Set<string>();
  const problems: RowError[] = [];
  cells.forEach((raw, i) => {
    const header = raw.replace(/^\uFEFF/, '').trim();
    if (!header) {
      columns[i] = undefined; // Excel often carries empty columns at the right
      return;
    }
    const column = kc.byHeader(header);
    if (!column) {
      problems.push({ row, field: header, message: `无法识别的列“${header}”，请使用模板中的列名`, messageEn: `Unknown column "${header}"; use the template's headers` });
    } else if (seen.has(column.key)) {
      problems.push({ row, field: header, message: `列“${header}”重复`, messageEn: `Column "${header}" appears twice` });
    } else {
      seen.add(column.key);
    }
    columns[i] = column;
  });
  for (const c of kc.columns) {
    if (c.required && !seen.has(c.key)) {
      problems.push({ row, field: c.zh, message: `缺少必填列“${c.zh}”`, messageEn: `Required column "${c.zh}" (${c.key}) is missing` });
    }
  }
  if (problems.length > 0) {
    throw new HeaderError(problems);
  }
  return columns;
}

/** The header row is wrong: the job fails with these problems and no row is read. */
export class HeaderError extends ImportFileError {
  constructor(readonly problems: RowError[]) {
    super(problems.map((p) => p.message).join('；'), problems.map((p) => p.messageEn).join('; '), problems[0]?.row ?? 1, problems[0]?.field);
  }
}

/** A CSV/XLSX data row as entries; null when the row is blank. */
export function tabularRecord(columns: readonly (ImportColumn | undefined)[], headers: readonly string[], src: { row: number; cells: string[] }): RawRecord | null {
  const entries: RawRecord['entries'] = [];
  let blank = true;
  src.cells.forEach((cell, i) => {
    const value = cell.trim();
    if (!value) {
      return;
    }
    blank = false;
    const column = columns[i];
    if (column) {
      entries.push({ field: headers[i] ?? column.zh, column, value });
    } else if (i >= columns.length || headers[i] === '') {
      entries.push({ field: `第 ${i + 1} 列`, column: undefined, value });
    }
  });
  return blank ? null : { row: src.row, entries };
}

/** A JSONL object as entries: keys are field names, dotted paths or Chinese labels. */
export function jsonRecord(kc: KindColumns, row: number, object: Record<string, unknown>): RawRecord {
  return { row, entries: Object.entries(object).map(([field, value]) => ({ field, column: kc.byHeader(field), value })) };
}

export interface ParsedRecord {
  input: Record<string, unknown>;
  /** Columns whose cell could not be parsed (their zod issues would only repeat the problem). */
  failed: Set<string>;
  errors: RowError[];
  /** The field name each column was given under in this row. */
  names: Map<string, string>;
}

/**
 * Parses every cell of a record into an input object. Top-level fields of the schema (`contact`,
 * `negotiable`, `ip` as objects in JSONL) pass through; other unknown fields are errors.
 */
export function parseRecord(kc: KindColumns, rec: RawRecord, topLevel: ReadonlySet<string>): ParsedRecord {
  const out: ParsedRecord = { input: {}, failed: new Set(), errors: [], names: new Map() };
  for (const { field, column, value } of rec.entries) {
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      continue;
    }
    if (!column) {
      if (topLevel.has(field)) {
        out.input[field] = value;
      } else {
        out.errors.push({ row: rec.row, field, message: `无法识别的字段“${field}”`, messageEn: `Unknown field "${field}"` });
      }
      continue;
    }
    out.names.set(column.key, field);
    if (typeof value !== 'string' && typeof value !== 'number') {
      setPath(out.input, column.key, value); // arrays and objects from JSONL, as the API takes them
      continue;
    }
    const parsed = kc.parser(column.key)(String(value).trim(), column.key);
    if ('error' in parsed) {
      out.failed.add(column.key);
      out.errors.push({ row: rec.row, field, message: parsed.error.zh, messageEn: parsed.error.en });
    } else {
      for (const [path, v] of parsed.set) {
        setPath(out.input, path, v);
      }
    }
  }
  return out;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const [head = '', ...rest] = path.split('.');
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  const inner = target[head];
  const obj = typeof inner === 'object' && inner !== null && !Array.isArray(inner) ? (inner as Record<string, unknown>) : {};
  target[head] = obj;
  setPath(obj, rest.join('.'), value);
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const key of path) {
    v = typeof v === 'object' && v !== null ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return v;
}

const PART_NAMES: Record<string, string> = {
  type: '类型', number: '编号', status: '状态', name: '姓名', role: '角色', metric: '指标', value: '数值', unit: '单位', baseline: '对比基准',
};

/** zod issues as row errors on the columns they concern; issues on columns that failed to parse are dropped. */
export function issueErrors(kc: KindColumns, row: number, issues: readonly z.core.$ZodIssue[], parsed: ParsedRecord): RowError[] {
  const out: RowError[] = [];
  for (const issue of issues) {
    const column = kc.forPath(issue.path);
    if (column && parsed.failed.has(column.key)) {
      continue;
    }
    // A missing value says so, whatever the schema (zod reports a missing enum as invalid_value).
    const missing = (issue.code === 'invalid_type' || issue.code === 'invalid_value') && valueAt(parsed.input, issue.path) === undefined;
    const words = missing ? { zh: '此项必填', en: 'Required' } : describeIssue(issue);
    const index = issue.path.find((p) => typeof p === 'number');
    const part = typeof index === 'number' ? issue.path[issue.path.indexOf(index) + 1] : undefined;
    const partZh = typeof part === 'string' ? (PART_NAMES[part] ?? part) : '';
    const prefix =
      typeof index === 'number'
        ? { zh: `第 ${index + 1} 项${partZh ? `的${partZh}` : ''}：`, en: `Item ${index + 1}${typeof part === 'string' ? ` (${part})` : ''}: ` }
        : { zh: '', en: '' };
    const field = column ? (parsed.names.get(column.key) ?? column.zh) : issue.path.map(String).join('.') || '行 row';
    out.push({ row, field, message: prefix.zh + words.zh, messageEn: prefix.en + words.en });
  }
  return out;
}
