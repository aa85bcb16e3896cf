/**
 * The plan-target demo (issue 15): the 2011–2015 plan with its eleven targets, and administrators'
 * manual entries for every target the platform cannot count yet — per city and year, totals below or
 * a little above the targets (fixed ratios below), evidence naming documents in the province's style
 * (吉科发〔2013〕xx号). Deterministic (mulberry32), so the demo reads the same on every machine.
 */
import { CITIES, type PlanInput } from '@kezhuan/shared';
import { mulberry32 } from '../lib/prng';
import { targetCounter } from '../modules/plan/plan.counters';
import { JILIN_PLAN_2011_2015 } from '../modules/plan/plan.jilin-2011';
import { PlanEntryModel, PlanModel } from '../modules/plan/plan.model';
import { createPlan } from '../modules/plan/plan.service';

const SEED = 2011;
/** Share of the period's target reached in the demo (perYear targets: per year). */
const REACHED: Record<string, number> = {
  major_projects: 0.84, innovative_enterprises: 0.94, alliances: 1.1, industry_bases: 0.8, innovation_centres: 1.12,
  incubators: 1.15, key_labs: 0.92, academician_workstations: 1.2, talents: 0.87, key_transformation_projects: 0.96, sme_fund_projects: 0.93,
};
/** How the work spreads over the nine cities (Changchun and Jilin City carry most of it). */
const CITY_WEIGHTS = [40, 16, 7, 5, 7, 4, 7, 5, 9];
/** Earlier years count less: the plan ramps up. */
const YEAR_WEIGHTS = [12, 17, 21, 24, 26];
/** The document that recognised or funded the cell's items: issuer and title. */
const DOCS: Record<string, [string, (y: number) => string]> = {
  major_projects: ['吉科发', (y) => `关于下达${y}年度重大科技成果转化项目计划的通知`],
  innovative_enterprises: ['吉科发', (y) => `关于公布${y}年度吉林省科技型创新企业名单的通知`],
  alliances: ['吉科发', (y) => `关于批准组建${y}年度吉林省产业技术创新战略联盟的通知`],
  industry_bases: ['吉科发', (y) => `关于认定${y}年度吉林省高新技术特色产业基地的通知`],
  innovation_centres: ['吉科发', (y) => `关于认定${y}年度吉林省企业科技创新中心（工程技术研究中心）的通知`],
  incubators: ['吉科发', (y) => `关于认定${y}年度省级科技企业孵化器的通知`],
  key_labs: ['吉科发', (y) => `关于批准建设${y}年度吉林省重点实验室的通知`],
  academician_workstations: ['吉科协发', (y) => `关于批准建立${y}年度吉林省企业院士工作站的通知`],
  talents: ['吉人才办发', (y) => `关于公布${y}年度吉林省科技创新创业人才入选名单的通知`],
  key_transformation_projects: ['吉科发', (y) => `关于下达${y}年度吉林省重点科技成果转化项目计划的通知`],
  sme_fund_projects: ['吉科发', (y) => `关于下达${y}年度吉林省科技型中小企业技术创新基金项目的通知`],
};

function weighted(rnd: () => number, weights: readonly number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = rnd() * total;
  for (let i = 0; i < weights.length; i += 1) {
    r -= weights[i]!;
    if (r < 0) {
      return i;
    }
  }
  return weights.length - 1;
}

export interface DemoPlan {
  entries: number;
  /** Target key → the demo's total. */
  totals: Record<string, number>;
}

/** Adds the plan (unless there) and its manual entries (unless any exist); returns what it made. */
export async function seedDemoPlan(plan: PlanInput = JILIN_PLAN_2011_2015): Promise<DemoPlan> {
  if (!(await PlanModel.exists({ code: plan.code }))) {
    await createPlan(null, plan);
  }
  if (await PlanEntryModel.exists({ plan: plan.code })) {
    return { entries: 0, totals: {} };
  }
  const rnd = mulberry32(SEED);
  const years = Array.from({ length: plan.endYear - plan.startYear + 1 }, (_, i) => plan.startYear + i);
  const totals: Record<string, number> = {};
  const docs: Record<string, unknown>[] = [];
  let docNo = 10;
  for (const t of plan.targets) {
    if (targetCounter(t.counter)) {
      continue;
    }
    // cell "city|year" → count: each item placed by weight (per year: every year gets its own quota).
    const cells = new Map<string, number>();
    const place = (yearIndex: number) => {
      const key = `${CITIES[weighted(rnd, CITY_WEIGHTS)]!.code}|${years[yearIndex]}`;
      cells.set(key, (cells.get(key) ?? 0) + 1);
    };
    const share = REACHED[t.key] ?? 0.9;
    if (t.perYear) {
      years.forEach((_, yi) => {
        const n = Math.round(t.target * (share - 0.05 + rnd() * 0.1));
        for (let i = 0; i < n; i += 1) {
          place(yi);
        }
      });
    } else {
      for (let i = 0; i < Math.round(t.target * share); i += 1) {
        place(weighted(rnd, YEAR_WEIGHTS.slice(0, years.length)));
      }
    }
    const [issuer, title] = DOCS[t.key] ?? ['吉科发', (y: number) => `关于公布${y}年度${t.zh}的通知`];
    for (const [key, count] of [...cells].sort(([a], [b]) => a.localeCompare(b))) {
      const [city, y] = key.split('|') as [string, string];
      const cityName = CITIES.find((c) => c.code === city)!.zh;
      docNo += 1 + Math.floor(rnd() * 6);
      docs.push({
        plan: plan.code, target: t.key, city, year: Number(y), count,
        evidence: `${issuer}〔${y}〕${(docNo % 139) + 1}号《${title(Number(y))}》：${cityName} ${count} ${t.unitZh}`,
        evidenceUrl: null, history: [],
      });
      totals[t.key] = (totals[t.key] ?? 0) + count;
    }
  }
  await PlanEntryModel.insertMany(docs);
  return { entries: docs.length, totals };
}
