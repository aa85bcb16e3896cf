/**
 * What a pairing run reads, in a few bulk reads (FerretDB v1 has no $lookup and scans for any filter
 * but _id): the term's approved commissioners, the open requests, the disciplines of the needs those
 * requests came from, and the places commissioners already hold. Ordered by id (requests by opening,
 * then id) so that the same data gives the same matrix and the same result.
 */
import type { Types } from 'mongoose';
import { CommissionerModel, type CommissionerRecord } from '../commissioners/commissioner.model';
import { TechNeedModel } from '../needs/need.model';
import { ServiceRequestModel, type ServiceRequestRecord } from '../service-requests/service-request.model';
import { requestsInStatusQuery } from '../service-requests/service-request.queries';
import { PairingModel } from './pairing.model';
import { approvedOfTermQuery, declinedPairingsQuery, livePairingsQuery } from './pairing.queries';
import type { ScoreCommissioner, ScoreRequest } from './score';

export interface RunCommissioner extends ScoreCommissioner {
  id: Types.ObjectId;
  user: Types.ObjectId;
}

export interface RunRequest extends ScoreRequest {
  id: Types.ObjectId;
  org: Types.ObjectId;
  owner: Types.ObjectId;
}

const byId = (a: { _id: Types.ObjectId }, b: { _id: Types.ObjectId }) => (String(a._id) < String(b._id) ? -1 : String(a._id) > String(b._id) ? 1 : 0);

export function toScoreCommissioner(c: CommissionerRecord, load: number): RunCommissioner {
  return {
    id: c._id, user: c.user, org: c.org, stakes: c.stakes, orgStakes: c.orgStakes, expertise: c.expertise, keywords: c.keywords,
    disciplines: c.disciplines, industries: c.industries, cities: c.cities, counties: c.counties, capacity: c.capacity, load,
  };
}

export function toScoreRequest(r: ServiceRequestRecord, discipline: string | null, declined: readonly Types.ObjectId[] = []): RunRequest {
  return {
    declined,
    id: r._id, org: r.org, owner: r.owner, excluded: r.excluded, preferred: r.preferred, title: r.title, problem: r.problem,
    keywords: r.keywords, industry: r.industry, discipline, city: r.city, county: r.county,
  };
}

/** How many live pairings each commissioner (application id) holds in the term. */
export async function loadsOfTerm(term: number, only?: Types.ObjectId[]): Promise<Map<string, number>> {
  const filter = only ? { ...livePairingsQuery(term).filter, commissioner: { $in: only } } : livePairingsQuery(term).filter;
  const live = await PairingModel.find(filter, { commissioner: 1 }).lean();
  const load = new Map<string, number>();
  for (const p of live) {
    load.set(String(p.commissioner), (load.get(String(p.commissioner)) ?? 0) + 1);
  }
  return load;
}

/**
 * Pairs declined this term, by request: a declined commissioner is not proposed for the same request again
 * (the request goes back to the pool for someone else).
 */
export async function declinedPairs(term: number): Promise<Map<string, Types.ObjectId[]>> {
  const declined = await PairingModel.find(declinedPairingsQuery(term).filter, { request: 1, commissioner: 1 }).lean();
  const byRequest = new Map<string, Types.ObjectId[]>();
  for (const p of declined) {
    byRequest.set(String(p.request), [...(byRequest.get(String(p.request)) ?? []), p.commissioner]);
  }
  return byRequest;
}

/** Disciplines of the needs requests were made from (a request has none of its own). */
export async function needDisciplines(requests: readonly ServiceRequestRecord[]): Promise<Map<string, string | null>> {
  const ids = requests.flatMap((r) => (r.need ? [r.need] : []));
  const needs = ids.length ? await TechNeedModel.find({ _id: { $in: ids } }, { discipline: 1 }).lean() : [];
  return new Map(needs.map((n) => [String(n._id), (n.discipline as string | null | undefined) ?? null]));
}

export async function loadRunInputs(term: number): Promise<{ commissioners: RunCommissioner[]; requests: RunRequest[] }> {
  const [commissioners, requests, load, declined] = await Promise.all([
    CommissionerModel.find(approvedOfTermQuery(term).filter).lean<CommissionerRecord[]>(),
    ServiceRequestModel.find(requestsInStatusQuery('open').filter).lean<ServiceRequestRecord[]>(),
    loadsOfTerm(term),
    declinedPairs(term),
  ]);
  const disciplines = await needDisciplines(requests);
  commissioners.sort(byId);
  requests.sort((a, b) => (a.openedAt?.getTime() ?? 0) - (b.openedAt?.getTime() ?? 0) || byId(a, b));
  return {
    commissioners: commissioners.map((c) => toScoreCommissioner(c, load.get(String(c._id)) ?? 0)),
    requests: requests.map((r) => toScoreRequest(r, r.need ? (disciplines.get(String(r.need)) ?? null) : null, declined.get(String(r._id)))),
  };
}
