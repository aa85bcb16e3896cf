import { describe, expect, it } from 'vitest';
import { PlanEntryModel } from '../modules/plan/plan.model';
import { client, testApp, useTestDb } from '../testing/harness';
import { seedDemoPlan } from './demo-plan';

useTestDb();
const app = testApp();

describe('the plan demo data', () => {
  it('adds the 2011–2015 plan with plausible, evidenced entries for every target the platform does not count, deterministically and once', async () => {
    // The app registers the carrier registries' counters: their targets get no demo entries.
    await client(app);
    const first = await seedDemoPlan();
    // Every target of the 2011–2015 plan is counted from records now (carriers, funded projects): no entries to invent.
    expect(first.entries).toBe(0);
    const snapshot = await PlanEntryModel.find({}, { _id: 0, target: 1, city: 1, year: 1, count: 1, evidence: 1 }).sort({ target: 1, city: 1, year: 1 }).lean();
    expect(await seedDemoPlan()).toEqual({ entries: 0, totals: {} });
    const d = (await (await client(app)).get('/api/plans/jilin-2011-2015/dashboard').expect(200)).body as {
      targets: { key: string; value: number; periodTarget: number; source: string; byYear: Record<string, number> }[];
    };
    expect(d.targets).toHaveLength(11);
    const counted = d.targets.filter((t) => t.source === 'counter').map((t) => t.key);
    // The carrier registries and the funded projects (programme.*) count every target of this plan.
    expect(counted).toEqual(['major_projects', 'innovative_enterprises', 'alliances', 'industry_bases', 'innovation_centres', 'incubators', 'key_labs', 'academician_workstations', 'talents', 'key_transformation_projects', 'sme_fund_projects']);
    expect(snapshot.some((e) => counted.includes(e.target))).toBe(false);
    for (const t of d.targets.filter((x) => x.source === 'manual')) {
      expect(t.value / t.periodTarget, t.key).toBeGreaterThan(0.7);
      expect(t.value / t.periodTarget, t.key).toBeLessThan(1.3);
    }
    expect(snapshot.every((e) => /^吉.+〔201[1-5]〕\d+号《关于.+》：/.test(e.evidence))).toBe(true);
    // Same input, same data.
    await PlanEntryModel.deleteMany({});
    await seedDemoPlan();
    const again = await PlanEntryModel.find({}, { _id: 0, target: 1, city: 1, year: 1, count: 1, evidence: 1 }).sort({ target: 1, city: 1, year: 1 }).lean();
    expect(again).toEqual(snapshot);
  });
});
