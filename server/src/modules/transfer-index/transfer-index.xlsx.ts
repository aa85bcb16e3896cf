/** The administrators' ranking as one XLSX sheet: rank, institution, score, each indicator's raw value and contribution; a second sheet with the formula. */
import { TRANSFER_INDICATORS, transferIndicatorLabel } from '@kezhuan/shared';
import { excel } from '../../lib/excel';
import type { rankingForExport } from './transfer-index.service';

type Locale = 'zh' | 'en';
const T = {
  zh: { sheet: '转化评价排名', formula: '指标与权重', rank: '排名', org: '机构', type: '类型', city: '市州代码', score: '综合得分', raw: '原始值', part: '得分', indicator: '指标', weight: '权重', norm: '归一化', version: '权重版本', year: '年度', university: '高等院校', institute: '科研院所' },
  en: { sheet: 'Transformation index', formula: 'Indicators and weights', rank: 'Rank', org: 'Institution', type: 'Type', city: 'City code', score: 'Score', raw: 'raw', part: 'points', indicator: 'Indicator', weight: 'Weight', norm: 'Normalisation', version: 'Weights version', year: 'Year', university: 'University', institute: 'Institute' },
} as const;

export async function transferIndexWorkbook(data: Awaited<ReturnType<typeof rankingForExport>>, locale: Locale): Promise<Buffer> {
  const t = T[locale];
  const wb = new (excel().Workbook)();
  wb.creator = '科转 Kezhuan';
  const ws = wb.addWorksheet(t.sheet, { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  const head = [t.rank, t.org, t.type, t.city, t.score, ...TRANSFER_INDICATORS.flatMap((i) => [`${transferIndicatorLabel(i.key, locale)} (${t.raw})`, `${transferIndicatorLabel(i.key, locale)} (${t.part})`])];
  ws.addRow(head).font = { bold: true };
  for (const r of data.rows) {
    ws.addRow([r.rank, r.facts.name, t[r.facts.type], r.facts.city, r.score, ...r.indicators.flatMap((i) => [i.raw, i.contribution])]);
  }
  ws.columns.forEach((c, i) => {
    c.width = i === 1 ? 30 : 12;
  });
  const f = wb.addWorksheet(t.formula);
  f.addRow([t.indicator, t.weight, t.norm]).font = { bold: true };
  f.addRows(TRANSFER_INDICATORS.map((i) => [transferIndicatorLabel(i.key, locale), data.formula.weights[i.key], i.normalisation]));
  f.addRow([]);
  f.addRow([t.version, data.formula.version]);
  f.addRow([t.year, data.year]);
  f.columns.forEach((c, i) => {
    c.width = i === 0 ? 36 : 14;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
