/** The pure logic of the technology market page: group labels and the charts' options. */
import { CITIES, DEAL_STAGES, INDUSTRIES, contractTypeLabel, type MarketGroupRow } from '@kezhuan/shared';

export type MarketGrouping = 'type' | 'city' | 'industry' | 'month';
type Locale = 'zh' | 'en';

/** A group key in words: a contract type, a city, an industry or a month; '-' is "not given". */
export function groupLabel(grouping: MarketGrouping, key: string, locale: Locale, notGiven: string): string {
  if (key === '-') {
    return notGiven;
  }
  switch (grouping) {
    case 'type':
      return contractTypeLabel(key, locale);
    case 'city':
      return CITIES.find((c) => c.code === key)?.[locale] ?? key;
    case 'industry':
      return INDUSTRIES.find((i) => i.code === key)?.[locale] ?? key;
    case 'month':
      return key;
  }
}

/** Horizontal bars of contract counts per group (largest first, the first `limit`). */
export function groupBarOption(rows: readonly MarketGroupRow[], grouping: MarketGrouping, locale: Locale, labels: { count: string; notGiven: string }, limit = 12) {
  const top = [...rows].slice(0, limit).reverse();
  return {
    tooltip: { trigger: 'axis' as const },
    grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value' as const, minInterval: 1 },
    yAxis: { type: 'category' as const, data: top.map((r) => groupLabel(grouping, r.key, locale, labels.notGiven)), axisLabel: { width: 110, overflow: 'truncate' as const } },
    series: [{ name: labels.count, type: 'bar' as const, barMaxWidth: 28, data: top.map((r) => r.count) }],
  };
}

/** Contracts per month signed: counts as bars, the amount (where shown) as a line on a second axis. */
export function monthOption(rows: readonly MarketGroupRow[], labels: { count: string; amount: string }) {
  return {
    tooltip: { trigger: 'axis' as const },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category' as const, data: rows.map((r) => r.key) },
    yAxis: [{ type: 'value' as const, minInterval: 1 }, { type: 'value' as const, splitLine: { show: false } }],
    series: [
      { name: labels.count, type: 'bar' as const, barMaxWidth: 36, data: rows.map((r) => r.count) },
      { name: labels.amount, type: 'line' as const, yAxisIndex: 1, connectNulls: false, data: rows.map((r) => r.amount) },
    ],
  };
}

/** Rooms per stage as a funnel-like bar chart, in the stages' order. */
export function stageOption(rows: readonly { stage: string; count: number }[], locale: Locale) {
  return {
    tooltip: { trigger: 'axis' as const },
    grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'category' as const, data: rows.map((r) => DEAL_STAGES.find((s) => s.code === r.stage)?.[locale] ?? r.stage) },
    yAxis: { type: 'value' as const, minInterval: 1 },
    series: [{ type: 'bar' as const, barMaxWidth: 48, data: rows.map((r) => r.count) }],
  };
}
