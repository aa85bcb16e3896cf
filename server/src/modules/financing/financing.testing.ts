/** Test set-up for financing: a verified financial organisation with a manager, and a valid product input. */
import type { CityCode } from '@kezhuan/shared';
import type { KezhuanApp } from '../../app';
import { buildOrg, buildUser } from '../../testing/factories';
import { signedInAs } from '../../testing/listing-factories';

export function validProductInput(overrides: Record<string, unknown> = {}, conditions: Record<string, unknown> = {}) {
  return {
    kind: 'ip_pledge',
    title: '科技成果知识产权质押贷款',
    description: '以已授权发明专利、实用新型专利质押，为科技型中小企业提供流动资金贷款。',
    conditions: {
      maturities: ['pilot', 'industrial'], industries: ['C28', 'C36'], cities: ['220100'],
      amountMin: 500_000, amountMax: 5_000_000, termMonthsMin: 6, termMonthsMax: 36, rateText: 'LPR+50BP', documents: ['营业执照', '专利证书'],
      ...conditions,
    },
    ...overrides,
  };
}

/** A financial organisation (verified unless said), its manager and a signed-in client for him. */
export async function financialFirm(app: KezhuanApp, opts: { verified?: boolean; city?: CityCode } = {}) {
  const org = await buildOrg({ type: 'financial', verified: opts.verified ?? true, ...(opts.city ? { city: opts.city } : {}) });
  const manager = await buildUser({ role: 'financier', org: org._id, orgRole: 'manager' });
  return { org, manager, c: await signedInAs(app, manager) };
}
