/**
 * The scipy side of `npm run bench:pairing`: the same problem as a plain rectangular assignment, solved by
 * `scipy.optimize.linear_sum_assignment(maximize=True)` in a python3 child process.
 *
 * Matrix: one row per request; one column per place (commissioner j repeated capacity_j times), then one
 * "unassigned" column per request, worth 0 to every request. A forbidden pair is worth FORBIDDEN (< 0):
 * with as many unassigned columns as requests, one is always free, so moving a request off a forbidden
 * pair to it gains −FORBIDDEN > 0: no optimum uses one, and the optimum of this matrix is exactly the
 * optimum b-matching (every request takes a place or an unassigned column).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PairGraph } from './assignment';

export const FORBIDDEN = -1000;

export interface ScipyResult {
  ms: number[];
  cpuMs: number[];
  total: number;
  assigned: number;
  forbiddenUsed: number;
}

/** True when `python3` with scipy can be run here. */
export function scipyAvailable(): boolean {
  const r = spawnSync('python3', ['-c', 'import scipy.optimize, numpy'], { stdio: 'ignore' });
  return r.status === 0;
}

/** The dense capacity-expanded matrix (requests × (places + requests)), row-major. */
export function expandedMatrix(g: PairGraph): { matrix: Float64Array; cols: number; slots: number } {
  const slotStart = new Int32Array(g.commissioners + 1);
  for (let j = 0; j < g.commissioners; j++) {
    slotStart[j + 1] = slotStart[j]! + g.capacity[j]!;
  }
  const slots = slotStart[g.commissioners]!;
  const cols = slots + g.requests;
  const matrix = new Float64Array(g.requests * cols);
  for (let i = 0; i < g.requests; i++) {
    const row = i * cols;
    matrix.fill(FORBIDDEN, row, row + slots);
    for (let e = g.rowStart[i]!; e < g.rowStart[i + 1]!; e++) {
      const j = g.col[e]!;
      matrix.fill(g.score[e]!, row + slotStart[j]!, row + slotStart[j + 1]!);
    }
  }
  return { matrix, cols, slots };
}

/** Solves the expanded matrix `repeats` times with scipy and returns its times and total. */
export function solveWithScipy(g: PairGraph, repeats: number): ScipyResult {
  const { matrix, cols, slots } = expandedMatrix(g);
  const dir = mkdtempSync(join(tmpdir(), 'kz-pairing-'));
  try {
    const file = join(dir, 'matrix.f64');
    writeFileSync(file, new Uint8Array(matrix.buffer, matrix.byteOffset, matrix.byteLength));
    const script = join(import.meta.dirname, 'scipy_lsa.py');
    const args = [script, file, g.requests, cols, slots, FORBIDDEN, repeats].map(String);
    const r = spawnSync('python3', args, { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (r.status !== 0) {
      throw new Error(`python3 scipy_lsa.py failed: ${r.stderr}`);
    }
    return JSON.parse(r.stdout) as ScipyResult;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
