/**
 * `npm run bench:pairing [-- --size 1000 --seed 13 --repeats 5]`: a seeded 双千 instance of `size`
 * commissioners (capacities 1–3) × `size` requests, its score matrix, the exact optimal assignment and the
 * stable matching, timed; where python3 with scipy is available, the same capacity-expanded matrix solved
 * by scipy.optimize.linear_sum_assignment in the same run, with both times, their ratio and whether the
 * totals are equal. Solve times are the median of `repeats` runs (the first, cold, run is shown too).
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { checkAssignment, countBlockingPairs, dualityCheck, solveOptimalAssignment, solveStableMatching } from './assignment';
import { BENCH_MAX_KM, DEFAULT_RULE, benchGraph, benchInstance, type BenchRule } from './bench-instance';
import { scipyAvailable, solveWithScipy } from './scipy-compare';

const { values } = parseArgs({
  options: { size: { type: 'string', default: '1000' }, seed: { type: 'string', default: '13' }, repeats: { type: 'string', default: '5' },
    'min-score': { type: 'string', default: String(DEFAULT_RULE.minScore) },
    region: { type: 'string', default: DEFAULT_RULE.region },
  },
});
const size = Number(values.size);
const seed = Number(values.seed);
const repeats = Math.max(1, Number(values.repeats));
if (values.region !== 'nearby' && values.region !== 'anywhere') {
  throw new Error('--region must be nearby or anywhere');
}
const rule: BenchRule = { minScore: Number(values['min-score']), region: values.region };

const timed = <T>(f: () => T): [T, number] => {
  const t0 = performance.now();
  const r = f();
  return [r, performance.now() - t0];
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;
const rows: [string, string][] = [];

const [inst, instanceMs] = timed(() => benchInstance(seed, size, size));
const [graph, matrixMs] = timed(() => benchGraph(inst, rule));
const places = inst.capacity.reduce((s, c) => s + c, 0);
const pairs = graph.col.length;
rows.push(['instance (seed ' + seed + ')', `${size} commissioners (${places} places) × ${size} requests, built in ${ms(instanceMs)}`]);
rows.push([
  'score matrix',
  `${ms(matrixMs)} for ${(size * size).toLocaleString('en-US')} pairs; ${pairs.toLocaleString('en-US')} feasible ` +
    `(${((100 * pairs) / (size * size)).toFixed(1)} %: ${rule.region === 'nearby' ? `served cities, ≤ ${BENCH_MAX_KM} km, ` : ''}` +
    `exclusions, conflicts, score ≥ ${rule.minScore})`,
]);

const optimalTimes: number[] = [];
let [optimal, coldMs] = timed(() => solveOptimalAssignment(graph));
for (let k = 0; k < repeats; k++) {
  const [r, t] = timed(() => solveOptimalAssignment(graph));
  optimal = r;
  optimalTimes.push(t);
}
const check = checkAssignment(graph, optimal.commissionerOf);
const dual = dualityCheck(graph, optimal);
if (check.problems.length > 0) {
  throw new Error(`optimal assignment breaks constraints: ${check.problems.slice(0, 3).join('; ')}`);
}
rows.push([
  'optimal assignment',
  `${ms(median(optimalTimes))} (median of ${repeats}; first, cold run ${ms(coldMs)}); total ${optimal.total.toFixed(2)}, ` +
    `${optimal.assigned} requests paired; duality gap ${dual.gap.toExponential(1)}, worst dual violation ${dual.worstViolation.toExponential(1)}`,
]);

const stableTimes: number[] = [];
let stable = solveStableMatching(graph);
for (let k = 0; k < repeats; k++) {
  const [r, t] = timed(() => solveStableMatching(graph));
  stable = r;
  stableTimes.push(t);
}
const blocking = countBlockingPairs(graph, stable.commissionerOf);
rows.push([
  'stable matching',
  `${ms(median(stableTimes))}; total ${stable.total.toFixed(2)} (${((100 * stable.total) / optimal.total).toFixed(2)} % of the optimum), ` +
    `${stable.assigned} paired, ${blocking} blocking pairs; the optimum has ${countBlockingPairs(graph, optimal.commissionerOf)}`,
]);

if (scipyAvailable()) {
  const sc = solveWithScipy(graph, repeats);
  const scipyMs = median(sc.ms);
  const equal = Math.abs(sc.total - optimal.total) < 1e-6 && sc.forbiddenUsed === 0;
  rows.push([
    'scipy linear_sum_assignment',
    `${ms(scipyMs)} (median of ${repeats}) on the ${size} × ${places + size} expanded matrix; total ${sc.total.toFixed(2)}, ` +
      `${sc.assigned} paired, ${sc.forbiddenUsed} forbidden pairs used`,
  ]);
  rows.push([
    'ours / scipy',
    `${(median(optimalTimes) / scipyMs).toFixed(2)}× (target ≤ 1.5×); totals ${equal ? 'equal' : `DIFFER by ${(optimal.total - sc.total).toExponential(2)}`}`,
  ]);
} else {
  rows.push(['scipy linear_sum_assignment', 'skipped: python3 with scipy not available (pip install scipy)']);
}

console.log(['| stage | figure |', '| --- | --- |', ...rows.map(([a, b]) => `| ${a} | ${b} |`)].join('\n'));
