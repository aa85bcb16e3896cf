/**
 * The institutions' transformation index: the formula in force (versions of weights), the yearly
 * snapshot of raw values (recounted when stale or on request), the public ranking and an
 * institution's breakdown.
 */
import {
  DEFAULT_TRANSFER_WEIGHTS,
  TRANSFER_INDEX_CACHE_MINUTES,
  TRANSFER_INDEX_ORG_TYPES,
  TRANSFER_INDICATORS,
  TRANSFER_INDICATORS_NOT_RECORDED,
  CONTRACT_LIMITS,
  type TransferIndexBreakdownView,
  type TransferIndexFormulaView,
  type TransferIndexRankingView,
  type TransferIndexWeights,
  type TransferIndexWeightsInput,
} from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import type { QuerySpec } from '../../lib/query-spec';
import { audit } from '../audit/audit.service';
import { OrgModel } from '../orgs/org.model';
import { isApprovedMember } from '../orgs/membership.rules';
import { scoreInstitutions, type ScoredInstitution } from './transfer-index.compute';
import { TransferIndexFormulaModel, TransferIndexSnapshotModel, type InstitutionFacts, type TransferIndexSnapshotRecord } from './transfer-index.model';
import { TRANSFER_INDEX_SOURCES } from './transfer-index.sources';

interface Formula {
  version: number;
  weights: TransferIndexWeights;
  changedAt: Date | null;
  note: string | null;
}

/** The formula in force: the highest version. */
export const currentFormulaQuery: QuerySpec = { filter: { version: { $gte: 0 } }, sort: { version: -1 } };
/** Universities and institutes that are verified (index {type, verified, name}). */
export const institutionsQuery: QuerySpec = { filter: { type: { $in: [...TRANSFER_INDEX_ORG_TYPES] }, verified: true } };

export async function currentFormula(): Promise<Formula> {
  const doc = await TransferIndexFormulaModel.findOne(currentFormulaQuery.filter).sort(currentFormulaQuery.sort).lean();
  if (!doc) {
    return { version: 0, weights: { ...DEFAULT_TRANSFER_WEIGHTS }, changedAt: null, note: null };
  }
  return { version: doc.version, weights: { ...DEFAULT_TRANSFER_WEIGHTS, ...doc.weights } as TransferIndexWeights, changedAt: doc.createdAt, note: doc.note };
}

export function formulaView(f: Formula): TransferIndexFormulaView {
  return {
    version: f.version,
    weights: f.weights,
    indicators: TRANSFER_INDICATORS.map((i) => ({ key: i.key, weight: f.weights[i.key], normalisation: i.normalisation, recorded: !TRANSFER_INDICATORS_NOT_RECORDED.includes(i.key) })),
    changedAt: f.changedAt?.toISOString() ?? null,
    note: f.note,
  };
}

/** An administrator's new weights: stored as the next version and audited; rankings use them at once. */
export async function setWeights(actor: Express.User, input: TransferIndexWeightsInput, ip: string): Promise<TransferIndexFormulaView> {
  const before = await currentFormula();
  const version = before.version + 1;
  try {
    await TransferIndexFormulaModel.create({ version, weights: input.weights, note: input.note || null, by: actor._id });
  } catch (err) {
    if ((err as { code?: number }).code === 11000) {
      throw createError('CONFLICT');
    }
    throw err;
  }
  await audit({ action: 'transfer_index.weights', actor: actor._id as Types.ObjectId, target: { kind: 'transfer_index', id: String(version) }, detail: { from: before.weights, to: input.weights, note: input.note ?? null }, ip });
  return formulaView(await currentFormula());
}

/** Counts every institution's raw values for the year from the records and stores them. */
export async function recount(year: number, now = new Date()): Promise<TransferIndexSnapshotRecord> {
  const orgs = await OrgModel.find(institutionsQuery.filter, { name: 1, type: 1, city: 1 }).lean();
  const ids = orgs.map((o) => o._id);
  const facts = new Map<string, InstitutionFacts>(orgs.map((o) => [String(o._id), { org: String(o._id), name: o.name, type: o.type as InstitutionFacts['type'], city: o.city, raw: {}, records: {}, contractCount: 0 }]));
  for (const source of TRANSFER_INDEX_SOURCES) {
    for (const [org, f] of await source(ids, year)) {
      const target = facts.get(org);
      if (!target) {
        continue;
      }
      Object.assign(target.raw, f.raw);
      Object.assign(target.records, f.records);
      target.contractCount += f.contractCount ?? 0;
    }
  }
  const doc = { year, computedAt: now, orgs: [...facts.values()] };
  await TransferIndexSnapshotModel.updateOne({ year }, { $set: doc }, { upsert: true });
  return { ...doc, _id: undefined as never };
}

/** The year's snapshot, recounted when missing or older than TRANSFER_INDEX_CACHE_MINUTES. */
export async function snapshot(year: number, now = new Date()): Promise<TransferIndexSnapshotRecord> {
  const doc = await TransferIndexSnapshotModel.findOne({ year }).lean();
  if (doc && now.getTime() - doc.computedAt.getTime() < TRANSFER_INDEX_CACHE_MINUTES * 60_000) {
    return doc;
  }
  return recount(year, now);
}

export const defaultYear = (now = new Date()) => Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Shanghai' }).format(now));

async function scored(year: number): Promise<{ snap: TransferIndexSnapshotRecord; formula: Formula; rows: ScoredInstitution<InstitutionFacts>[] }> {
  const [snap, formula] = await Promise.all([snapshot(year), currentFormula()]);
  return { snap, formula, rows: scoreInstitutions(snap.orgs, formula.weights) };
}

const orgRef = (f: InstitutionFacts) => ({ id: f.org, name: f.name, type: f.type, city: f.city });

export async function ranking(query: { year?: number; type?: 'university' | 'institute'; city?: string }): Promise<TransferIndexRankingView> {
  const year = query.year ?? defaultYear();
  const { snap, formula, rows } = await scored(year);
  return {
    year,
    computedAt: snap.computedAt.toISOString(),
    formula: formulaView(formula),
    total: rows.length,
    rows: rows
      .filter((r) => (!query.type || r.facts.type === query.type) && (!query.city || r.facts.city === query.city))
      .map((r) => ({ rank: r.rank, org: orgRef(r.facts), score: r.score })),
  };
}

/**
 * One institution's breakdown. Its approved members also get the records behind each indicator;
 * everybody else the numbers, with the contract value hidden under 3 contracts (it would tell a
 * contract's price, as the market statistics rule says).
 */
export async function breakdown(user: Express.User | undefined, orgId: string, year = defaultYear()): Promise<TransferIndexBreakdownView> {
  const { snap, formula, rows } = await scored(year);
  const row = rows.find((r) => r.facts.org === orgId);
  if (!row) {
    throw createError('NOT_FOUND');
  }
  const member = Boolean(user && isApprovedMember(user, orgId));
  const hideValue = !member && row.facts.contractCount < CONTRACT_LIMITS.kAnonymity;
  return {
    year,
    computedAt: snap.computedAt.toISOString(),
    formula: formulaView(formula),
    org: orgRef(row.facts),
    rank: row.rank,
    total: rows.length,
    score: row.score,
    member,
    indicators: row.indicators.map((i) => ({
      ...i,
      recorded: !TRANSFER_INDICATORS_NOT_RECORDED.includes(i.key),
      raw: i.key === 'contract_value' && hideValue && i.raw > 0 ? null : i.raw,
      records: member ? (row.facts.records[i.key] ?? []) : null,
    })),
  };
}

/** The whole ranking with every indicator, for the administrators' XLSX. */
export async function rankingForExport(year = defaultYear()) {
  const { snap, formula, rows } = await scored(year);
  return { year, computedAt: snap.computedAt, formula, rows };
}
