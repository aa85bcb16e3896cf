/**
 * The pairing run (双千): an administrator starts it over the open requests and the approved
 * commissioners of a term; it reads them in a few bulk reads, scores every pair in memory, solves
 * exactly (optimal b-matching) or stably (deferred acceptance, with the optimum beside it for the
 * price of stability), and stores the run and its proposed pairs in bulk. It runs in the background;
 * its status and progress are stored as it goes and pushed live to the administrator.
 */
import type { PairingRunInput, PairingRunView } from '@kezhuan/shared';
import { Types } from 'mongoose';
import { performance } from 'node:perf_hooks';
import { createError } from '../../lib/errors';
import { logger } from '../../lib/logger';
import { audit } from '../audit/audit.service';
import type { UserDoc } from '../users/user.model';
import { countBlockingPairs, pairGraphFromDense, solveOptimalAssignment, solveStableMatching, type PairGraph } from './assignment';
import { PairingModel } from './pairing.model';
import { loadRunInputs, type RunCommissioner, type RunRequest } from './run.inputs';
import { PairingRunModel, type PairingRunRecord } from './run.model';
import { presentRun } from './run.presenter';
import { assertMayRun } from './pairing.policy';
import { PairScorer } from './score';

/** Where run progress goes live (Socket.io); set by the realtime layer at start-up. */
export interface PairingProgressPublisher {
  push(userId: string, run: PairingRunView): void;
}
let publisher: PairingProgressPublisher | undefined;
export function setPairingProgressPublisher(p: PairingProgressPublisher | undefined): void {
  publisher = p;
}

/** Rows of the score matrix between two progress reports (and yields to the event loop). */
const ROWS_PER_STEP = 50;
const PUSH_EVERY_MS = 250;
/** A run takes seconds (README: ~2 s for 1,000 × 1,000); one running for this long was interrupted. */
const STALE_RUN_MS = 15 * 60_000;

/** Runs in flight in this process, so tests and shutdown can wait for them. */
const inFlight = new Map<string, Promise<void>>();

/** Resolves when the run (started in this process) has finished, whatever its outcome. */
export function runSettled(id: string): Promise<void> {
  return inFlight.get(id) ?? Promise.resolve();
}

class Progress {
  private lastAt = 0;
  constructor(private readonly run: PairingRunRecord) {}

  /** Stores and pushes the stage; within a stage, at most every PUSH_EVERY_MS. */
  async report(stage: string, done: number, total: number, force = false): Promise<void> {
    const now = performance.now();
    if (!force && stage === this.run.progress.stage && now - this.lastAt < PUSH_EVERY_MS) {
      return;
    }
    this.lastAt = now;
    this.run.progress = { stage, done, total };
    await PairingRunModel.updateOne({ _id: this.run._id }, { $set: { progress: this.run.progress } });
    publisher?.push(String(this.run.startedBy), presentRun(this.run));
  }
}

/** The score matrix, row by row, yielding (and reporting progress) every ROWS_PER_STEP rows. */
async function scoreMatrix(scorer: PairScorer, progress: Progress): Promise<PairGraph> {
  const n = scorer.requests.length;
  const m = scorer.commissioners.length;
  const dense = new Float64Array(n * m);
  for (let i0 = 0; i0 < n; i0 += ROWS_PER_STEP) {
    for (let i = i0; i < Math.min(n, i0 + ROWS_PER_STEP); i++) {
      for (let j = 0; j < m; j++) {
        dense[i * m + j] = scorer.placesLeft(j) > 0 ? scorer.score(i, j) : NaN;
      }
    }
    await progress.report('matrix', Math.min(n, i0 + ROWS_PER_STEP), n);
    await new Promise((resolve) => setImmediate(resolve));
  }
  const capacity = scorer.commissioners.map((_, j) => scorer.placesLeft(j));
  return pairGraphFromDense(dense, n, capacity, scorer.options.minScore);
}

/** The proposed pairs of an assignment, with each pair's parts and sentences, for one bulk insert. */
function pairDocs(run: PairingRunRecord, scorer: PairScorer, commissionerOf: Int32Array, commissioners: RunCommissioner[], requests: RunRequest[]) {
  const docs = [];
  const now = new Date();
  for (let i = 0; i < commissionerOf.length; i++) {
    const j = commissionerOf[i]!;
    if (j < 0) {
      continue;
    }
    const a = scorer.assess(i, j);
    if (!a.ok) {
      throw new Error(`solver proposed a forbidden pair (${i}, ${j}): ${a.reason}`);
    }
    const c = commissioners[j]!;
    const r = requests[i]!;
    docs.push({
      _id: new Types.ObjectId(), run: run._id, term: run.term, status: 'proposed', request: r.id, org: r.org, owner: r.owner,
      commissioner: c.id, commissionerUser: c.user, score: a.score, parts: a.parts, manual: false,
      commissionerAnswer: null, enterpriseAnswer: null, confirmedAt: null, createdAt: now, updatedAt: now,
    });
  }
  return docs;
}

async function execute(run: PairingRunRecord): Promise<void> {
  const progress = new Progress(run);
  const t0 = performance.now();
  await progress.report('read', 0, 1, true);
  const { commissioners, requests } = await loadRunInputs(run.term);
  const t1 = performance.now();
  const scorer = new PairScorer(commissioners, requests, run.options);
  const graph = await scoreMatrix(scorer, progress);
  const t2 = performance.now();
  await progress.report('solve', 0, 1, true);
  const optimal = solveOptimalAssignment(graph);
  const chosen = run.options.algorithm === 'stable' ? solveStableMatching(graph) : optimal;
  const blocking = run.options.algorithm === 'stable' ? countBlockingPairs(graph, chosen.commissionerOf) : null;
  const t3 = performance.now();
  await progress.report('store', 0, chosen.assigned, true);
  const docs = pairDocs(run, scorer, chosen.commissionerOf, commissioners, requests);
  const CHUNK = 500;
  for (let k = 0; k < docs.length; k += CHUNK) {
    await PairingModel.collection.insertMany(docs.slice(k, k + CHUNK), { ordered: false });
    await progress.report('store', Math.min(docs.length, k + CHUNK), docs.length);
  }
  const t4 = performance.now();
  const round = (x: number) => Math.round(x * 100) / 100;
  Object.assign(run, {
    status: 'proposed',
    progress: { stage: 'done', done: 1, total: 1 },
    inputs: { requests: requests.map((r) => r.id), commissioners: commissioners.map((c) => c.id), feasiblePairs: graph.col.length },
    totals: { score: round(docs.reduce((s, d) => s + d.score, 0)), pairs: docs.length, optimalScore: run.options.algorithm === 'stable' ? round(optimal.total) : null, blockingPairs: blocking },
    timings: { readMs: Math.round(t1 - t0), matrixMs: Math.round(t2 - t1), solveMs: Math.round(t3 - t2), storeMs: Math.round(t4 - t3) },
    finishedAt: new Date(),
  });
  await PairingRunModel.updateOne({ _id: run._id }, { $set: { status: run.status, progress: run.progress, inputs: run.inputs, totals: run.totals, timings: run.timings, finishedAt: run.finishedAt } });
  publisher?.push(String(run.startedBy), presentRun(run));
}

/** Starts a run of the term (one at a time per term); 409 while another is still running. */
export async function startRun(admin: UserDoc, input: PairingRunInput, ip: string): Promise<PairingRunRecord> {
  assertMayRun(admin);
  const { term, ...options } = input;
  // A run still "running" long after any run could finish was cut off by a restart: mark it failed.
  await PairingRunModel.updateMany(
    { term, status: 'running', startedAt: { $lt: new Date(Date.now() - STALE_RUN_MS) } },
    { $set: { status: 'failed', error: 'interrupted (the server stopped during the run)', finishedAt: new Date() } },
  );
  if (await PairingRunModel.exists({ term, status: 'running' })) {
    throw createError('INVALID_STATE', { message: '本服务期已有一轮配对正在运行', messageEn: 'A pairing run of this term is still running' });
  }
  const run = (await PairingRunModel.create({ term, status: 'running', options, startedBy: admin._id, startedAt: new Date() })).toObject() as PairingRunRecord;
  await audit({ action: 'pairing.run_start', actor: admin._id, target: { kind: 'pairing_run', id: String(run._id) }, detail: { term, ...options }, ip });
  const id = String(run._id);
  const done = execute(run)
    .catch(async (err: unknown) => {
      logger().error({ err, run: id }, 'pairing run failed');
      await PairingRunModel.updateOne({ _id: run._id }, { $set: { status: 'failed', error: err instanceof Error ? err.message : String(err), finishedAt: new Date() } });
    })
    .catch((err: unknown) => logger().error({ err, run: id }, 'pairing run failure not stored'))
    .finally(() => inFlight.delete(id));
  inFlight.set(id, done);
  return run;
}
