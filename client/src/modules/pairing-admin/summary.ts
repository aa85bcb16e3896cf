/** The pure logic of the programme dashboard: progress against the plan and the charts' options. */
import { summaryKeyLabel, type SummaryGrouping } from '@kezhuan/shared';

/** The counts every summary row has (the admin rows add the mean rating). */
export interface CountRow {
  key: string;
  commissioners: number;
  enterprises: number;
  activePairings: number;
  confirmedHours: number;
}

/** Percent of the plan reached, 0–100 (a plan met or passed shows full). */
export function targetPercent(n: number, target: number): number {
  return target > 0 ? Math.min(100, Math.round((n / target) * 1000) / 10) : 0;
}

export interface ChartLabels {
  commissioners: string;
  enterprises: string;
  activePairings: string;
}

/**
 * A grouped horizontal bar chart of commissioners, enterprises and active pairings per group (largest
 * first, the first `limit` groups), named in the locale. Plain data: the chart component adds no logic.
 */
export function barChartOption(rows: readonly CountRow[], grouping: SummaryGrouping, locale: 'zh' | 'en', labels: ChartLabels, limit = 12) {
  const top = [...rows].sort((a, b) => b.commissioners + b.enterprises - (a.commissioners + a.enterprises)).slice(0, limit).reverse();
  const series = (['commissioners', 'enterprises', 'activePairings'] as const).map((k) => ({ name: labels[k], type: 'bar' as const, data: top.map((r) => r[k]) }));
  return {
    tooltip: { trigger: 'axis' as const },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value' as const, minInterval: 1 },
    yAxis: { type: 'category' as const, data: top.map((r) => summaryKeyLabel(grouping, r.key, locale)), axisLabel: { width: 110, overflow: 'truncate' as const } },
    series,
  };
}
