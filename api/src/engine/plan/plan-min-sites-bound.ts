import { planLagrangian } from './plan-lagrangian';
import type { ReducedCoverage } from './plan-reduce-demand';

/**
 * Lower bound on the fewest sites reaching `floor` (newly covered weight) from the maximal-covering Lagrangian:
 * when planLagrangian's upper bound for q columns is below `floor`, q sites are too few. Binary search for the
 * largest such q in [from, to]; returns that q + 1, or 0 when no q in the range is ruled out. `valueAt(q)`, the
 * coverage of some known q-site plan, sets the subgradient step (the bound converges much better with it).
 * Township minimums are ignored (they can only raise the optimum), so the bound stays valid with them.
 *
 * @example
 * const bound = planMinSitesBound(reduced, needed, 1, plan.length - 1, 300);
 * bound; // 0, or a count no plan can go below
 * @see Galvão & ReVelle 1996 (Lagrangian bound for maximal covering).
 */
export function planMinSitesBound(
  reduced: ReducedCoverage, floor: number, from: number, to: number, iterations: number, valueAt: (q: number) => number = () => 0,
): number {
  let bound = 0;
  let lo = Math.max(from, 1);
  let hi = to;
  while (lo <= hi) {
    const q = (lo + hi) >> 1;
    const lag = planLagrangian(reduced, q, { iterations, lowerBound: valueAt(q), guideCount: 1, stopBelow: floor });
    if (lag.upperBound < floor) { bound = q + 1; lo = q + 1; } else hi = q - 1;
  }
  return bound;
}
