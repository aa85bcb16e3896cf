/** A plan's dashboard as a workbook: overview, targets × years, targets × cities, and the manual entries with evidence. */
import { CITIES, type PlanDashboardView } from '@kezhuan/shared';
import { excel } from '../../lib/excel';

type Locale = 'zh' | 'en';

const T = {
  zh: {
    overview: '总览', years: '按年度', cities: '按市州', entries: '录入明细', target: '指标', unit: '单位', goal: '目标值', value: '完成数',
    percent: '完成率', source: '数据来源', counter: '平台记录', manual: '人工录入', perYear: '（每年）', unknown: '未注明市州', total: '合计',
    city: '市州', year: '年度', count: '数量', evidence: '佐证材料', url: '佐证链接', updated: '最后修改',
  },
  en: {
    overview: 'Overview', years: 'By year', cities: 'By city', entries: 'Entries', target: 'Target', unit: 'Unit', goal: 'Target value', value: 'Achieved',
    percent: 'Progress', source: 'Source', counter: 'Platform records', manual: 'Manual entries', perYear: ' (per year)', unknown: 'City not given', total: 'Total',
    city: 'City', year: 'Year', count: 'Count', evidence: 'Evidence', url: 'Evidence link', updated: 'Last changed',
  },
} as const;

export async function planWorkbook(d: PlanDashboardView, locale: Locale): Promise<Buffer> {
  const t = T[locale];
  const wb = new (excel().Workbook)();
  wb.creator = '科转 Kezhuan';
  const sheet = (name: string, head: (string | number)[]) => {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
    ws.addRow(head).font = { bold: true };
    ws.columns.forEach((c, i) => {
      c.width = i === 0 ? 40 : 14;
    });
    return ws;
  };
  const label = (k: PlanDashboardView['targets'][number]) => (locale === 'en' ? k.en : k.zh);
  const ov = sheet(t.overview, [t.target, t.unit, t.goal, t.value, t.percent, t.source]);
  for (const k of d.targets) {
    ov.addRow([
      label(k) + (k.perYear ? t.perYear : ''), locale === 'en' ? k.unitEn : k.unitZh, k.periodTarget, k.value,
      k.periodTarget > 0 ? Math.round((k.value / k.periodTarget) * 1000) / 1000 : '', k.source === 'counter' ? t.counter : t.manual,
    ]);
  }
  ov.getColumn(5).numFmt = '0.0%';
  const ys = sheet(t.years, [t.target, ...d.years, t.total]);
  for (const k of d.targets) {
    ys.addRow([label(k), ...d.years.map((y) => k.byYear[String(y)] ?? 0), k.value]);
  }
  const hasUnknown = d.targets.some((k) => (k.byCity['-'] ?? 0) > 0);
  const cities = [...CITIES.map((c) => ({ code: c.code as string, name: c[locale] })), ...(hasUnknown ? [{ code: '-', name: t.unknown }] : [])];
  const cs = sheet(t.cities, [t.target, ...cities.map((c) => c.name), t.total]);
  for (const k of d.targets) {
    cs.addRow([label(k), ...cities.map((c) => k.byCity[c.code] ?? 0), k.value]);
  }
  if (d.entries) {
    const es = sheet(t.entries, [t.target, t.city, t.year, t.count, t.evidence, t.url, t.updated]);
    es.getColumn(5).width = 60;
    const names = new Map(d.targets.map((k) => [k.key, label(k)]));
    for (const e of d.entries) {
      es.addRow([names.get(e.target) ?? e.target, CITIES.find((c) => c.code === e.city)?.[locale] ?? e.city, e.year, e.count, e.evidence, e.evidenceUrl ?? '', e.updatedAt.slice(0, 10)]);
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
