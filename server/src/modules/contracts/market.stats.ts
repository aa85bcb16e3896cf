/**
 * The technology market's figures from deal rooms and their contracts: rooms by stage, contracts by
 * type, city, industry and month (public: aggregates only, a group's amount hidden under 3
 * contracts), and for administrators also by intermediary, the registration rate and the median
 * days from interest to signing. Both collections are read whole with a projection and grouped here:
 * a summary of every contract is a scan by nature, and this reads the same on FerretDB and MongoDB
 * (no aggregation operators whose support differs).
 */
import { CONTRACT_LIMITS, DEAL_STAGE_CODES, type AdminMarketStatsView, type MarketGroupRow, type PublicMarketStatsView } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { DealRoomModel } from '../deals/deal.model';
import { OrgModel } from '../orgs/org.model';
import { quantile } from './contract.comparable';
import { ContractModel } from './contract.model';

interface ContractFacts {
  type: string;
  amount: number;
  city: string | null;
  industry: string | null;
  signedOn: string;
  intermediaryOrg: Types.ObjectId | null;
  registration: unknown;
}

const cents = (v: number) => Math.round(v * 100) / 100;

function groupBy(contracts: readonly ContractFacts[], key: (c: ContractFacts) => string): MarketGroupRow[] {
  const groups = new Map<string, MarketGroupRow>();
  for (const c of contracts) {
    const k = key(c);
    const g = groups.get(k) ?? { key: k, count: 0, amount: 0 };
    g.count += 1;
    g.amount = cents((g.amount ?? 0) + c.amount);
    groups.set(k, g);
  }
  return [...groups.values()];
}
const byCountDesc = (rows: MarketGroupRow[]) => rows.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));

async function loadFacts() {
  const [rooms, contracts] = await Promise.all([
    DealRoomModel.find({}, { stage: 1, createdAt: 1, 'history.kind': 1, 'history.to': 1, 'history.at': 1 }).lean(),
    ContractModel.find({}, { type: 1, amount: 1, city: 1, industry: 1, signedOn: 1, intermediaryOrg: 1, registration: 1, _id: 0 }).lean<ContractFacts[]>(),
  ]);
  return { rooms, contracts };
}

function fullFigures(rooms: { stage: string }[], contracts: ContractFacts[]): PublicMarketStatsView {
  const stages = new Map<string, number>();
  for (const r of rooms) {
    stages.set(r.stage, (stages.get(r.stage) ?? 0) + 1);
  }
  return {
    dealsByStage: DEAL_STAGE_CODES.map((stage) => ({ stage, count: stages.get(stage) ?? 0 })),
    contracts: { count: contracts.length, amount: cents(contracts.reduce((s, c) => s + c.amount, 0)) },
    byType: byCountDesc(groupBy(contracts, (c) => c.type)),
    byCity: byCountDesc(groupBy(contracts, (c) => c.city ?? '-')),
    byIndustry: byCountDesc(groupBy(contracts, (c) => c.industry ?? '-')),
    byMonth: groupBy(contracts, (c) => c.signedOn.slice(0, 7)).sort((a, b) => a.key.localeCompare(b.key)),
  };
}

/** Hides the amount of a group of fewer than 3 contracts (it would tell one contract's price). */
const masked = (rows: MarketGroupRow[]) => rows.map((r) => (r.count < CONTRACT_LIMITS.kAnonymity ? { ...r, amount: null } : r));

export async function publicMarketStats(): Promise<PublicMarketStatsView> {
  const { rooms, contracts } = await loadFacts();
  const f = fullFigures(rooms, contracts);
  return {
    ...f,
    contracts: { count: f.contracts.count, amount: f.contracts.count < CONTRACT_LIMITS.kAnonymity ? 0 : f.contracts.amount },
    byType: masked(f.byType),
    byCity: masked(f.byCity),
    byIndustry: masked(f.byIndustry),
    byMonth: masked(f.byMonth),
  };
}

/** Days from the room's opening to its first move into 签约 (a move or a confirmed proposal). */
function daysToSigning(room: { createdAt: Date; history?: { kind: string; to: string; at: Date }[] }): number | null {
  const signed = room.history?.find((h) => h.to === 'signing' && (h.kind === 'move' || h.kind === 'confirm'));
  return signed ? (signed.at.getTime() - room.createdAt.getTime()) / 86_400_000 : null;
}

export async function adminMarketStats(): Promise<AdminMarketStatsView> {
  const { rooms, contracts } = await loadFacts();
  const intermediaries = groupBy(contracts, (c) => (c.intermediaryOrg ? String(c.intermediaryOrg) : '-'));
  const orgIds = intermediaries.map((g) => g.key).filter((k) => k !== '-');
  const names = new Map((orgIds.length ? await OrgModel.find({ _id: { $in: orgIds } }, { name: 1 }).lean() : []).map((o) => [String(o._id), o.name]));
  const days = rooms.map((r) => daysToSigning(r as never)).filter((d): d is number => d !== null).sort((a, b) => a - b);
  const registered = contracts.filter((c) => c.registration).length;
  return {
    ...fullFigures(rooms, contracts),
    byIntermediary: byCountDesc(intermediaries).map((g) => ({ org: g.key === '-' ? null : { id: g.key, name: names.get(g.key) ?? '' }, count: g.count, amount: g.amount ?? 0 })),
    registration: { registered, total: contracts.length, rate: contracts.length ? Math.round((registered / contracts.length) * 1000) / 1000 : null },
    signingDays: { rooms: days.length, median: days.length ? Math.round(quantile(days, 0.5) * 10) / 10 : null },
  };
}
