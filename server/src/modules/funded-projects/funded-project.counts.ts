/**
 * Plan-target counters (plan.counters.ts) from funded projects: projects of a programme type by the
 * lead organisation's city and the call's year. One projected scan on {programmeType, year}.
 */
import type { ProgrammeType } from '@kezhuan/shared';
import type { QuerySpec } from '../../lib/query-spec';
import type { TargetCount } from '../plan/plan.counters';
import { FundedProjectModel } from './funded-project.model';

export function programmeCountQuery(type: ProgrammeType): QuerySpec {
  return { filter: { programmeType: type, year: { $gte: 0 } } };
}

/** Funded projects of `type` as `{ city, year, count }`. */
export async function countFundedProjects(type: ProgrammeType): Promise<TargetCount[]> {
  const counts = new Map<string, TargetCount>();
  const docs = await FundedProjectModel.find(programmeCountQuery(type).filter, { city: 1, year: 1, _id: 0 }).lean<{ city: string | null; year: number }[]>();
  for (const d of docs) {
    const key = `${d.city ?? ''}|${d.year}`;
    const row = counts.get(key) ?? { city: d.city ?? null, year: d.year, count: 0 };
    row.count += 1;
    counts.set(key, row);
  }
  return [...counts.values()].sort((a, b) => (a.city ?? '').localeCompare(b.city ?? '') || a.year - b.year);
}

/** Counter names the plan's targets use (plan.jilin-2011.ts) → programme type. */
export const PROGRAMME_COUNTERS: Record<string, ProgrammeType> = {
  'programme.major_transformation': 'major_transformation',
  'programme.key_transformation': 'key_transformation',
  'programme.sme_innovation_fund': 'sme_innovation',
};
