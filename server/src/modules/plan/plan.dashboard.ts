/**
 * A plan's dashboard: each target's value (its registered counter's records, else the sum of manual
 * entries), by city and by year within the plan's period. Everyone sees the figures; administrators
 * also get the entries with their evidence.
 */
import { CITY_CODES, type PlanDashboardView, type PlanTargetView } from '@kezhuan/shared';
import { UserModel } from '../users/user.model';
import { targetCounter, type TargetCount } from './plan.counters';
import { PlanEntryModel, type PlanEntryRecord, type PlanRecord, type PlanTargetRecord } from './plan.model';
import { planEntriesQuery } from './plan.queries';
import { loadPlan } from './plan.service';
import { presentEntry, presentPlanSummary } from './plan.presenter';

const CITY_SET = new Set<string>(CITY_CODES);

export function planYears(plan: Pick<PlanRecord, 'startYear' | 'endYear'>): number[] {
  return Array.from({ length: plan.endYear - plan.startYear + 1 }, (_, i) => plan.startYear + i);
}

/** Sums rows into the target's view; rows outside the period are left out, unknown cities go to `-`. */
export function tally(t: PlanTargetRecord, years: number[], rows: readonly TargetCount[], source: PlanTargetView['source']): PlanTargetView {
  const byYear: Record<string, number> = Object.fromEntries(years.map((y) => [String(y), 0]));
  const byCity: Record<string, number> = Object.fromEntries(CITY_CODES.map((c) => [c, 0]));
  let value = 0;
  for (const r of rows) {
    if (!(String(r.year) in byYear) || !Number.isFinite(r.count)) {
      continue;
    }
    const city = r.city && CITY_SET.has(r.city) ? r.city : '-';
    byYear[String(r.year)]! += r.count;
    byCity[city] = (byCity[city] ?? 0) + r.count;
    value += r.count;
  }
  return {
    key: t.key, zh: t.zh, en: t.en, target: t.target, periodTarget: t.perYear ? t.target * years.length : t.target,
    unitZh: t.unitZh, unitEn: t.unitEn, counting: t.counting, counter: t.counter ?? null, perYear: t.perYear,
    source, value, byCity, byYear,
  };
}

export async function planDashboard(code: string, opts: { withEntries: boolean }): Promise<PlanDashboardView> {
  const plan = await loadPlan(code);
  const years = planYears(plan);
  const q = planEntriesQuery(code);
  const entries = await PlanEntryModel.find(q.filter).sort(q.sort).lean<PlanEntryRecord[]>();
  const targets = await Promise.all(
    plan.targets.map(async (t) => {
      const counter = targetCounter(t.counter);
      if (counter) {
        return tally(t, years, await counter(), 'counter');
      }
      return tally(t, years, entries.filter((e) => e.target === t.key), 'manual');
    }),
  );
  const view: PlanDashboardView = { plan: presentPlanSummary(plan), years, targets };
  if (opts.withEntries) {
    const ids = [...new Set(entries.flatMap((e) => [e.updatedBy, ...(e.history ?? []).map((h) => h.by)]).filter(Boolean).map(String))];
    const users = ids.length ? await UserModel.find({ _id: { $in: ids } }, { displayName: 1 }).lean() : [];
    const names = new Map(users.map((u) => [String(u._id), u.displayName]));
    view.entries = entries.map((e) => presentEntry(e, names));
  }
  return view;
}
