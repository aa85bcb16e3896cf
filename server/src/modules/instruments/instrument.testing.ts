/** Test set-up for instruments: a verified institute with a manager, and a valid instrument input. */
import type { KezhuanApp } from '../../app';
import { buildOrg, buildUser } from '../../testing/factories';
import { signedInAs } from '../../testing/listing-factories';

export function validInstrumentInput(overrides: Record<string, unknown> = {}) {
  return {
    name: '场发射透射电子显微镜',
    model: 'JEM-2100F',
    manufacturer: '日本电子 JEOL',
    category: 'analytical',
    city: '220100',
    address: '长春市前进大街2699号 分析测试中心 B102',
    description: '可进行高分辨成像、选区电子衍射和能谱分析，适用于纳米材料、催化剂和金属材料的微观结构表征。',
    params: [
      { name: '加速电压', value: '200 kV' },
      { name: '点分辨率', value: '0.19 nm' },
    ],
    sampleRequirements: '粉末样品需分散于铜网；块体样品需减薄至100 nm以下。',
    price: { unit: 'hour', amount: 800 },
    operatorRequired: true,
    openingHours: [
      { weekday: 1, from: '08:30', to: '11:30' },
      { weekday: 1, from: '13:30', to: '17:00' },
      { weekday: 3, from: '08:30', to: '17:00' },
    ],
    photos: [],
    ...overrides,
  };
}

/** A verified university (or another type) with a manager and a signed-in client for him. */
export async function instrumentLab(app: KezhuanApp, opts: { verified?: boolean; type?: 'university' | 'institute' | 'enterprise'; city?: '220100' | '220200' } = {}) {
  const type = opts.type ?? 'university';
  const org = await buildOrg({ type, verified: opts.verified ?? true, city: opts.city ?? '220100' });
  const manager = await buildUser({ role: type === 'enterprise' ? 'enterprise' : 'researcher', org: org._id, orgRole: 'manager' });
  return { org, manager, c: await signedInAs(app, manager) };
}
