import { IMPORT_COLUMNS, IMPORT_LIMITS, type ImportFormat, type ImportKind } from '@kezhuan/shared';

/**
 * The import format of a file name (as the server tells it: .csv, .xlsx, .jsonl or .ndjson), or null
 * for a file the import cannot read (.xls, .txt, none).
 */
export function formatFromName(name: string): ImportFormat | null {
  const ext = /\.([a-z]+)$/i.exec(name.trim())?.[1]?.toLowerCase();
  if (ext === 'csv' || ext === 'xlsx') {
    return ext;
  }
  return ext === 'jsonl' || ext === 'ndjson' ? 'jsonl' : null;
}

/**
 * The file name sent with an upload: the server refuses path, reserved and control characters and
 * names over 200 characters, so those are replaced or shortened here (keeping the extension).
 */
export function uploadName(name: string): string {
  const clean = [...name.trim()].map((ch) => (/[\\/:*?"<>|]/.test(ch) || ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127 ? '_' : ch)).join('');
  const chars = [...(clean || 'import')];
  if (chars.length <= IMPORT_LIMITS.nameMax) {
    return chars.join('');
  }
  const ext = /\.[a-z]{1,6}$/i.exec(clean)?.[0] ?? '';
  return chars.slice(0, IMPORT_LIMITS.nameMax - ext.length).join('') + ext;
}

/** A bilingual label such as "文件 file": Chinese first, then the English words. */
const BILINGUAL = /^([^\sA-Za-z][^\s]*) ([A-Za-z][\w .-]*)$/;

/**
 * The column an error points at, in the UI language. The report names the column by the file's own
 * header (Chinese template labels, aliases or field names); in English known columns get their
 * English name.
 */
export function columnLabel(kind: ImportKind, field: string, locale: string): string {
  const bilingual = BILINGUAL.exec(field);
  if (bilingual) {
    return locale === 'en' ? bilingual[2]! : bilingual[1]!;
  }
  if (locale !== 'en') {
    return field;
  }
  const column = IMPORT_COLUMNS[kind].find((c) => c.zh === field || c.key === field || c.aliases?.includes(field));
  return column ? column.en : field;
}
