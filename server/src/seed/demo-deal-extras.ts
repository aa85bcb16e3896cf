/**
 * The deal demo's contracts and intermediary services (issue 14), on the rooms seedDemoDeals made:
 * the demo intermediary's catalogue (one service of each kind), a contract for every room that
 * reached 签约 and is not terminated (registered once implemented), and an evaluation ordered,
 * delivered and rated in most rooms the intermediary introduced. Amounts are deterministic
 * (mulberry32) and plausible for Jilin technology contracts (¥10万–¥500万).
 */
import type { ContractType, IntermediaryServiceKind, PaymentKind } from '@kezhuan/shared';
import { Types } from 'mongoose';
import { mulberry32 } from '../lib/prng';
import { ContractModel } from '../modules/contracts/contract.model';
import { IntermediaryServiceModel, ServiceOrderModel } from '../modules/intermediaries/intermediary.model';
import { OrgModel } from '../modules/orgs/org.model';
import type { DemoDealRoom } from './demo-deals';

const SEED = 1415;
const DAY = 86_400_000;
const day = (d: Date) => d.toISOString().slice(0, 10);

/** The demo intermediary's catalogue: price in yuan (null: 面议), turnaround in days. */
export const DEMO_SERVICES: readonly { kind: IntermediaryServiceKind; title: string; description: string; price: number | [number, number] | null; days: number; terms: string | null }[] = [
  { kind: 'evaluation', title: '科技成果价值评估', description: '依据成果成熟度、知识产权状况与市场前景，出具成果价值评估报告，为定价与作价入股提供依据。', price: [20_000, 80_000], days: 20, terms: '签订委托书后预付 50%，报告交付后付清。' },
  { kind: 'consulting', title: '成果转化路径咨询', description: '为高校院所与企业梳理许可、转让、作价入股等转化方式的利弊，给出合作方案建议。', price: 8_000, days: 7, terms: null },
  { kind: 'agency', title: '专利申请与运营代理', description: '代理专利申请、转让登记与许可备案，协助办理技术合同认定登记。', price: [5_000, 30_000], days: 30, terms: '官费另计。' },
  { kind: 'brokering', title: '技术转移经纪服务', description: '对接供需双方、组织洽谈、起草合同，直至签约与认定登记，按成交额收取佣金。', price: null, days: 60, terms: '按合同成交额 3%–5% 收取，未成交不收费。' },
  { kind: 'outsourcing', title: '中试与检测外包组织', description: '联系省内中试基地与检测机构，组织样品中试、第三方检测并跟踪进度。', price: [30_000, 200_000], days: 45, terms: null },
  { kind: 'training', title: '技术经理人培训', description: '面向企业与高校院所科研管理人员的技术转移实务培训，含合同与知识产权课程。', price: 2_800, days: 3, terms: '每人每期。' },
];

/** The contract's type from what the room is about: a result is transferred or licensed, a need developed or served. */
function contractType(room: DemoDealRoom, rnd: () => number): ContractType {
  if (room.listing.kind === 'result') {
    return rnd() < 0.55 ? 'licence' : 'transfer';
  }
  const r = rnd();
  return r < 0.6 ? 'development' : r < 0.85 ? 'service' : 'consulting';
}

export interface DemoDealExtras {
  services: number;
  contracts: number;
  registered: number;
  orders: number;
}

export async function seedDemoDealExtras(rooms: readonly DemoDealRoom[], intermediary: { org: Types.ObjectId; user: Types.ObjectId } | null, now: Date): Promise<DemoDealExtras> {
  const rnd = mulberry32(SEED);
  const services = intermediary
    ? await IntermediaryServiceModel.insertMany(DEMO_SERVICES.map((s) => ({
        org: intermediary.org, kind: s.kind, title: s.title, description: s.description, terms: s.terms, turnaroundDays: s.days,
        price: s.price === null ? { mode: 'negotiable' } : typeof s.price === 'number' ? { mode: 'fixed', amount: s.price } : { mode: 'range', min: s.price[0], max: s.price[1] },
        status: 'active', createdBy: intermediary.user, updatedBy: intermediary.user,
      })))
    : [];
  const cities = new Map((await OrgModel.find({ _id: { $in: rooms.map((r) => r.demandOrg) } }, { city: 1 }).lean()).map((o) => [String(o._id), o.city ?? null]));
  const contracts: Record<string, unknown>[] = [];
  let registered = 0;
  for (const room of rooms) {
    if (!room.signedAt || room.stage === 'terminated') {
      continue;
    }
    const type = contractType(room, rnd);
    // ¥10万–¥500万, rounded to a thousand; development contracts run larger.
    const amount = Math.round((100_000 + rnd() * rnd() * (type === 'development' ? 4_900_000 : 2_400_000)) / 1000) * 1000;
    const payment: PaymentKind = type === 'licence' ? 'royalty' : rnd() < 0.5 ? 'instalments' : 'lump_sum';
    const signedOn = day(room.signedAt);
    const isRegistered = room.stage === 'implementation' || room.stage === 'done';
    const registeredOn = new Date(Math.min(now.getTime(), room.signedAt.getTime() + (5 + Math.floor(rnd() * 20)) * DAY));
    if (isRegistered) {
      registered += 1;
    }
    contracts.push({
      deal: room.id, type, amount, signedOn, supplyOrg: room.supplyOrg, demandOrg: room.demandOrg, intermediaryOrg: room.intermediaryOrg,
      payment: { kind: payment, text: payment === 'royalty' ? '入门费 20%，其余按年销售额的 3% 提成，按年结算。' : payment === 'instalments' ? '合同生效后支付 40%，中期验收后 30%，最终验收后 30%。' : '' },
      listings: [{ kind: 'result', id: room.result.id, title: room.result.title }, ...(room.listing.kind === 'need' ? [room.listing] : [])],
      discipline: room.result.discipline, industry: room.result.industry, city: cities.get(String(room.demandOrg)) ?? null,
      registration: isRegistered ? { number: `${signedOn.slice(0, 4)}2201${String(10_000 + contracts.length * 37).padStart(8, '0')}`, registeredOn: day(registeredOn), by: room.people.supply, at: registeredOn } : null,
      history: [
        { kind: 'record', by: room.people.supply, party: 'supply', at: room.signedAt, fields: [] },
        ...(isRegistered ? [{ kind: 'register', by: room.people.supply, party: 'supply', at: registeredOn, fields: ['registration'] }] : []),
      ],
      createdAt: room.signedAt, updatedAt: isRegistered ? registeredOn : room.signedAt,
    });
  }
  if (contracts.length > 0) {
    await ContractModel.collection.insertMany(contracts);
  }
  // The intermediary's evaluation in the rooms it introduced that got past 意向: delivered and, mostly, accepted and rated.
  const evaluation = services.find((s) => s.kind === 'evaluation');
  const orders: Record<string, unknown>[] = [];
  for (const room of rooms) {
    if (!intermediary || !evaluation || !room.intermediaryOrg || room.stage === 'interest') {
      continue;
    }
    const placed = new Date((room.signedAt ?? now).getTime() - 20 * DAY);
    const accepted = new Date(placed.getTime() + (4 + Math.floor(rnd() * 40)) * 3_600_000);
    const delivered = new Date(accepted.getTime() + (8 + Math.floor(rnd() * 10)) * DAY);
    const done = delivered < now && rnd() < 0.8;
    const by = room.people.demand;
    orders.push({
      room: room.id, service: evaluation._id, serviceKind: 'evaluation', serviceTitle: evaluation.title, org: intermediary.org, party: 'demand', orderedBy: by,
      note: '请评估该成果的技术成熟度与市场价值，作为许可费定价参考。', agreedPrice: 30_000 + Math.round(rnd() * 10) * 5_000,
      status: done ? 'completed' : 'delivered', file: null,
      delivery: { summary: '评估结论：技术成熟度 TRL 6，建议许可费区间见报告第四部分。', at: delivered, by: intermediary.user },
      rating: done ? { score: rnd() < 0.7 ? 5 : 4, comment: '报告扎实，定价依据清楚。', at: new Date(delivered.getTime() + 2 * DAY), by } : null,
      steps: [
        { kind: 'order', by, at: placed, note: null },
        { kind: 'accept', by: intermediary.user, at: accepted, note: null },
        { kind: 'deliver', by: intermediary.user, at: delivered, note: null },
        ...(done ? [{ kind: 'complete', by, at: new Date(delivered.getTime() + 2 * DAY), note: null }] : []),
      ],
      createdAt: placed, updatedAt: delivered,
    });
  }
  if (orders.length > 0) {
    await ServiceOrderModel.collection.insertMany(orders);
  }
  return { services: services.length, contracts: contracts.length, registered, orders: orders.length };
}
