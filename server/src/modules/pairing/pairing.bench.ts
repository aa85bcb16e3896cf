/**
 * `npm run bench:pairing [-- --size 1000 --seed 13 --repeats 7 --min-score 20 --region nearby|same_city|anywhere --db]`:
 * a seeded 双千 instance of `size` commissioners (capacities 1–3) × `size` requests made of real text
 * (bench-real.ts: ChinaXiv papers' keywords and institutions as expertise, the Jilin demo needs as
 * problems), its score matrix by the run's own score function (score.ts), the exact optimal assignment
 * and the stable matching, timed; where python3 with scipy is available, the same capacity-expanded
 * matrix solved by scipy.optimize.linear_sum_assignment in the same run, with both times, their ratio
 * and whether the totals are equal. With `--db`, the whole run (read, matrix, solve, store) once more
 * through the run service on the embedded FerretDB 2, then its confirm with the notifications to both sides
 * of every pair, beside the old one-at-a-time notification path (bench-db.ts).
 *
 * Solve times: the first (cold, JIT-compiling) run of ours is shown on its own; then `repeats` timed runs of
 * each solver, reported as best and median, wall clock and CPU time (the machine is shared: CPU time and
 * the best run are the steadier figures when other processes compete for the cores).
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { checkAssignment, countBlockingPairs, dualityCheck, solveOptimalAssignment, solveStableMatching } from './assignment';
import { DEFAULT_PAIRING_WEIGHTS, PAIRING_REGION_RULES, type PairingRegionRule } from '@kezhuan/shared';
import { buildPairGraph } from './assignment';
import { benchRunOnDb } from './bench-db';
import { realInstance } from './bench-real';
import { PairScorer } from './score';
import { scipyAvailable, solveWithScipy } from './scipy-compare';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '13' },
    repeats: { type: 'string', default: '7' },
    'min-score': { type: 'string', default: '20' },
    region: { type: 'string', default: 'nearby' },
    db: { type: 'boolean', default: false },
  },
});
const size = Number(values.size);
const seed = Number(values.seed);
const repeats = Math.max(1, Number(values.repeats));
if (!PAIRING_REGION_RULES.includes(values.region as PairingRegionRule)) {
  throw new Error(`--region must be one of ${PAIRING_REGION_RULES.join(', ')}`);
}
const options = { weights: DEFAULT_PAIRING_WEIGHTS, regionRule: values.region as PairingRegionRule, minScore: Number(values['min-score']) };

interface Timing {
  ms: number[];
  cpuMs: number[];
}
const timed = <T>(f: () => T): [T, number] => {
  const t0 = performance.now();
  const r = f();
  return [r, performance.now() - t0];
};
/** Runs f `repeats` times, wall clock and CPU time of each. */
const repeat = <T>(f: () => T): [T, Timing] => {
  const t: Timing = { ms: [], cpuMs: [] };
  let r = f(); // one more warm-up run, untimed
  for (let k = 0; k < repeats; k++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    r = f();
    t.ms.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    t.cpuMs.push((c.user + c.system) / 1000);
  }
  return [r, t];
};
const best = (xs: number[]) => Math.min(...xs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;
const times = (t: Timing) =>
  `best ${ms(best(t.ms))}, median ${ms(median(t.ms))} (CPU best ${ms(best(t.cpuMs))}, median ${ms(median(t.cpuMs))})`;
const fmt = (n: number) => n.toLocaleString('en-US');
const rows: [string, string][] = [];

const [inst, instanceMs] = timed(() => realInstance(seed, size, size));
// The matrix as the run builds it: the scorer (key terms of every request, normalised expertise) and every pair.
const [graph, matrixMs] = timed(() => {
  const scorer = new PairScorer(inst.commissioners, inst.requests, options);
  return buildPairGraph(size, inst.commissioners.map((_, j) => scorer.placesLeft(j)), (i, j) => scorer.score(i, j), options.minScore);
});
const places = inst.commissioners.reduce((s, c) => s + c.capacity, 0);
const pairs = graph.col.length;
rows.push([`instance (seed ${seed})`, `${size} commissioners (${places} places) × ${size} requests of real text, built in ${ms(instanceMs)}`]);
rows.push([
  'score matrix (score.ts)',
  `${ms(matrixMs)} for ${fmt(size * size)} pairs; ${fmt(pairs)} feasible (${((100 * pairs) / (size * size)).toFixed(1)} %: ` +
    `a common key term, region rule ${options.regionRule}, exclusions, conflicts, score ≥ ${options.minScore})`,
]);

const coldCpu0 = process.cpuUsage();
const [, coldMs] = timed(() => solveOptimalAssignment(graph));
const coldCpu = process.cpuUsage(coldCpu0);
const [optimal, optimalTiming] = repeat(() => solveOptimalAssignment(graph));
const check = checkAssignment(graph, optimal.commissionerOf);
if (check.problems.length > 0) {
  throw new Error(`optimal assignment breaks constraints: ${check.problems.slice(0, 3).join('; ')}`);
}
const dual = dualityCheck(graph, optimal);
rows.push(['optimal assignment, first (cold) run', `${ms(coldMs)} (CPU ${ms((coldCpu.user + coldCpu.system) / 1000)})`]);
rows.push([
  `optimal assignment, ${repeats} runs`,
  `${times(optimalTiming)}; total ${optimal.total.toFixed(2)}, ${optimal.assigned} requests paired; ` +
    `duality gap ${dual.gap.toExponential(1)}, worst dual violation ${dual.worstViolation.toExponential(1)}`,
]);

const [stable, stableTiming] = repeat(() => solveStableMatching(graph));
const blocking = countBlockingPairs(graph, stable.commissionerOf);
rows.push([
  `stable matching, ${repeats} runs`,
  `${times(stableTiming)}; total ${stable.total.toFixed(2)} (${((100 * stable.total) / optimal.total).toFixed(2)} % of the optimum), ` +
    `${stable.assigned} paired, ${blocking} blocking pairs (the optimal assignment has ${countBlockingPairs(graph, optimal.commissionerOf)})`,
]);

if (scipyAvailable()) {
  const sc = solveWithScipy(graph, repeats);
  const equal = Math.abs(sc.total - optimal.total) < 1e-6 && sc.forbiddenUsed === 0;
  rows.push([
    `scipy linear_sum_assignment, ${repeats} runs`,
    `${times(sc)} on the ${size} × ${places + size} expanded matrix; total ${sc.total.toFixed(2)}, ` +
      `${sc.assigned} paired, ${sc.forbiddenUsed} forbidden pairs used`,
  ]);
  const ratio = (a: number[], b: number[]) => `${(best(a) / best(b)).toFixed(2)}× best, ${(median(a) / median(b)).toFixed(2)}× median`;
  rows.push([
    'ours / scipy (target ≤ 1.5×)',
    `wall ${ratio(optimalTiming.ms, sc.ms)}; CPU ${ratio(optimalTiming.cpuMs, sc.cpuMs)}; totals ` +
      (equal ? 'equal' : `DIFFER by ${(optimal.total - sc.total).toExponential(2)}`),
  ]);
} else {
  rows.push(['scipy linear_sum_assignment', 'skipped: python3 with scipy is not available (pip install scipy)']);
}

if (values.db) {
  const { run, seedMs, wallMs, db, confirm } = await benchRunOnDb(inst, new Date().getFullYear());
  const t = run.timings;
  rows.push([
    'whole run on the database (run service, --db)',
    `${ms(wallMs)} wall: read ${ms(t.readMs)}, matrix ${ms(t.matrixMs)}, solve ${ms(t.solveMs)}, store ${ms(t.storeMs)} ` +
      `(${fmt(run.totals.pairs)} pairs, total ${run.totals.score.toFixed(2)}: stored requests have no need, so no discipline, unlike the in-memory ones); ` +
      `${db}; instance stored first in ${ms(seedMs)}`,
  ]);
  rows.push([
    'confirm the run (confirm.service, --db)',
    `${ms(confirm.confirmMs)} for ${fmt(confirm.confirmed)} pairs (${fmt(confirm.confirmed * 2)} notifications in one bulk, notifyMany); ` +
      `the same ${fmt(confirm.notifications)} notifications (other keys) to the same users: one notify() at a time (the path before, 20 at once) ${ms(confirm.oneByOneMs)}, ` +
      `notifyMany alone ${ms(confirm.bulkMs)}`,
  ]);
} else {
  rows.push(['whole run on the database', 'skipped: add --db to run it through the run service on the embedded FerretDB 2']);
}

console.log(['| stage | figure |', '| --- | --- |', ...rows.map(([a, b]) => `| ${a} | ${b} |`)].join('\n'));
