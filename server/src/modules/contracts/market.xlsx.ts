/** The administrators' market figures as one workbook: a sheet per grouping, headed in zh or en. */
import { CITIES, DEAL_STAGES, INDUSTRIES, contractTypeLabel, type AdminMarketStatsView, type MarketGroupRow } from '@kezhuan/shared';
import { excel } from '../../lib/excel';

type Locale = 'zh' | 'en';

const T = {
  zh: {
    overview: '总览', stages: '洽谈阶段', type: '按合同类型', city: '按市州', industry: '按行业', month: '按月份', intermediary: '按中介机构',
    group: '分组', count: '合同数', amount: '合同金额（元）', rooms: '洽谈室数', stage: '阶段', none: '未填写', direct: '无中介（直接洽谈）',
    contracts: '合同总数', total: '合同总金额（元）', registered: '已认定登记', rate: '登记率', signing: '意向到签约天数（中位数）', signingRooms: '进入签约的洽谈室',
  },
  en: {
    overview: 'Overview', stages: 'Deal stages', type: 'By contract type', city: 'By city', industry: 'By industry', month: 'By month', intermediary: 'By intermediary',
    group: 'Group', count: 'Contracts', amount: 'Amount (yuan)', rooms: 'Deal rooms', stage: 'Stage', none: 'Not given', direct: 'No intermediary (direct)',
    contracts: 'Contracts', total: 'Total amount (yuan)', registered: 'Registered', rate: 'Registration rate', signing: 'Days interest → signing (median)', signingRooms: 'Rooms that reached signing',
  },
} as const;

/** Builds the workbook in memory (a few hundred rows at most) and answers its bytes. */
export async function marketWorkbook(s: AdminMarketStatsView, locale: Locale): Promise<Buffer> {
  const t = T[locale];
  const wb = new (excel().Workbook)();
  wb.creator = '科转 Kezhuan';
  const sheet = (name: string, head: string[]) => {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(head).font = { bold: true };
    ws.columns.forEach((c, i) => {
      c.width = i === 0 ? 32 : 18;
    });
    return ws;
  };
  const overview = sheet(t.overview, [t.group, '']);
  overview.addRows([
    [t.contracts, s.contracts.count],
    [t.total, s.contracts.amount],
    [t.registered, s.registration.registered],
    [t.rate, s.registration.rate ?? ''],
    [t.signingRooms, s.signingDays.rooms],
    [t.signing, s.signingDays.median ?? ''],
  ]);
  const stages = sheet(t.stages, [t.stage, t.rooms]);
  for (const r of s.dealsByStage) {
    stages.addRow([DEAL_STAGES.find((x) => x.code === r.stage)?.[locale] ?? r.stage, r.count]);
  }
  const groups = (name: string, rows: MarketGroupRow[], label: (key: string) => string) => {
    const ws = sheet(name, [t.group, t.count, t.amount]);
    for (const r of rows) {
      ws.addRow([r.key === '-' ? t.none : label(r.key), r.count, r.amount ?? '']);
    }
  };
  groups(t.type, s.byType, (k) => contractTypeLabel(k, locale));
  groups(t.city, s.byCity, (k) => CITIES.find((c) => c.code === k)?.[locale] ?? k);
  groups(t.industry, s.byIndustry, (k) => INDUSTRIES.find((i) => i.code === k)?.[locale] ?? k);
  groups(t.month, s.byMonth, (k) => k);
  const im = sheet(t.intermediary, [t.group, t.count, t.amount]);
  for (const r of s.byIntermediary) {
    im.addRow([r.org?.name ?? t.direct, r.count, r.amount]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
