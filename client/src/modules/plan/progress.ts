/** The pure logic of the plan dashboard: progress against a target, where the plan should stand, chart options. */
import { CITIES, type PlanTargetView } from '@kezhuan/shared';

type Locale = 'zh' | 'en';
export type ProgressStatus = 'reached' | 'on_track' | 'behind' | 'missed' | 'not_started';

/** Percentage of the target reached, one decimal, capped at 100 (a bar cannot overflow); 0 for a zero target. */
export function progressPercent(value: number, target: number): number {
  if (target <= 0 || value <= 0) {
    return 0;
  }
  return Math.min(100, Math.round((value / target) * 1000) / 10);
}

/**
 * The share of the period elapsed by `year` (the whole year counted): a five-year plan is 60 % due
 * by the end of its third year; 0 before it starts, 1 after it ends.
 */
export function expectedShare(startYear: number, endYear: number, year: number): number {
  if (year < startYear) {
    return 0;
  }
  return Math.min(1, (year - startYear + 1) / (endYear - startYear + 1));
}

/** Reached; on track (at least 90 % of what is due by `year`); behind; missed (the period is over); or nothing counted yet. */
export function progressStatus(t: Pick<PlanTargetView, 'value' | 'periodTarget'>, plan: { startYear: number; endYear: number }, year: number): ProgressStatus {
  if (t.value >= t.periodTarget) {
    return 'reached';
  }
  if (t.value === 0) {
    return 'not_started';
  }
  if (year > plan.endYear) {
    return 'missed'; // the period is over
  }
  const due = t.periodTarget * expectedShare(plan.startYear, plan.endYear, year);
  return t.value >= due * 0.9 ? 'on_track' : 'behind';
}

export const STATUS_COLOUR: Record<ProgressStatus, 'success' | '' | 'warning' | 'exception'> = { reached: 'success', on_track: '', behind: 'warning', missed: 'warning', not_started: 'exception' };

/** A target's count in each of the nine cities (and "city not given" when there are any), as horizontal bars. */
export function cityOption(t: PlanTargetView, locale: Locale, labels: { count: string; unknown: string }) {
  const rows: { name: string; n: number }[] = CITIES.map((c) => ({ name: c[locale], n: t.byCity[c.code] ?? 0 }));
  if ((t.byCity['-'] ?? 0) > 0) {
    rows.push({ name: labels.unknown, n: t.byCity['-']! });
  }
  const ordered = rows.reverse(); // category axes draw bottom-up: Changchun on top
  return {
    tooltip: { trigger: 'axis' as const },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value' as const, minInterval: 1 },
    yAxis: { type: 'category' as const, data: ordered.map((r) => r.name), axisLabel: { width: 110, overflow: 'truncate' as const } },
    series: [{ name: labels.count, type: 'bar' as const, barMaxWidth: 22, data: ordered.map((r) => r.n), label: { show: true, position: 'right' as const } }],
  };
}

/** Each target's count per year, stacked (the area under the top line is the plan's yearly output). */
export function yearOption(targets: readonly PlanTargetView[], years: readonly number[], locale: Locale) {
  return {
    tooltip: { trigger: 'axis' as const },
    legend: { type: 'scroll' as const, top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category' as const, boundaryGap: false, data: years.map(String) },
    yAxis: { type: 'value' as const, minInterval: 1 },
    series: targets.map((t) => ({
      name: locale === 'en' ? t.en : t.zh, type: 'line' as const, stack: 'all', areaStyle: { opacity: 0.25 }, symbolSize: 5,
      data: years.map((y) => t.byYear[String(y)] ?? 0),
    })),
  };
}
