import { CITIES } from '@kezhuan/shared';
import { describe, expect, it } from 'vitest';
import { testApp, useTestDb } from '../testing/harness';
import { client, type Client } from '../testing/harness';
import { DEMO_PASSWORD } from './demo-accounts';
import { CommissionerModel } from '../modules/commissioners/commissioner.model';
import { currentTerm } from '../modules/commissioners/commissioner.queries';
import { finished, upload } from '../modules/imports/import.testing';
import { csvTemplate } from '../modules/imports/import.templates';
import { ServiceRequestModel } from '../modules/service-requests/service-request.model';
import { UserModel } from '../modules/users/user.model';
import { NotificationModel } from '../modules/notifications/notification.model';
import { PairingModel } from '../modules/pairing/pairing.model';
import { PairingRunModel } from '../modules/pairing/run.model';
import { ServiceEntryModel } from '../modules/service-log/service.model';
import { seedDemoIfEmpty } from './demo';
import { DEMO_PAIRING_ACCOUNTS } from './demo-pairing';

useTestDb();
const app = testApp();

async function demoLogin(email: string): Promise<Client> {
  const c = await client(app);
  expect((await c.login(email, DEMO_PASSWORD)).status).toBe(200);
  return c;
}

describe('the 双千 demo data', () => {
  it('seeds a few hundred approved commissioners and requests across Jilin, one confirmed run with service log over them, the demo accounts included (unpaired), and the import templates fit it', { timeout: 180_000 }, async () => {
    const said: string[] = [];
    expect(await seedDemoIfEmpty((m) => said.push(m))).toBe(true);
    const term = currentTerm();
    const commissioners = await CommissionerModel.find({}).lean();
    expect(commissioners.length).toBeGreaterThanOrEqual(250);
    expect(commissioners.every((c) => c.status === 'approved' && c.term === term && c.expertise.length > 10 && c.disciplines.length > 0 && c.serveCities.length > 0)).toBe(true);
    const requests = await ServiceRequestModel.find({}).lean();
    expect(requests.length).toBeGreaterThanOrEqual(250);
    expect(requests.every((r) => ['open', 'paired'].includes(r.status) && r.openedAt)).toBe(true);
    expect(new Set(requests.map((r) => r.city)).size).toBe(CITIES.length);
    expect(new Set(requests.map((r) => r.county).filter(Boolean)).size).toBeGreaterThanOrEqual(40);

    // The 双千 demo accounts log in: an approved commissioner, an enterprise manager with two open requests (its needs).
    await demoLogin(DEMO_PAIRING_ACCOUNTS.commissioner.email);
    const expert = await UserModel.findOne({ email: DEMO_PAIRING_ACCOUNTS.commissioner.email });
    expect(await CommissionerModel.exists({ user: expert!._id, status: 'approved', term })).toBeTruthy();
    const mine = await (await demoLogin(DEMO_PAIRING_ACCOUNTS.enterprise.email)).get('/api/me/service-requests');
    expect(mine.body.items.map((r: { status: string }) => r.status)).toEqual(['open', 'open']);
    // The per-role demo accounts keep their blank state for the flows that start from them.
    const commissionerDemo = await UserModel.findOne({ email: 'commissioner@demo.kezhuan.cn' });
    expect(await CommissionerModel.exists({ user: commissionerDemo!._id })).toBeFalsy();
    expect((await (await demoLogin('enterprise@demo.kezhuan.cn')).get('/api/me/service-requests')).body.items).toEqual([]);
    console.log(said.at(-1));

    // One confirmed run of the term over the pool: every pair notified once on both sides, a share
    // accepted by both, agreements, confirmed hours and ratings, so the summary is non-zero everywhere.
    const runs = await PairingRunModel.find({}).lean();
    expect(runs.map((r) => [r.term, r.status])).toEqual([[term, 'confirmed']]);
    const pairings = await PairingModel.find({}).lean();
    expect(pairings.length).toBeGreaterThanOrEqual(100);
    expect(await ServiceRequestModel.countDocuments({ status: 'paired' })).toBe(pairings.length);
    expect(await NotificationModel.countDocuments({ kind: 'pairing.match' })).toBe(2 * pairings.length);
    const accepted = pairings.filter((p) => p.status === 'accepted');
    expect(accepted.length).toBeGreaterThan(pairings.length / 3);
    expect(pairings.every((p) => p.status === 'accepted' || p.status === 'confirmed')).toBe(true);
    const summary = (await (await demoLogin('admin@demo.kezhuan.cn')).get(`/api/admin/service-summary?term=${term}`)).body;
    expect(summary.total).toMatchObject({ activePairings: accepted.length });
    expect(summary.total.enterprises).toBeGreaterThan(50);
    expect(summary.total.confirmedHours).toBeGreaterThan(100);
    expect(summary.total.meanRating).toBeGreaterThanOrEqual(3);
    expect(summary.byCity.filter((r: { activePairings: number }) => r.activePairings > 0).length).toBeGreaterThanOrEqual(5);
    const pub = await (await client(app)).get(`/api/service-summary?term=${term}`);
    expect(pub.status).toBe(200);
    expect(pub.body.total.activePairings).toBe(accepted.length);
    expect(await ServiceEntryModel.countDocuments({ status: 'logged' })).toBeGreaterThan(0);
    // The two 双千 demo accounts stay out of the run: no pairing, their requests open.
    const factory = await UserModel.findOne({ email: DEMO_PAIRING_ACCOUNTS.enterprise.email });
    expect(await PairingModel.countDocuments({ $or: [{ commissionerUser: expert!._id }, { org: factory!.org }] })).toBe(0);

    // The templates' example rows import as they are on the demo data.
    const admin = await demoLogin('admin@demo.kezhuan.cn');
    for (const kind of ['commissioners', 'serviceRequests'] as const) {
      const job = await finished(admin, (await upload(admin, `kind=${kind}&name=x.csv&publish=true`, csvTemplate(kind))).body.id as string);
      expect(job.errors).toEqual([]);
      expect(job.status).toBe('done');
    }
  });
});
