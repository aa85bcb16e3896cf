/** Test set-up for intermediaries: a verified intermediary organisation with a manager, and a valid service input. */
import type { KezhuanApp } from '../../app';
import { buildOrg, buildUser } from '../../testing/factories';
import { signedInAs } from '../../testing/listing-factories';

export function validServiceInput(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'evaluation',
    title: '科技成果价值评估',
    description: '依据技术成熟度、知识产权状况和市场前景，出具成果价值评估报告，供双方定价参考。',
    price: { mode: 'range', min: 20_000, max: 50_000 },
    terms: '签约后支付50%，交付报告后支付余款',
    turnaroundDays: 15,
    disciplines: ['530'],
    industries: ['C28'],
    ...overrides,
  };
}

/** A verified intermediary organisation, its manager and a signed-in client for him. */
export async function intermediaryFirm(app: KezhuanApp, opts: { verified?: boolean } = {}) {
  const org = await buildOrg({ type: 'intermediary', verified: opts.verified ?? true });
  const manager = await buildUser({ role: 'intermediary', org: org._id, orgRole: 'manager' });
  return { org, manager, c: await signedInAs(app, manager) };
}
