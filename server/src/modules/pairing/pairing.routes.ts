import {
  idParams,
  myPairingsQuery,
  paginated,
  pairingAnswerInput,
  pairingCompareQuery,
  pairingConfirmView,
  pairingEditView,
  pairingPairSetInput,
  pairingRunCompareView,
  pairingRunInput,
  pairingRunListQuery,
  pairingRunPairParams,
  pairingRunPairsView,
  pairingRunView,
  pairingView,
} from '@kezhuan/shared';
import type { ApiRouter } from '../../lib/api-router';
import { currentUser } from '../../lib/auth-guard';
import type { PairingRecord } from './pairing.model';
import { pairingNames } from './pairing.names';
import { assertMayRun } from './pairing.policy';
import { runsOfTermQuery } from './pairing.queries';
import { answerPairing, confirmRun, myPairings } from './confirm.service';
import { compareRuns, findRun, removePair, runPairs, setPair } from './review.service';
import { PairingRunModel, type PairingRunRecord } from './run.model';
import { presentRun, presentRunPair } from './run.presenter';
import { startRun } from './run.service';

const TAG = 'pairing';

async function editView(r: { pair: PairingRecord | null; total: number; pairs: number }) {
  return { pair: r.pair ? presentRunPair(r.pair, await pairingNames([r.pair])) : null, total: r.total, pairs: r.pairs };
}

/** Pairing runs (双千): start, follow, review with explanations, edit by hand, compare, confirm; both sides answer. */
export function pairingRoutes(api: ApiRouter): void {
  api.add({
    method: 'post', path: '/admin/pairing-runs', tag: TAG, access: ['admin'], status: 202,
    summary: 'Start a pairing run over the open requests and approved commissioners of a term (runs in the background; follow GET or the pairing:progress event)',
    body: pairingRunInput, response: pairingRunView, errors: ['INVALID_STATE'],
    handler: async ({ body }, req) => {
      const admin = currentUser(req);
      assertMayRun(admin);
      return presentRun(await startRun(admin, body, req.ip ?? ''));
    },
  });
  api.add({
    method: 'get', path: '/admin/pairing-runs', tag: TAG, access: ['admin'],
    summary: 'The pairing runs of a term, newest first',
    query: pairingRunListQuery, response: paginated(pairingRunView),
    handler: async ({ query }) => {
      const { filter, sort } = runsOfTermQuery(query.term);
      const runs = await PairingRunModel.find(filter).sort(sort).limit(50).lean<PairingRunRecord[]>();
      return { items: runs.map(presentRun), total: runs.length, page: 1, pageSize: 50 };
    },
  });
  api.add({
    method: 'get', path: '/admin/pairing-runs/compare', tag: TAG, access: ['admin'],
    summary: 'Compare two runs: pairs added and removed from a to b, and the change of total',
    query: pairingCompareQuery, response: pairingRunCompareView,
    handler: ({ query }) => compareRuns(query.a, query.b),
  });
  api.add({
    method: 'get', path: '/admin/pairing-runs/:id', tag: TAG, access: ['admin'],
    summary: 'A pairing run: status, progress, options, totals and timings',
    params: idParams, response: pairingRunView,
    handler: async ({ params }) => presentRun(await findRun(params.id)),
  });
  api.add({
    method: 'get', path: '/admin/pairing-runs/:id/pairs', tag: TAG, access: ['admin'],
    summary: "A run's pairs, best first, each with its score parts explained in Chinese and English",
    params: idParams, response: pairingRunPairsView,
    handler: async ({ params }) => {
      const run = await findRun(params.id);
      const pairs = await runPairs(run);
      const names = await pairingNames(pairs);
      return { run: presentRun(run), items: pairs.map((p) => presentRunPair(p, names)) };
    },
  });
  api.add({
    method: 'put', path: '/admin/pairing-runs/:id/pairs', tag: TAG, access: ['admin'],
    summary: 'Pair a request with a commissioner by hand, or swap its commissioner (re-checked: capacity, conflicts, the run rules); answers with the new total',
    params: idParams, body: pairingPairSetInput, response: pairingEditView, errors: ['CONFLICT'],
    handler: async ({ params, body }, req) => editView(await setPair(currentUser(req), params.id, body, req.ip ?? '')),
  });
  api.add({
    method: 'delete', path: '/admin/pairing-runs/:id/pairs/:pairId', tag: TAG, access: ['admin'],
    summary: 'Remove a proposed pair by hand; answers with the new total',
    params: pairingRunPairParams, response: pairingEditView,
    handler: async ({ params }, req) => editView(await removePair(currentUser(req), params.id, params.pairId, req.ip ?? '')),
  });
  api.add({
    method: 'post', path: '/admin/pairing-runs/:id/confirm', tag: TAG, access: ['admin'],
    summary: 'Confirm a proposed run: its pairs become pairings, both sides are notified, the requests leave the pool',
    params: idParams, response: pairingConfirmView,
    handler: async ({ params }, req) => {
      const r = await confirmRun(currentUser(req), params.id, req.ip ?? '');
      return { run: presentRun(await findRun(params.id)), ...r };
    },
  });
  api.add({
    method: 'get', path: '/me/pairings', tag: TAG, access: 'user',
    summary: 'My pairings, as a commissioner or for my enterprise, newest first',
    query: myPairingsQuery, response: paginated(pairingView),
    handler: async ({ query }, req) => myPairings(currentUser(req), query.side, query),
  });
  api.add({
    method: 'post', path: '/pairings/:id/answer', tag: TAG, access: 'user',
    summary: "Accept or decline a confirmed pairing (the commissioner; the request's owner or an enterprise manager); declining, with a reason, returns the request to the pool",
    params: idParams, body: pairingAnswerInput, response: pairingView,
    handler: async ({ params, body }, req) => answerPairing(currentUser(req), params.id, body),
  });
}
