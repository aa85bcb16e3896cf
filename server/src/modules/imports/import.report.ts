/** The error report of an import as CSV: 行号, 字段, 错误 (Chinese), error (English). */
import { csvLine, UTF8_BOM } from './csv';
import { readErrors } from './import.staging';

/** The report in chunks of about 64 KB (streamed to the browser or to a file). */
export async function* errorReportCsv(jobId: string): AsyncGenerator<string> {
  yield UTF8_BOM + csvLine(['行号 Row', '字段 Field', '错误', 'Error']);
  let chunk = '';
  for await (const e of readErrors(jobId)) {
    chunk += csvLine([e.row, e.field, e.message, e.messageEn]);
    if (chunk.length >= 1 << 16) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) {
    yield chunk;
  }
}

/** The report's file name for an uploaded file name: 成果.xlsx → 成果-错误报告.csv */
export function reportFileName(filename: string): string {
  return `${filename.replace(/\.[^.]+$/, '')}-错误报告.csv`;
}
