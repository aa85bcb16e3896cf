/**
 * Comparable deals: the spread of amounts of past contracts of the same type in the same discipline
 * and industry, widened to the same type when fewer than 3 match. Fewer than 3 contracts give a
 * count and no figure (k-anonymity: no single contract's amount can be read off, and no party is
 * ever named). Amounts are read with a projection and summarised here, the same on every database.
 */
import { CONTRACT_LIMITS, CONTRACT_TYPE_CODES, type ComparableQuery, type ComparableView, type ContractType, type ResultComparableView } from '@kezhuan/shared';
import { createError } from '../../lib/errors';
import type { QuerySpec } from '../../lib/query-spec';
import { ResearchResultModel } from '../results/result.model';
import { ContractModel } from './contract.model';

/** Contracts of a type, optionally of a discipline and industry → {type, discipline, industry}. */
export function comparableAmountsQuery(type: ContractType, discipline?: string | null, industry?: string | null): QuerySpec {
  return { filter: { type, ...(discipline ? { discipline } : {}), ...(industry ? { industry } : {}) } };
}

async function amounts(spec: QuerySpec): Promise<number[]> {
  const docs = await ContractModel.find(spec.filter, { amount: 1, _id: 0 }).lean<{ amount: number }[]>();
  return docs.map((d) => d.amount).sort((a, b) => a - b);
}

const cents = (v: number) => Math.round(v * 100) / 100;

/** The p-quantile of sorted values, interpolated between neighbours (as spreadsheets do). */
export function quantile(sorted: readonly number[], p: number): number {
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return cents(sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo));
}

/** Count and spread of sorted amounts; no figures under the k-anonymity threshold. */
export function spread(sorted: readonly number[]): Pick<ComparableView, 'count' | 'amounts'> {
  if (sorted.length < CONTRACT_LIMITS.kAnonymity) {
    return { count: sorted.length, amounts: null };
  }
  return { count: sorted.length, amounts: { min: sorted[0]!, q1: quantile(sorted, 0.25), median: quantile(sorted, 0.5), q3: quantile(sorted, 0.75), max: sorted[sorted.length - 1]! } };
}

export async function comparableContracts(q: ComparableQuery): Promise<ComparableView> {
  if (q.discipline || q.industry) {
    const narrow = await amounts(comparableAmountsQuery(q.type, q.discipline, q.industry));
    if (narrow.length >= CONTRACT_LIMITS.kAnonymity) {
      return { type: q.type, basis: 'discipline_industry', ...spread(narrow) };
    }
  }
  return { type: q.type, basis: 'type', ...spread(await amounts(comparableAmountsQuery(q.type))) };
}

/** Comparable deals of each contract type for a published result's discipline and industry. */
export async function comparableForResult(id: string): Promise<ResultComparableView> {
  const result = await ResearchResultModel.findOne({ _id: id, status: 'published' }, { discipline: 1, industry: 1 }).lean();
  if (!result) {
    throw createError('NOT_FOUND');
  }
  const byType: ComparableView[] = [];
  for (const type of CONTRACT_TYPE_CODES) {
    byType.push(await comparableContracts({ type, discipline: result.discipline, industry: result.industry }));
  }
  return { byType };
}
