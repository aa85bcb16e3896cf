/**
 * The administrator's review of a proposed run: its pairs with their explanations, manual edits
 * (add, swap, remove; each re-checked for capacity, conflicts and the run's rules, answering with the
 * new total), comparison of two runs, and confirmation, which notifies both sides of every pair.
 */
import type { PairingPairSetInput } from '@kezhuan/shared';
import type { Types } from 'mongoose';
import { createError } from '../../lib/errors';
import { audit } from '../audit/audit.service';
import { CommissionerModel, type CommissionerRecord } from '../commissioners/commissioner.model';
import { ServiceRequestModel, type ServiceRequestRecord } from '../service-requests/service-request.model';
import type { UserDoc } from '../users/user.model';
import { PairingModel, type PairingRecord } from './pairing.model';
import { runPairsQuery } from './pairing.queries';
import { declinedPairs, loadsOfTerm, needDisciplines, toScoreCommissioner, toScoreRequest } from './run.inputs';
import { PairingRunModel, type PairingRunRecord } from './run.model';
import { assertMayRun } from './pairing.policy';
import { PairScorer } from './score';

export async function findRun(id: string): Promise<PairingRunRecord> {
  const run = await PairingRunModel.findById(id).lean<PairingRunRecord>();
  if (!run) {
    throw createError('NOT_FOUND');
  }
  return run;
}

export async function runPairs(run: PairingRunRecord): Promise<PairingRecord[]> {
  const { filter, sort } = runPairsQuery(run._id);
  return PairingModel.find(filter).sort(sort).lean<PairingRecord[]>();
}

function assertProposed(run: PairingRunRecord): void {
  if (run.status !== 'proposed') {
    throw createError('INVALID_STATE', { message: '只有待确认的配对结果可以修改或确认', messageEn: 'Only a proposed run can be edited or confirmed' });
  }
}

/** Recomputes and stores the run's total after an edit. */
async function retotal(run: PairingRunRecord): Promise<{ total: number; pairs: number }> {
  const scores = await PairingModel.find({ run: run._id }, { score: 1 }).lean();
  const total = Math.round(scores.reduce((s, p) => s + p.score, 0) * 100) / 100;
  await PairingRunModel.updateOne({ _id: run._id }, { $set: { 'totals.score': total, 'totals.pairs': scores.length } });
  return { total, pairs: scores.length };
}

const inRun = (ids: readonly Types.ObjectId[], id: string) => ids.some((x) => String(x) === id);

/**
 * Pairs a request of the run with a commissioner of the run by hand: a new pair for an unpaired
 * request, or a swap of its commissioner. Refused (409, with the reason in a sentence) when the pair
 * is forbidden under the run's options (checked first: the reason matters most), or the commissioner
 * has no place left in this run.
 */
export async function setPair(admin: UserDoc, runId: string, input: PairingPairSetInput, ip: string) {
  assertMayRun(admin);
  const run = await findRun(runId);
  assertProposed(run);
  if (!inRun(run.inputs.requests, input.request) || !inRun(run.inputs.commissioners, input.commissioner)) {
    throw createError('BAD_REQUEST', { message: '该需求或特派员不在本轮配对的范围内', messageEn: 'The request or the commissioner is not among the inputs of this run' });
  }
  const [request, commissioner] = await Promise.all([
    ServiceRequestModel.findById(input.request).lean<ServiceRequestRecord>(),
    CommissionerModel.findById(input.commissioner).lean<CommissionerRecord>(),
  ]);
  if (!request || request.status !== 'open' || !commissioner || commissioner.status !== 'approved') {
    throw createError('INVALID_STATE', { message: '该需求已不在待配对池中，或特派员已不可用', messageEn: 'The request is no longer open, or the commissioner is no longer available' });
  }
  const [load, inThisRun, current] = await Promise.all([
    loadsOfTerm(run.term, [commissioner._id]),
    PairingModel.find({ run: run._id, commissioner: commissioner._id }, { request: 1 }).lean(),
    PairingModel.findOne({ run: run._id, request: request._id }).lean<PairingRecord>(),
  ]);
  if (current && current.commissioner.equals(commissioner._id)) {
    throw createError('CONFLICT', { message: '该需求已与这位特派员配对', messageEn: 'The request is already paired with this commissioner' });
  }
  const held = load.get(String(commissioner._id)) ?? 0;
  const discipline = request.need ? ((await needDisciplines([request])).get(String(request.need)) ?? null) : null;
  const declined = (await declinedPairs(run.term)).get(String(request._id)) ?? [];
  const scorer = new PairScorer([toScoreCommissioner(commissioner, held)], [toScoreRequest(request, discipline, declined)], run.options);
  const a = scorer.assess(0, 0);
  if (!a.ok) {
    throw createError('CONFLICT', { message: `不能这样配对：${a.zh}`, messageEn: `This pair is not allowed: ${a.en}` });
  }
  if (held + inThisRun.length >= commissioner.capacity) {
    throw createError('CONFLICT', {
      message: `特派员的服务名额已满（共 ${commissioner.capacity} 家，本轮已安排 ${inThisRun.length} 家）`,
      messageEn: `The commissioner has no place left (${commissioner.capacity} in all, ${inThisRun.length} in this run)`,
    });
  }
  const fields = { commissioner: commissioner._id, commissionerUser: commissioner.user, score: a.score, parts: a.parts, manual: true };
  let pair: PairingRecord | null;
  if (current) {
    // Conditional on the old commissioner: two administrators editing at once cannot both win.
    pair = await PairingModel.findOneAndUpdate({ _id: current._id, commissioner: current.commissioner }, { $set: fields }, { returnDocument: 'after' }).lean<PairingRecord>();
    if (!pair) {
      throw createError('CONFLICT', { message: '该配对刚被修改，请刷新', messageEn: 'The pair was just changed; reload' });
    }
  } else {
    pair = (await PairingModel.create({ run: run._id, term: run.term, status: 'proposed', request: request._id, org: request.org, owner: request.owner, ...fields })).toObject() as PairingRecord;
  }
  await audit({
    action: 'pairing.pair_set', actor: admin._id, target: { kind: 'pairing_run', id: runId },
    detail: { request: input.request, commissioner: input.commissioner, replaced: current ? String(current.commissioner) : null, score: a.score }, ip,
  });
  return { pair, ...(await retotal(run)) };
}

/** Removes a proposed pair by hand (its request stays open for the next run). */
export async function removePair(admin: UserDoc, runId: string, pairId: string, ip: string) {
  assertMayRun(admin);
  const run = await findRun(runId);
  assertProposed(run);
  const removed = await PairingModel.findOneAndDelete({ _id: pairId, run: run._id, status: 'proposed' }).lean<PairingRecord>();
  if (!removed) {
    throw createError('NOT_FOUND');
  }
  await audit({
    action: 'pairing.pair_remove', actor: admin._id, target: { kind: 'pairing_run', id: runId },
    detail: { request: String(removed.request), commissioner: String(removed.commissioner), score: removed.score }, ip,
  });
  return { pair: null, ...(await retotal(run)) };
}

/** Pairs only in b (added), only in a (removed), kept, and the change of total from a to b. */
export async function compareRuns(aId: string, bId: string) {
  const [a, b] = await Promise.all([findRun(aId), findRun(bId)]);
  const [pa, pb] = await Promise.all([runPairs(a), runPairs(b)]);
  const key = (p: PairingRecord) => `${String(p.request)}:${String(p.commissioner)}`;
  const ka = new Set(pa.map(key));
  const kb = new Set(pb.map(key));
  const view = (p: PairingRecord) => ({ request: String(p.request), commissioner: String(p.commissioner), score: p.score });
  const sum = (ps: PairingRecord[]) => ps.reduce((s, p) => s + p.score, 0);
  return {
    a: aId,
    b: bId,
    added: pb.filter((p) => !ka.has(key(p))).map(view),
    removed: pa.filter((p) => !kb.has(key(p))).map(view),
    kept: pb.filter((p) => ka.has(key(p))).length,
    totalDelta: Math.round((sum(pb) - sum(pa)) * 100) / 100,
  };
}
