import type { PreparedCoverage } from './plan-check-problem';
import type { PlanCoverState } from './plan-cover-state';

/** How many of the chosen candidates lie in township `t`. */
export function planSitesInTownship(prepared: PreparedCoverage, chosen: readonly number[], t: number): number {
  let n = 0;
  for (const j of chosen) if (prepared.township[j] === t) n++;
  return n;
}

/** Whether chosen candidate `j` can go without leaving its township below its minimum. */
export function planCanRemove(prepared: PreparedCoverage, state: PlanCoverState, j: number): boolean {
  const min = prepared.minimums.get(prepared.township[j]);
  return min === undefined || planSitesInTownship(prepared, state.chosen, prepared.township[j]) > min;
}

/**
 * The chosen candidate whose removal loses least and keeps every township minimum (the fewest-sites improvement and
 * the repair of Lagrangian plans both drop it first).
 *
 * @returns its index, or −1 when no chosen candidate can go
 * @example
 * const j = planWeakestRemovable(prepared, state); if (j >= 0) state.remove(j);
 */
export function planWeakestRemovable(prepared: PreparedCoverage, state: PlanCoverState): number {
  let weakest = -1;
  let weakestLoss = Infinity;
  for (const j of state.chosen) {
    if (!planCanRemove(prepared, state, j)) continue;
    const l = state.loss(j);
    if (l < weakestLoss) { weakestLoss = l; weakest = j; }
  }
  return weakest;
}
