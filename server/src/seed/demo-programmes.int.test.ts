import { describe, expect, it } from 'vitest';
import { ApplicationModel } from '../modules/programmes/application.model';
import { buildOrg, buildUser } from '../testing/factories';
import { testApp, useTestDb } from '../testing/harness';
import { buildNeed, buildResult, signedInAs } from '../testing/listing-factories';
import { seedDemoProgrammes } from './demo-programmes';

useTestDb();
const app = testApp();

describe('the programmes demo data', () => {
  it('has closed calls of 2012–2014, an open call the demo enterprise can apply to, and applications in every state', { timeout: 120_000 }, async () => {
    const research = await Promise.all([1, 2, 3].map(async () => buildUser({ role: 'researcher', org: (await buildOrg({ type: 'university', verified: true }))._id })));
    const firms = await Promise.all([1, 2, 3, 4, 5, 6, 7].map(async () => buildUser({ role: 'enterprise', org: (await buildOrg({ type: 'enterprise', verified: true }))._id })));
    for (const r of research) {
      await buildResult(r, { status: 'published', input: { industry: 'C36' } });
      await buildResult(r, { status: 'published', input: { industry: 'C36', maturity: 'industrial', trl: 8 } });
      await buildResult(r, { status: 'published', input: { industry: 'C36' } });
    }
    for (const f of firms) {
      await buildNeed(f, { status: 'published', input: { industry: 'C36' } });
    }
    const admin = await buildUser({ role: 'admin' });
    const featured = { enterprise: firms[0]!.org!, research: research[0]!.org! };
    const out = await seedDemoProgrammes({ now: new Date(), featured, admin: admin._id });
    expect(out.calls).toBe(5);
    expect(Object.keys(out.applications).sort()).toEqual(['accepted', 'draft', 'returned', 'submitted']);

    const calls = (await signedInAs(app, firms[0]!)).get('/api/calls?pageSize=50');
    const list = (await calls).body.items as { id: string; year: number; status: string }[];
    expect(list.map((c) => `${c.year}:${c.status}`).slice(-3)).toEqual(['2014:closed', '2013:closed', '2012:closed']);
    const open = list.find((c) => c.status === 'published')!;

    // The demo enterprise has a draft on the open call and is eligible with it; so has the researcher's organisation.
    const ent = await signedInAs(app, firms[0]!);
    const elig = await ent.get(`/api/calls/${open.id}/eligibility`);
    expect(elig.body).toMatchObject({ eligible: true });
    expect((await ent.get(`/api/applications/${elig.body.applicationId as string}`)).body).toMatchObject({ status: 'draft', canEdit: true });
    const uni = await signedInAs(app, research[0]!);
    expect((await uni.get('/api/me/applications?status=draft')).body.total).toBeGreaterThanOrEqual(1);

    // Filed applications carry their required document and a budget within the call's range.
    const filed = await ApplicationModel.find({ status: { $ne: 'draft' } }).lean();
    expect(filed.every((a) => a.attachments.length === 1 && a.submittedAt)).toBe(true);
    expect(filed.filter((a) => a.status === 'returned').every((a) => a.returnReasons.length > 0)).toBe(true);
  });
});
