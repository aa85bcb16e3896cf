import { describe, expect, it } from 'vitest';
import { FundedProjectModel } from '../modules/funded-projects/funded-project.model';
import { ApplicationModel } from '../modules/programmes/application.model';
import { CallModel } from '../modules/programmes/call.model';
import { CallBudgetModel, FundingDecisionModel } from '../modules/programmes/funding.model';
import { buildOrg, buildUser } from '../testing/factories';
import { testApp, useTestDb } from '../testing/harness';
import { buildNeed, buildResult, signedInAs } from '../testing/listing-factories';
import { seedDemoFundedProjects } from './demo-funded-projects';
import { seedDemoProgrammes } from './demo-programmes';

useTestDb();
const app = testApp();

describe('the funded projects demo data', () => {
  it('decides the past calls within budget and follows projects with milestones in every state; the demo enterprise has one to report', { timeout: 180_000 }, async () => {
    const research = await Promise.all([1, 2, 3].map(async () => buildUser({ role: 'researcher', org: (await buildOrg({ type: 'university', verified: true }))._id })));
    const firms = await Promise.all([1, 2, 3, 4, 5, 6, 7].map(async () => buildUser({ role: 'enterprise', org: (await buildOrg({ type: 'enterprise', verified: true }))._id })));
    for (const r of research) {
      await buildResult(r, { status: 'published', input: { industry: 'C36' } });
      await buildResult(r, { status: 'published', input: { industry: 'C36', maturity: 'industrial', trl: 8 } });
    }
    for (const f of firms) {
      await buildNeed(f, { status: 'published', input: { industry: 'C36' } });
    }
    const admin = await buildUser({ role: 'admin' });
    const now = new Date();
    await seedDemoProgrammes({ now, featured: { enterprise: firms[0]!.org!, research: research[0]!.org! }, admin: admin._id });
    const out = await seedDemoFundedProjects({ now, admin: admin._id, featuredEnterprise: firms[0]!.org! });
    expect(out.funded).toBeGreaterThanOrEqual(4);
    expect(out.rejected).toBeGreaterThanOrEqual(1);
    expect(out.overdue).toBeGreaterThanOrEqual(1);

    // Every past call: decided applications only, funded sum within the budget and equal to the ledger.
    for (const call of await CallModel.find({ year: { $lt: Number(now.toISOString().slice(0, 4)) } }).lean()) {
      expect(await ApplicationModel.countDocuments({ call: call._id, status: 'accepted' })).toBe(0);
      const projects = await FundedProjectModel.find({ call: call._id }).lean();
      const sum = projects.reduce((s, p) => s + p.amount, 0);
      expect(sum).toBeLessThanOrEqual(call.totalBudget);
      expect((await CallBudgetModel.findOne({ call: call._id }).lean())?.funded ?? 0).toBe(sum);
      expect(projects.every((p) => p.amount >= call.fundingMin && p.amount <= call.fundingMax)).toBe(true);
    }
    expect(await FundingDecisionModel.countDocuments({ decision: 'reject', reason: { $ne: null } })).toBe(out.rejected);

    // Milestones in every state, and yearly reports.
    const admin2 = await signedInAs(app, admin);
    const states = new Set<string>();
    for (const p of await FundedProjectModel.find({}, { _id: 1 }).lean()) {
      const view = (await admin2.get(`/api/projects/${String(p._id)}`).expect(200)).body as { milestones: { state: string }[]; yearlyReports: unknown[] };
      view.milestones.forEach((m) => states.add(m.state));
      expect(view.yearlyReports.length).toBeGreaterThan(0);
    }
    expect([...states].sort()).toEqual(['accepted', 'overdue', 'pending', 'reported']);

    // The demo enterprise opens its project and has a milestone to report.
    const ent = await signedInAs(app, firms[0]!);
    const mine = (await ent.get('/api/me/projects').expect(200)).body.items as { id: string }[];
    expect(mine.length).toBeGreaterThanOrEqual(1);
    const project = (await ent.get(`/api/projects/${mine[0]!.id}`).expect(200)).body as { canReport: boolean; milestones: { state: string }[] };
    expect(project.canReport).toBe(true);
    expect(project.milestones.some((m) => m.state === 'pending')).toBe(true);
  });
});
