import { CARRIER_STATUSES, carrierDetails } from '@kezhuan/shared';
import { describe, expect, it } from 'vitest';
import { CarrierModel } from '../modules/carriers/carrier.model';
import { countCarriers } from '../modules/carriers/carrier.counts';
import { overdueYear } from '../modules/carriers/carrier.rules';
import { OrgModel } from '../modules/orgs/org.model';
import { buildOrg, buildUser } from '../testing/factories';
import { useTestDb } from '../testing/harness';
import { DEMO_CARRIERS, FAW, seedDemoCarriers } from './demo-carriers';

useTestDb();

describe('the carrier demo data', () => {
  it('seeds the plan’s named carriers on the demo organisations, in every lifecycle state, valid and once', async () => {
    const named = new Set(DEMO_CARRIERS.map((c) => c.org));
    const types: Record<string, 'government' | 'university' | 'institute' | 'enterprise'> = { 吉林省科学技术厅: 'government', 吉林大学: 'university', 吉林农业大学: 'university' };
    for (const name of [...named, '吉林农业大学', '中国科学院长春应用化学研究所', '长春轨道交通装备配套有限公司', '吉林市北方石化新材料有限公司']) {
      if (name !== FAW.name && !(await OrgModel.exists({ name }))) {
        const org = await buildOrg({ name, type: types[name] ?? (name.startsWith('中国科学院') ? 'institute' : 'enterprise'), verified: true });
        await buildUser({ role: types[name] === 'government' ? 'admin' : org.type === 'enterprise' ? 'enterprise' : 'researcher', org: org._id });
      }
    }
    const now = new Date('2026-12-06T12:00:00Z');
    const byStatus = await seedDemoCarriers(now);
    expect(Object.keys(byStatus).sort()).toEqual([...CARRIER_STATUSES].sort());
    expect(await seedDemoCarriers(now)).toEqual({});
    expect(await OrgModel.countDocuments({ uscc: FAW.uscc })).toBe(1);

    const all = await CarrierModel.find({}).lean();
    expect(all).toHaveLength(DEMO_CARRIERS.length);
    for (const c of all) {
      expect(carrierDetails.safeParse(c.details).success).toBe(true);
    }
    // The six bases of the plan, five recognised and one warned: all counted.
    const bases = await countCarriers({ type: 'industry_base' });
    expect(bases.reduce((n, r) => n + r.count, 0)).toBe(6);
    expect(all.find((c) => c.name === '一汽集团院士工作站')).toMatchObject({ status: 'recognised', type: 'academician_workstation' });
    expect(all.find((c) => c.name === '长春光机所光电子科技企业孵化器')).toMatchObject({ status: 'recognised', type: 'incubator' });
    // Reports: some pending acceptance, some overdue.
    expect(all.some((c) => c.reportPending)).toBe(true);
    expect(all.filter((c) => overdueYear(c, now) !== null).map((c) => c.name)).toEqual(expect.arrayContaining(['吉林大学科技园孵化器', '玉米生物化工产业基地']));
  });
});
