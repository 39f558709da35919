import type { PreparedCoverage } from './plan-check-problem';
import { PlanCoverState } from './plan-cover-state';
import { planLazyGreedy } from './plan-lazy-greedy';
import { planMeetMinimums } from './plan-meet-minimums';
import { planSwapSearch, type SwapSearchOutcome } from './plan-swap-search';
import { planSitesInTownship, planWeakestRemovable } from './plan-weakest-site';

/** Outcome of {@link planRepairPlan}: the polished plan and its swap search. */
export interface RepairedPlan {
  state: PlanCoverState;
  swap: SwapSearchOutcome;
  /** The plan meets every township minimum (false only when the minimums could not be kept). */
  meetsMinimums: boolean;
}

/**
 * Turns a set of candidates (e.g. the top Lagrangian scores, which ignore township minimums) into a plan of at
 * most `siteCount` sites and polishes it: meets the minimums, drops the weakest sites outside townships at their
 * minimum while there are too many, fills up with the lazy greedy, then runs the 1-swap search.
 *
 * @example
 * const { state } = planRepairPlan(prepared, [12, 40, 7], 3, 1000);
 * state.value; state.chosen;
 * @see Galvão & ReVelle 1996 (Lagrangian plans repaired by greedy and interchange).
 */
export function planRepairPlan(prepared: PreparedCoverage, candidates: readonly number[], siteCount: number, maxSwapSweeps: number): RepairedPlan {
  const state = new PlanCoverState(prepared);
  for (const j of candidates) state.add(j);
  planMeetMinimums(prepared, state);
  while (state.chosen.length > siteCount) {
    const worst = planWeakestRemovable(prepared, state);
    if (worst < 0) break;
    state.remove(worst);
  }
  if (state.chosen.length < siteCount) planLazyGreedy(prepared, state, { eligible: () => true, maxSites: siteCount - state.chosen.length, acceptZeroGain: false });
  const swap = planSwapSearch(prepared, state, maxSwapSweeps);
  let meetsMinimums = true;
  for (const [t, min] of prepared.minimums) if (planSitesInTownship(prepared, state.chosen, t) < min) meetsMinimums = false;
  return { state, swap, meetsMinimums };
}
