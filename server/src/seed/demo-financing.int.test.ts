import { FINANCING_APPLICATION_STATUS_CODES } from '@kezhuan/shared';
import { describe, expect, it } from 'vitest';
import { FinancingApplicationModel, FinancingProductModel } from '../modules/financing/financing.model';
import { OrgModel } from '../modules/orgs/org.model';
import { UserModel } from '../modules/users/user.model';
import { hashPassword } from '../modules/auth/password';
import { TechNeedModel } from '../modules/needs/need.model';
import { buildUser } from '../testing/factories';
import { client, testApp, useTestDb } from '../testing/harness';
import { buildNeed, signedInAs } from '../testing/listing-factories';
import { DEMO_FINANCIER_ACCOUNT, seedDemoFinancing } from './demo-financing';

useTestDb();
const app = testApp();

describe('the financing demo data', () => {
  it('seeds financial organisations with products of every kind, applications in every state, and a financier who answers them', { timeout: 120_000 }, async () => {
    const enterprises = await Promise.all([1, 2, 3, 4].map(() => buildUser({ role: 'enterprise' })));
    for (const e of enterprises) {
      await buildNeed(e, { status: 'published' });
    }
    const counts = await seedDemoFinancing({ now: new Date(), enterprises: enterprises.map((e) => e.org!), passwordHash: await hashPassword('Kezhuan2026demo') });
    expect(counts).toEqual({ orgs: 6, products: 20, applications: 7 });
    expect(await OrgModel.countDocuments({ type: 'financial', verified: true })).toBe(6);
    expect(new Set(await FinancingProductModel.distinct('kind'))).toEqual(new Set(['ip_pledge', 'credit_guarantee', 'tech_insurance', 'leasing', 'venture']));
    expect(new Set(await FinancingApplicationModel.distinct('status'))).toEqual(new Set(FINANCING_APPLICATION_STATUS_CODES));

    // The demo financier signs in with the demo password and finds the bank's applications in his inbox.
    const c = await client(app);
    expect((await c.login(DEMO_FINANCIER_ACCOUNT.email, 'Kezhuan2026demo')).status).toBe(200);
    const inbox = (await c.get('/api/financing/applications?box=inbox').expect(200)).body;
    expect(inbox.total).toBe(3);
    expect(inbox.items.some((a: { status: string }) => a.status === 'submitted')).toBe(true);
    // The first enterprise sees its applications and fitting products on its need.
    const ent = await signedInAs(app, enterprises[0]!);
    expect((await ent.get('/api/financing/applications?box=mine').expect(200)).body.total).toBe(2);
    const needId = String((await TechNeedModel.findOne({ org: enterprises[0]!.org }).lean())!._id);
    const fit = (await ent.get(`/api/financing/fit?subject=need&id=${needId}`).expect(200)).body;
    expect(fit.items.filter((i: { fits: boolean }) => i.fits).length).toBeGreaterThan(3);
    expect(await UserModel.countDocuments({ role: 'financier' })).toBe(6);
  });
});
