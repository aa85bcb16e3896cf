import { describe, expect, it } from 'vitest';
import { ApplicationModel } from '../modules/programmes/application.model';
import { CallModel } from '../modules/programmes/call.model';
import { ReviewModel } from '../modules/programmes/review.model';
import { buildOrg, buildUser } from '../testing/factories';
import { testApp, useTestDb } from '../testing/harness';
import { buildNeed, buildResult, signedInAs } from '../testing/listing-factories';
import { seedDemoProgrammes } from './demo-programmes';
import { seedDemoReviews } from './demo-reviews';

useTestDb();
const app = testApp();

describe('the expert-review demo data', () => {
  it('has a pool, scored past calls with an outlier, pending assignments on the current call and a non-empty workbench', { timeout: 120_000 }, async () => {
    const research = await Promise.all([1, 2, 3, 4, 5, 6].map(async () => buildUser({ role: 'researcher', org: (await buildOrg({ type: 'university', verified: true }))._id })));
    const firms = await Promise.all([1, 2, 3, 4, 5, 6, 7].map(async () => buildUser({ role: 'enterprise', org: (await buildOrg({ type: 'enterprise', verified: true }))._id })));
    for (const r of research.slice(0, 3)) {
      await buildResult(r, { status: 'published', input: { industry: 'C36' } });
      await buildResult(r, { status: 'published', input: { industry: 'C36', maturity: 'industrial', trl: 8 } });
    }
    for (const f of firms) {
      await buildNeed(f, { status: 'published', input: { industry: 'C36' } });
    }
    const admin = await buildUser({ role: 'admin' });
    await seedDemoProgrammes({ now: new Date(), featured: { enterprise: firms[0]!.org!, research: research[0]!.org! }, admin: admin._id });
    // The featured reviewer's organisation applies nowhere.
    const featured = research[5]!;
    const out = await seedDemoReviews({ now: new Date(), admin: admin._id, featured: featured._id });
    expect(out.experts).toBeGreaterThanOrEqual(3);
    expect(out.submitted).toBeGreaterThan(0);
    expect(out.reviews).toBeGreaterThan(out.submitted);

    const mine = await (await signedInAs(app, featured)).get('/api/me/reviews?status=assigned');
    expect(mine.body.total).toBeGreaterThan(0);
    expect(await ApplicationModel.countDocuments({ status: 'under_review' })).toBeGreaterThan(0);

    // The past calls' rankings have means, and one application among them shows an outlier.
    const a = await signedInAs(app, await buildUser({ role: 'admin' }));
    const rows: { applicationId: string; mean: number | null }[] = [];
    for (const c of await CallModel.find({ year: { $in: [2012, 2013, 2014] } }).lean()) {
      const items = (await a.get(`/api/admin/calls/${String(c._id)}/ranking`)).body.items as { applicationId: string; mean: number | null }[];
      expect(items[0]!.mean).not.toBeNull();
      rows.push(...items);
    }
    const views = await Promise.all(rows.map(async (r) => (await a.get(`/api/admin/applications/${r.applicationId}/reviews`)).body as { reviews: { outlier: boolean }[] }));
    expect(views.flatMap((v) => v.reviews).filter((r) => r.outlier)).toHaveLength(1);
    // Deterministic: the same seed gives the same totals.
    const totals = (await ReviewModel.find({ status: 'submitted' }).sort({ _id: 1 }).lean()).map((r) => r.weightedTotal);
    expect(totals.every((x) => typeof x === 'number')).toBe(true);
  });
});
