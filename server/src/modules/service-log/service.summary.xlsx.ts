/** The programme dashboard's tables as one workbook: a sheet per grouping, headed in zh or en. */
import { summaryKeyLabel, type ServiceSummaryRow, type ServiceSummaryView, type SummaryGrouping } from '@kezhuan/shared';
import { excel } from '../../lib/excel';

type Locale = 'zh' | 'en';

const HEAD: Record<Locale, string[]> = {
  zh: ['分组', '特派员（已批准）', '服务企业', '在服配对', '确认服务工时', '平均评分'],
  en: ['Group', 'Commissioners (approved)', 'Enterprises served', 'Active pairings', 'Confirmed hours', 'Mean rating'],
};
const SHEETS: Record<Locale, Record<'total' | SummaryGrouping, string>> = {
  zh: { total: '总体', city: '按市州', county: '按区县', industry: '按行业' },
  en: { total: 'Overall', city: 'By city', county: 'By county', industry: 'By industry' },
};

const cells = (label: string, r: ServiceSummaryRow) => [label, r.commissioners, r.enterprises, r.activePairings, r.confirmedHours, r.meanRating ?? ''];

/** Builds the workbook in memory (a few hundred rows at most) and answers its bytes. */
export async function summaryWorkbook(s: ServiceSummaryView, locale: Locale): Promise<Buffer> {
  const wb = new (excel().Workbook)();
  wb.creator = '科转 Kezhuan';
  const sheet = (name: string) => {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(HEAD[locale]).font = { bold: true };
    ws.columns.forEach((c, i) => {
      c.width = i === 0 ? 28 : 16;
    });
    return ws;
  };
  const total = sheet(SHEETS[locale].total);
  total.addRow(cells(locale === 'zh' ? `${s.term} 年度合计` : `Term ${s.term}`, s.total));
  const target = locale === 'zh' ? '计划目标' : 'Plan target';
  total.addRow([target, s.target.commissioners, s.target.enterprises]);
  for (const g of ['city', 'county', 'industry'] as const) {
    const rows = g === 'city' ? s.byCity : g === 'county' ? s.byCounty : s.byIndustry;
    const ws = sheet(SHEETS[locale][g]);
    for (const r of rows) {
      ws.addRow(cells(summaryKeyLabel(g, r.key, locale), r));
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
