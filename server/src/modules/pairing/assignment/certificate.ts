import type { PairGraph } from './pair-graph';
import type { OptimalAssignment } from './optimal';

/**
 * Verifies optimality by LP duality, for instances too large for brute force: the duals are feasible
 * (u, v ≥ 0 and u_i + v_j ≥ w_ij on every pair) and the dual objective Σu + Σ c_j·v_j equals the total.
 * Returns the largest violation and the duality gap (both ~0 up to rounding for an optimal result).
 */
export function dualityCheck(g: PairGraph, r: OptimalAssignment): { worstViolation: number; gap: number } {
  const u = r.requestDual;
  const v = r.commissionerDual;
  let worst = 0;
  let dual = 0;
  for (let i = 0; i < g.requests; i++) {
    worst = Math.max(worst, -u[i]!);
    dual += u[i]!;
    for (let e = g.rowStart[i]!; e < g.rowStart[i + 1]!; e++) {
      worst = Math.max(worst, g.score[e]! - u[i]! - v[g.col[e]!]!);
    }
  }
  for (let j = 0; j < g.commissioners; j++) {
    worst = Math.max(worst, -v[j]!);
    dual += g.capacity[j]! * v[j]!;
  }
  return { worstViolation: worst, gap: dual - r.total };
}
