import type { PairingRunPairView, PairingRunView, PairingView } from '@kezhuan/shared';
import type { PairingRecord } from './pairing.model';
import type { PairingRunRecord } from './run.model';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A run as the administrator sees it (the input id lists stay on the server; their counts go out). */
export function presentRun(r: PairingRunRecord): PairingRunView {
  return {
    id: String(r._id),
    term: r.term,
    status: r.status,
    options: { weights: { ...r.options.weights }, regionRule: r.options.regionRule, minScore: r.options.minScore, algorithm: r.options.algorithm },
    progress: { stage: r.progress.stage, done: r.progress.done, total: r.progress.total },
    inputs: { requests: r.inputs.requests.length, commissioners: r.inputs.commissioners.length, feasiblePairs: r.inputs.feasiblePairs },
    totals: { score: r.totals.score, pairs: r.totals.pairs, optimalScore: r.totals.optimalScore ?? null, blockingPairs: r.totals.blockingPairs ?? null },
    timings: { readMs: r.timings.readMs, matrixMs: r.timings.matrixMs, solveMs: r.timings.solveMs, storeMs: r.timings.storeMs },
    error: r.error ?? null,
    startedAt: r.startedAt.toISOString(),
    finishedAt: iso(r.finishedAt),
  };
}

/** Names the presenters print: request titles, commissioner and enterprise names, by id. */
export interface PairingNames {
  request: Map<string, { title: string; city: string; county: string | null }>;
  commissioner: Map<string, string>;
  org: Map<string, string>;
}

const parts = (p: PairingRecord) => p.parts.map((x) => ({ part: x.part, fit: x.fit, points: x.points, zh: x.zh, en: x.en }));

export function presentRunPair(p: PairingRecord, names: PairingNames): PairingRunPairView {
  const r = names.request.get(String(p.request));
  return {
    id: String(p._id),
    request: { id: String(p.request), name: r?.title ?? '', city: r?.city ?? '', county: r?.county ?? null },
    commissioner: { id: String(p.commissioner), name: names.commissioner.get(String(p.commissioner)) ?? '' },
    score: p.score,
    parts: parts(p),
    manual: p.manual,
  };
}

const answer = (a: PairingRecord['commissionerAnswer']) => (a ? { accepted: a.accepted, reason: a.reason ?? null, at: a.at.toISOString() } : null);

/** A pairing as one of its sides sees it; `mayAnswer` is the side the caller may still answer for. */
export function presentPairing(p: PairingRecord, names: PairingNames, mayAnswer: PairingView['mayAnswer']): PairingView {
  const r = names.request.get(String(p.request));
  return {
    id: String(p._id),
    term: p.term,
    status: p.status,
    request: { id: String(p.request), title: r?.title ?? '', city: r?.city ?? '', county: r?.county ?? null },
    enterprise: { id: String(p.org), name: names.org.get(String(p.org)) ?? '' },
    commissioner: { id: String(p.commissioner), name: names.commissioner.get(String(p.commissioner)) ?? '' },
    score: p.score,
    parts: parts(p),
    commissionerAnswer: answer(p.commissionerAnswer),
    enterpriseAnswer: answer(p.enterpriseAnswer),
    confirmedAt: iso(p.confirmedAt),
    mayAnswer,
  };
}
