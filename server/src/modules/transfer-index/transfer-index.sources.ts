/**
 * Where each indicator's raw value comes from: one query per source over the institutions of the
 * year, each on an index (see the queries in query-plans.int.test.ts), grouped in the database
 * where a sum is all that is needed and in code where a rule reads a document (listing quality, the
 * day a deal reached signing). The year is the calendar year in China time (UTC+8).
 */
import { assessResultQuality, type TransferIndicatorKey } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import type { QuerySpec } from '../../lib/query-spec';
import { CommissionerModel } from '../commissioners/commissioner.model';
import { ContractModel } from '../contracts/contract.model';
import { DealRoomModel, type DealHistoryRecord } from '../deals/deal.model';
import { FundedProjectModel } from '../funded-projects/funded-project.model';
import { ResearchResultModel } from '../results/result.model';
import { ServiceEntryModel } from '../service-log/service.model';
import { UserModel } from '../users/user.model';
import type { InstitutionFacts } from './transfer-index.model';

type RecordRef = InstitutionFacts['records'][string][number];
/** Raw values and records of one source, by organisation id. */
export type SourceFacts = Map<string, { raw: Partial<Record<TransferIndicatorKey, number>>; records: Partial<Record<TransferIndicatorKey, RecordRef[]>>; contractCount?: number }>;

/** Record references kept per indicator and organisation (the breakdown lists these). */
export const RECORDS_PER_INDICATOR = 50;
const SIGNED_STAGES = new Set(['signing', 'implementation', 'done']);

export function yearWindow(year: number): { from: Date; to: Date; fromDay: string; toDay: string } {
  return { from: new Date(`${year}-01-01T00:00:00+08:00`), to: new Date(`${year + 1}-01-01T00:00:00+08:00`), fromDay: `${year}-01-01`, toDay: `${year + 1}-01-01` };
}

function add(facts: SourceFacts, org: string, key: TransferIndicatorKey, value: number, record?: RecordRef): void {
  const f = facts.get(org) ?? { raw: {}, records: {} };
  f.raw[key] = (f.raw[key] ?? 0) + value;
  if (record) {
    const list = (f.records[key] ??= []);
    if (list.length < RECORDS_PER_INDICATOR) {
      list.push(record);
    }
  }
  facts.set(org, f);
}

/** Published results of the institutions (index {org, updatedAt}); the year is read from publishedAt. */
export function institutionResultsQuery(orgs: readonly Types.ObjectId[]): QuerySpec {
  return { filter: { org: { $in: orgs }, status: 'published' } };
}
/** Deal rooms the institutions take part in (index {orgs, updatedAt}); the provider side is kept in code. */
export function institutionDealsQuery(orgs: readonly Types.ObjectId[]): QuerySpec {
  return { filter: { orgs: { $in: orgs } } };
}
/** Contracts the institutions signed as provider in the year (index {supplyOrg, signedOn}). */
export function institutionContractsQuery(orgs: readonly Types.ObjectId[], year: number): QuerySpec {
  const w = yearWindow(year);
  return { filter: { supplyOrg: { $in: orgs }, signedOn: { $gte: w.fromDay, $lt: w.toDay } } };
}
/** Approved commissioners of the institutions for the year's term (index {org, status, submittedAt}). */
export function institutionCommissionersQuery(orgs: readonly Types.ObjectId[], year: number): QuerySpec {
  return { filter: { org: { $in: orgs }, status: 'approved', term: year } };
}
/** Confirmed service entries of the year's term (index {term, status}). */
export function confirmedServiceQuery(year: number): QuerySpec {
  return { filter: { term: year, status: 'confirmed' } };
}

/** Results listed (published in the year) and their mean listing quality (shared/src/quality.ts). */
export async function resultFacts(orgs: readonly Types.ObjectId[], year: number): Promise<SourceFacts> {
  const w = yearWindow(year);
  const facts: SourceFacts = new Map();
  const docs = await ResearchResultModel.find(institutionResultsQuery(orgs).filter, {
    org: 1, title: 1, publishedAt: 1, summary: 1, keywords: 1, maturity: 1, ip: 1, applications: 1, advantages: 1, price: 1, negotiable: 1,
  }).sort({ _id: 1 }).lean();
  const quality = new Map<string, number[]>();
  for (const r of docs) {
    if (!r.publishedAt || r.publishedAt < w.from || r.publishedAt >= w.to) {
      continue;
    }
    const org = String(r.org);
    add(facts, org, 'results_listed', 1, { kind: 'result', id: String(r._id), label: r.title });
    quality.set(org, [...(quality.get(org) ?? []), assessResultQuality(r).score]);
  }
  for (const [org, scores] of quality) {
    add(facts, org, 'listing_quality', Math.round((scores.reduce((s, v) => s + v, 0) / scores.length) * 10) / 10);
  }
  return facts;
}

/** The day a room reached 签约 (a move or a confirmed proposal), or its opening when the history does not say. */
function signedAt(room: { stage: string; createdAt: Date; history?: DealHistoryRecord[] }): Date | null {
  const step = room.history?.find((h) => h.to === 'signing' && (h.kind === 'move' || h.kind === 'confirm'));
  if (step) {
    return step.at;
  }
  return SIGNED_STAGES.has(room.stage) ? room.createdAt : null;
}

/**
 * Deals where the institution is the technology provider: opened in the year; reaching 签约 in the
 * year (kept even if terminated later); and needs answered: rooms opened in the year about an
 * enterprise's need, or about a result offered in answer to a need (`via` a need).
 */
export async function dealFacts(orgs: readonly Types.ObjectId[], year: number): Promise<SourceFacts> {
  const w = yearWindow(year);
  const facts: SourceFacts = new Map();
  const ids = new Set(orgs.map(String));
  const rooms = await DealRoomModel.find(institutionDealsQuery(orgs).filter, { stage: 1, listing: 1, via: 1, supplyOrg: 1, createdAt: 1, 'history.kind': 1, 'history.to': 1, 'history.at': 1 })
    .sort({ _id: 1 })
    .lean();
  for (const room of rooms) {
    const org = String(room.supplyOrg);
    if (!ids.has(org)) {
      continue;
    }
    const ref: RecordRef = { kind: 'deal', id: String(room._id), label: room.listing.title };
    const opened = room.createdAt >= w.from && room.createdAt < w.to;
    if (opened) {
      add(facts, org, 'deals_opened', 1, ref);
      if (room.listing.kind === 'need' || room.via?.kind === 'need') {
        add(facts, org, 'needs_answered', 1, ref);
      }
    }
    const signed = signedAt(room as never);
    if (signed && signed >= w.from && signed < w.to) {
      add(facts, org, 'deals_signed', 1, ref);
    }
  }
  return facts;
}

/** Contract value signed in the year as provider (all recorded contracts), and how many are registered (认定登记). */
export async function contractFacts(orgs: readonly Types.ObjectId[], year: number): Promise<SourceFacts> {
  const facts: SourceFacts = new Map();
  const groups = await ContractModel.aggregate<{ _id: Types.ObjectId; amount: number; items: { deal: Types.ObjectId; registered?: string | null; titles?: string[] | null }[] }>([
    { $match: institutionContractsQuery(orgs, year).filter },
    { $sort: { _id: 1 } },
    { $group: { _id: '$supplyOrg', amount: { $sum: '$amount' }, items: { $push: { deal: '$deal', registered: '$registration.number', titles: '$listings.title' } } } },
  ]);
  for (const g of groups) {
    const org = String(g._id);
    add(facts, org, 'contract_value', Math.round(g.amount * 100) / 100);
    for (const c of g.items) {
      const ref: RecordRef = { kind: 'contract', id: String(c.deal), label: c.titles?.[0] ?? '' };
      facts.get(org)!.records.contract_value ??= [];
      const list = facts.get(org)!.records.contract_value!;
      if (list.length < RECORDS_PER_INDICATOR) {
        list.push(ref);
      }
      add(facts, org, 'contracts_registered', c.registered ? 1 : 0, c.registered ? ref : undefined);
    }
    facts.get(org)!.contractCount = g.items.length;
  }
  return facts;
}

/** Approved commissioners of the year's term sent by the institution, and their confirmed service hours. */
export async function commissionerFacts(orgs: readonly Types.ObjectId[], year: number): Promise<SourceFacts> {
  const facts: SourceFacts = new Map();
  const commissioners = await CommissionerModel.find(institutionCommissionersQuery(orgs, year).filter, { user: 1, org: 1 }).sort({ _id: 1 }).lean();
  if (!commissioners.length) {
    return facts;
  }
  const names = new Map((await UserModel.find({ _id: { $in: commissioners.map((c) => c.user) } }, { displayName: 1 }).lean()).map((u) => [String(u._id), u.displayName]));
  const orgOfUser = new Map<string, string>();
  for (const c of commissioners) {
    orgOfUser.set(String(c.user), String(c.org));
    add(facts, String(c.org), 'commissioners_sent', 1, { kind: 'commissioner', id: String(c._id), label: names.get(String(c.user)) ?? '' });
  }
  const hours = await ServiceEntryModel.aggregate<{ _id: Types.ObjectId; hours: number }>([
    { $match: confirmedServiceQuery(year).filter },
    { $group: { _id: '$by', hours: { $sum: '$hours' } } },
  ]);
  for (const h of hours) {
    const org = orgOfUser.get(String(h._id));
    if (org) {
      add(facts, org, 'service_hours', h.hours);
    }
  }
  return facts;
}

/** Funded projects the institutions lead or partner (index {orgs, createdAt}). */
export function institutionProjectsQuery(orgs: readonly Types.ObjectId[]): QuerySpec {
  return { filter: { orgs: { $in: orgs } }, sort: { createdAt: -1 } };
}

/**
 * Projects funded and milestones met: one for each funded project of the call's year that the
 * institution leads or partners, and one for each of its milestones accepted with a report dated in
 * the year.
 */
export async function projectFacts(orgs: readonly Types.ObjectId[], year: number): Promise<SourceFacts> {
  const facts: SourceFacts = new Map();
  const ids = new Set(orgs.map(String));
  const w = yearWindow(year);
  const docs = await FundedProjectModel.find(institutionProjectsQuery(orgs).filter, { orgs: 1, number: 1, title: 1, year: 1, milestones: 1 }).sort({ _id: 1 }).lean();
  for (const p of docs) {
    const met = p.milestones.filter((m) => m.state === 'accepted' && m.report && m.report.date >= w.fromDay && m.report.date < w.toDay).length;
    for (const org of p.orgs.map(String).filter((o) => ids.has(o))) {
      const ref: RecordRef = { kind: 'project', id: String(p._id), label: `${p.number} ${p.title}` };
      if (p.year === year) {
        add(facts, org, 'projects_funded', 1, ref);
      }
      if (met) {
        add(facts, org, 'projects_funded', met, p.year === year ? undefined : ref);
      }
    }
  }
  return facts;
}

/** Every source, run one after the other (the machine is small; each is one indexed query or two). */
export const TRANSFER_INDEX_SOURCES = [resultFacts, dealFacts, contractFacts, commissionerFacts, projectFacts] as const;
