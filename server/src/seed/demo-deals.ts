/**
 * The deal demo (issue 14): a few dozen deal rooms at every stage, each between a published
 * technology need's enterprise and the organisation of a research result in the same industry (or
 * discipline), some introduced by the demo intermediary, with a history of stage changes that the
 * transition table allows (deal.transitions.ts), chat messages and read markers, dated over the last
 * four months. The demo researcher's and enterprise's organisations take part in a few, so their
 * accounts see rooms at once. Deterministic (mulberry32); written with bulk inserts.
 */
import type { DealParty, DealStage, DealTerminationReason } from '@kezhuan/shared';
import { Types } from 'mongoose';
import { mulberry32 } from '../lib/prng';
import { DealMessageModel, DealReadModel, DealRoomModel, type DealHistoryRecord } from '../modules/deals/deal.model';
import { openKeyOf } from '../modules/deals/deal.open';
import { TechNeedModel } from '../modules/needs/need.model';
import { ResearchResultModel } from '../modules/results/result.model';

/** How many rooms end at each stage (the demo shows every stage). */
export const DEMO_DEAL_STAGES: readonly { stage: DealStage; count: number }[] = [
  { stage: 'interest', count: 7 },
  { stage: 'negotiation', count: 9 },
  { stage: 'signing', count: 6 },
  { stage: 'implementation', count: 6 },
  { stage: 'done', count: 7 },
  { stage: 'terminated', count: 5 },
];
const SEED = 1414;
const DAY = 86_400_000;
const FORWARD: readonly DealStage[] = ['interest', 'negotiation', 'signing', 'implementation', 'done'];
const REASONS: readonly DealTerminationReason[] = ['price', 'technical_fit', 'funding', 'other_partner', 'timing'];

/** Lines of a plausible negotiation, by the stage the room was in when they were written. */
const LINES: Record<'interest' | 'negotiation' | 'signing' | 'implementation', readonly { party: DealParty; body: string }[]> = {
  interest: [
    { party: 'demand', body: '您好，我们对这项成果很感兴趣，想了解目前的成熟度和是否已有中试数据。' },
    { party: 'supply', body: '您好，感谢关注。目前已完成小试，部分指标有中试验证，可以先发一份技术简介给您。' },
    { party: 'intermediary', body: '双方好，我是成果转化服务中心的经纪人，可以协助安排技术对接和评估。' },
  ],
  negotiation: [
    { party: 'demand', body: '我们的生产线条件和需求说明已整理好，希望下周安排一次现场交流。' },
    { party: 'supply', body: '可以，下周三上午课题组可以到厂，请提前准备工艺参数和样品。' },
    { party: 'demand', body: '关于合作方式，我们倾向于技术许可加后续技术服务，请报一个初步价格。' },
    { party: 'supply', body: '初步考虑许可费分两期支付，并按销售额提成，具体条款可以再商量。' },
    { party: 'intermediary', body: '建议先做一次技术评估，双方对价格有共同的依据，我们可以出具评估报告。' },
  ],
  signing: [
    { party: 'supply', body: '合同草稿已按上次讨论修改，请贵方法务审阅。' },
    { party: 'demand', body: '已审阅，付款节点和验收标准我们有两处修改意见，稍后发给您。' },
  ],
  implementation: [
    { party: 'supply', body: '第一阶段工艺调试已完成，样品检测报告下周出来。' },
    { party: 'demand', body: '收到，试产合格率比原来提高明显，感谢团队支持。' },
  ],
};

interface Listing {
  _id: Types.ObjectId;
  org: Types.ObjectId;
  owner: Types.ObjectId;
  title: string;
  industry: string;
  discipline?: string | null;
}

export interface DemoDealsInput {
  now: Date;
  /** The demo intermediary's organisation and account (introduces some rooms, writes in them). */
  intermediary: { org: Types.ObjectId; user: Types.ObjectId } | null;
  /** Organisations whose demo accounts should see rooms at once (researcher's, enterprise's). */
  featured: Types.ObjectId[];
}

export interface DemoDealRoom {
  id: Types.ObjectId;
  stage: DealStage;
  supplyOrg: Types.ObjectId;
  demandOrg: Types.ObjectId;
  intermediaryOrg: Types.ObjectId | null;
  listing: { kind: 'result' | 'need'; id: Types.ObjectId; title: string };
  /** The provider's result behind the room (its discipline and industry price the contract). */
  result: { id: Types.ObjectId; title: string; discipline: string | null; industry: string };
  /** When the room reached 签约 (null if it never did). */
  signedAt: Date | null;
  people: { supply: Types.ObjectId; demand: Types.ObjectId };
}

/** Pairs published needs with published results of the same industry (else the same discipline), featured organisations first. */
async function pairListings(total: number, featured: Types.ObjectId[]): Promise<{ need: Listing; result: Listing }[]> {
  const needs = await TechNeedModel.find({ status: 'published' }, { org: 1, owner: 1, title: 1, industry: 1, discipline: 1 }).sort({ _id: 1 }).lean<Listing[]>();
  const results = await ResearchResultModel.find({ status: 'published' }, { org: 1, owner: 1, title: 1, industry: 1, discipline: 1 }).sort({ _id: 1 }).limit(3000).lean<Listing[]>();
  const isFeatured = (org: Types.ObjectId) => featured.some((f) => f.equals(org));
  // A featured organisation keeps its newest need out of the rooms, so its people can open one themselves.
  const kept = new Set(featured.map((f) => String(needs.filter((n) => n.org.equals(f)).at(-1)?._id)));
  // A need may talk with two providers (two rooms), featured organisations' needs first.
  const once = [...needs.filter((n) => isFeatured(n.org) && !kept.has(String(n._id))), ...needs.filter((n) => !isFeatured(n.org))];
  const ordered = [...once, ...once];
  const used = new Set<string>();
  const pairs: { need: Listing; result: Listing }[] = [];
  for (const need of ordered) {
    if (pairs.length >= total) {
      break;
    }
    // One room per need and provider organisation (rooms about the need share its open key).
    const fits = (r: Listing) => !used.has(String(r._id)) && !used.has(`${String(need._id)}:${String(r.org)}`) && !r.org.equals(need.org);
    const result =
      results.find((r) => fits(r) && isFeatured(r.org) && r.industry === need.industry) ??
      results.find((r) => fits(r) && r.industry === need.industry) ??
      results.find((r) => fits(r) && !!need.discipline && r.discipline === need.discipline);
    if (result) {
      used.add(String(result._id)).add(`${String(need._id)}:${String(result.org)}`);
      pairs.push({ need, result });
    }
  }
  return pairs;
}

/** The history of a room that ends at `stage`: the forward steps, proposals confirmed by the other side, or a termination. */
function historyTo(stage: DealStage, opener: DealParty, people: Record<DealParty, Types.ObjectId | null>, start: number, rnd: () => number, reason: DealTerminationReason): { history: DealHistoryRecord[]; at: number; signedAt: Date | null } {
  let at = start;
  const step = () => (at += (2 + Math.floor(rnd() * 9)) * DAY + Math.floor(rnd() * 8) * 3_600_000);
  const entry = (kind: DealHistoryRecord['kind'], from: DealStage | null, to: DealStage, party: DealParty, extra: Partial<DealHistoryRecord> = {}): DealHistoryRecord => ({
    kind, from, to, party, by: people[party], at: new Date(at), reason: null, note: null, ...extra,
  });
  const history = [entry('open', null, 'interest', opener)];
  const end = stage === 'terminated' ? FORWARD[1 + Math.floor(rnd() * 2)]! : stage;
  let signedAt: Date | null = null;
  for (let i = 1; i < FORWARD.indexOf(end) + 1; i++) {
    const from = FORWARD[i - 1]!;
    const to = FORWARD[i]!;
    step();
    if (to === 'negotiation') {
      // The approached side accepts to talk (after an introduction either side may).
      history.push(entry('move', from, to, opener === 'demand' ? 'supply' : 'demand'));
    } else {
      const proposer: DealParty = rnd() < 0.5 ? 'supply' : 'demand';
      history.push(entry('propose', from, to, proposer));
      at += Math.floor(1 + rnd() * 3) * DAY;
      history.push(entry('confirm', from, to, proposer === 'supply' ? 'demand' : 'supply'));
    }
    if (to === 'signing') {
      signedAt = new Date(at);
    }
  }
  if (stage === 'terminated') {
    step();
    history.push(entry('move', end, 'terminated', rnd() < 0.5 ? 'supply' : 'demand', { reason }));
  }
  return { history, at, signedAt };
}

/** Seeds the deal rooms (none when there are rooms already); returns them for the contracts and services demo. */
export async function seedDemoDeals(input: DemoDealsInput): Promise<DemoDealRoom[]> {
  if (await DealRoomModel.exists({})) {
    return [];
  }
  const total = DEMO_DEAL_STAGES.reduce((s, x) => s + x.count, 0);
  const pairs = await pairListings(total, input.featured);
  // Round robin over the stages, so that even a handful of pairs shows every stage.
  const left = new Map(DEMO_DEAL_STAGES.map((s) => [s.stage, s.count]));
  const stages: DealStage[] = [];
  while (stages.length < total) {
    for (const { stage } of DEMO_DEAL_STAGES) {
      if ((left.get(stage) ?? 0) > 0) {
        left.set(stage, left.get(stage)! - 1);
        stages.push(stage);
      }
    }
  }
  const rnd = mulberry32(SEED);
  const rooms: Record<string, unknown>[] = [];
  const messages: Record<string, unknown>[] = [];
  const reads: Record<string, unknown>[] = [];
  const out: DemoDealRoom[] = [];
  pairs.forEach(({ need, result }, i) => {
    const stage = stages[i]!;
    const introduced = input.intermediary !== null && i % 4 === 3;
    const intermediaryOrg = introduced ? input.intermediary!.org : null;
    // Alternate who showed interest: the enterprise in a result, or the result's side in a need.
    const aboutResult = i % 2 === 0;
    const listing = aboutResult ? { kind: 'result' as const, id: result._id, title: result.title } : { kind: 'need' as const, id: need._id, title: need.title };
    const via = aboutResult ? { kind: 'need' as const, id: need._id, title: need.title } : { kind: 'result' as const, id: result._id, title: result.title };
    const opener: DealParty = introduced ? 'intermediary' : aboutResult ? 'demand' : 'supply';
    const people: Record<DealParty, Types.ObjectId | null> = { supply: result.owner, demand: need.owner, intermediary: introduced ? input.intermediary!.user : null };
    const start = input.now.getTime() - (20 + Math.floor(rnd() * 100)) * DAY;
    const { history, at, signedAt } = historyTo(stage, opener, people, start, rnd, REASONS[i % REASONS.length]!);
    const id = new Types.ObjectId();
    const closed = stage === 'done' || stage === 'terminated';
    // Messages from the stages the room went through (a room still at 意向 has only the first lines).
    const reached = history.map((h) => h.to).filter((s): s is keyof typeof LINES => s in LINES);
    const lines = [...new Set(reached)].flatMap((s) => LINES[s]).filter((l) => l.party !== 'intermediary' || introduced);
    const span = Math.max(DAY, at - start);
    let seq = 0;
    let last: Date | null = null;
    for (const l of lines) {
      seq += 1;
      last = new Date(start + Math.floor((span * seq) / (lines.length + 1)));
      messages.push({ _id: new Types.ObjectId(), room: id, seq, sender: people[l.party], party: l.party, clientId: `demo-${String(id)}-${seq}`, body: l.body, createdAt: last });
    }
    const lastMsg = messages[messages.length - 1];
    if (seq > 0 && lastMsg) {
      // Both principals have read up to the last message but one: the room shows one unread message.
      for (const party of ['supply', 'demand'] as const) {
        const upTo = party === (lastMsg.party as DealParty) ? seq : Math.max(1, seq - 1);
        const m = messages[messages.length - 1 - (seq - upTo)]!;
        reads.push({ room: id, user: people[party], seq: upTo, message: m._id, at: m.createdAt });
      }
    }
    rooms.push({
      _id: id, stage, origin: introduced ? 'introduction' : 'interest', listing, via, pairing: null,
      supplyOrg: result.org, demandOrg: need.org, intermediaryOrg, orgs: [result.org, need.org, ...(intermediaryOrg ? [intermediaryOrg] : [])],
      openedBy: opener, openKey: closed ? `closed:${String(id)}` : openKeyOf(listing, result.org, need.org), proposal: null, history,
      contacts: [result.owner, need.owner, ...(introduced ? [input.intermediary!.user] : [])],
      messageSeq: seq, lastMessageAt: last, createdAt: new Date(start), updatedAt: new Date(Math.max(at, last?.getTime() ?? 0)),
    });
    out.push({
      id, stage, supplyOrg: result.org, demandOrg: need.org, intermediaryOrg, listing, signedAt, people: { supply: result.owner, demand: need.owner },
      result: { id: result._id, title: result.title, discipline: result.discipline ?? null, industry: result.industry },
    });
  });
  // Raw inserts keep the demo's dates (Mongoose timestamps would stamp them now).
  await DealRoomModel.collection.insertMany(rooms);
  if (messages.length > 0) {
    await DealMessageModel.collection.insertMany(messages);
  }
  if (reads.length > 0) {
    await DealReadModel.collection.insertMany(reads);
  }
  return out;
}
