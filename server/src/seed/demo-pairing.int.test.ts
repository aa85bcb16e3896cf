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
  it('seeds a few hundred approved commissioners and open requests across Jilin, the demo accounts included, and the import templates fit it', { timeout: 180_000 }, async () => {
    const said: string[] = [];
    expect(await seedDemoIfEmpty((m) => said.push(m))).toBe(true);
    const term = currentTerm();
    const commissioners = await CommissionerModel.find({}).lean();
    expect(commissioners.length).toBeGreaterThanOrEqual(250);
    expect(commissioners.every((c) => c.status === 'approved' && c.term === term && c.expertise.length > 10 && c.disciplines.length > 0 && c.serveCities.length > 0)).toBe(true);
    const requests = await ServiceRequestModel.find({}).lean();
    expect(requests.length).toBeGreaterThanOrEqual(250);
    expect(requests.every((r) => r.status === 'open' && r.openedAt)).toBe(true);
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

    // The templates' example rows import as they are on the demo data.
    const admin = await demoLogin('admin@demo.kezhuan.cn');
    for (const kind of ['commissioners', 'serviceRequests'] as const) {
      const job = await finished(admin, (await upload(admin, `kind=${kind}&name=x.csv&publish=true`, csvTemplate(kind))).body.id as string);
      expect(job.errors).toEqual([]);
      expect(job.status).toBe('done');
    }
  });
});
