/** Import files for tests and the benchmark: rows as people write them, in each format. */
import type { ImportJobView } from '@kezhuan/shared';
import ExcelJS from 'exceljs';
import type { Types } from 'mongoose';
import { csvLine, UTF8_BOM } from './csv';
import { startImport } from './import.service';

export type Row = Record<string, string>;

/** A research result row with Chinese headers; `i` makes the title unique. */
export function resultRow(orgUscc: string, i: number, overrides: Row = {}): Row {
  return {
    机构统一社会信用代码: orgUscc,
    成果名称: `寒地玉米秸秆生物降解材料制备技术${i}`,
    成果简介: '以东北玉米秸秆为原料，经预处理、酶解和发酵制备乳酸，再聚合得到可降解材料，已完成中试。',
    关键词: '玉米秸秆；可降解材料；发酵',
    学科: '530',
    行业: 'C28',
    成熟度: '中试',
    技术就绪度: '6',
    转化方式: '许可，合作开发',
    '价格（元）': i % 2 === 0 ? '面议' : '80万',
    所在市: '长春',
    知识产权: '发明专利|ZL201410345054.1|已授权',
    联系人: '王老师',
    联系电话: '13943100001',
    联系邮箱: 'wang.lab@jlu.edu.cn',
    ...overrides,
  };
}

/** A technology need as a JSONL object in the API's own shape (field names, nested contact). */
export function needObject(orgUscc: string, i: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    orgUscc,
    title: `汽车轻量化碳纤维部件快速成型${i}`,
    problem: '现有热压罐工艺成型周期超过两小时，单件成本高，需要适合大批量生产的快速成型工艺。',
    desiredOutcome: '单件成型周期缩短到5分钟以内',
    keywords: ['碳纤维', '轻量化'],
    industry: 'C36',
    budgetMin: 500000,
    budgetMax: 2000000,
    cooperationModes: ['commissioned'],
    city: '220100',
    confidentiality: 'public',
    contact: { name: '李工', phone: '0431-85900001', email: 'li@faw-demo.cn' },
    ...overrides,
  };
}

export function csvOf(rows: readonly Row[], bom = true): string {
  const headers = Object.keys(rows[0] ?? {});
  return (bom ? UTF8_BOM : '') + [csvLine(headers), ...rows.map((r) => csvLine(headers.map((h) => r[h] ?? '')))].join('');
}

export function jsonlOf(objects: readonly Record<string, unknown>[]): string {
  return objects.map((o) => JSON.stringify(o)).join('\n') + '\n';
}

/** A workbook whose first sheet holds the rows (cells may be numbers, dates or formulas). */
export async function xlsxOf(rows: readonly Record<string, ExcelJS.CellValue>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('数据');
  const headers = Object.keys(rows[0] ?? {});
  ws.addRow(headers);
  for (const r of rows) {
    ws.addRow(headers.map((h) => r[h] ?? null));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

let gbTable: Map<string, number[]> | undefined;

/**
 * Text as GB18030 (what Chinese Excel writes for plain "CSV"). Node decodes GB18030 but cannot
 * encode it, so the two-byte table is built by decoding every code once.
 */
export function encodeGb18030(text: string): Buffer {
  if (!gbTable) {
    gbTable = new Map();
    const dec = new TextDecoder('gb18030');
    for (let hi = 0x81; hi <= 0xfe; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        if (lo !== 0x7f) {
          const ch = dec.decode(new Uint8Array([hi, lo]));
          if (ch.length === 1 && ch !== '\uFFFD' && !gbTable.has(ch)) {
            gbTable.set(ch, [hi, lo]);
          }
        }
      }
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    const gb = gbTable.get(ch);
    if (code < 0x80) {
      bytes.push(code);
    } else if (gb) {
      bytes.push(...gb);
    } else {
      throw new Error(`no two-byte GB18030 code for ${ch}`);
    }
  }
  return Buffer.from(bytes);
}

/** Imports `n` generated results (CSV, published) and words the measured rates in one line. */
export async function importGenerated(n: number, orgUscc: string, actor: { id: Types.ObjectId; name: string }): Promise<{ job: ImportJobView; line: string }> {
  const csv = Buffer.from(csvOf(Array.from({ length: n }, (_, i) => resultRow(orgUscc, i))));
  const heapBefore = process.memoryUsage().heapUsed;
  let heapPeak = heapBefore;
  const started = Date.now();
  const { done } = await startImport({
    kind: 'results', format: 'csv', filename: `volume-${n}.csv`, publish: true, bytes: csv, actor,
    onProgress: () => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)),
  });
  const job = await done;
  const rate = (ms: number | null) => (ms ? Math.round((n * 1000) / ms) : 0);
  const line =
    `[import volume] ${n} rows, ${(csv.byteLength / 1e6).toFixed(1)} MB CSV: ` +
    `validate ${job.validateMs} ms (${rate(job.validateMs)} rows/s), commit ${job.commitMs} ms (${rate(job.commitMs)} rows/s), ` +
    `wall ${Date.now() - started} ms; heap +${((heapPeak - heapBefore) / 1e6).toFixed(0)} MB at most`;
  return { job, line };
}
