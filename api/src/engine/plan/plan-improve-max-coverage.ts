import type { PreparedCoverage } from './plan-check-problem';
import { PlanCoverState } from './plan-cover-state';
import { planLagrangian } from './plan-lagrangian';
import { planLazyGreedy } from './plan-lazy-greedy';
import { planMeetMinimums } from './plan-meet-minimums';
import type { ReducedCoverage } from './plan-reduce-demand';
import { planSwapSearch } from './plan-swap-search';

/** Outcome of {@link planImproveMaxCoverage}. */
export interface ImproveOutcome {
  chosen: number[];
  value: number;
  /** Lagrangian upper bound on the optimum (township minimums ignored). */
  lagrangianBound: number;
  /** Guide plans tried and how many of them beat the start. */
  guidesTried: number;
  improvements: number;
  swapCount: number;
  swapSweeps: number;
  sweepBudgetHit: boolean;
}

/**
 * Lagrangian-guided improvement of a maximal-covering plan: the subgradient run (see planLagrangian) gives an
 * upper bound and, as a by-product, plans made of the columns with the best Lagrangian scores. Each such plan is
 * repaired (township minimums, greedy fill to `siteCount`) and polished with the 1-swap search; the best plan wins.
 * Stops early once the plan meets the bound.
 *
 * @example
 * const better = planImproveMaxCoverage(prepared, reduced, state.chosen, 20, { iterations: 150, guides: 6, maxSwapSweeps: 1000 });
 * better.value; better.lagrangianBound;
 * @see Galvão & ReVelle 1996 (Lagrangian heuristic for the MCLP).
 */
export function planImproveMaxCoverage(
  prepared: PreparedCoverage,
  reduced: ReducedCoverage,
  start: readonly number[],
  siteCount: number,
  options: { iterations: number; guides: number; maxSwapSweeps: number; stopBelow?: number },
): ImproveOutcome {
  const tolerance = 1e-9 * Math.max(1, prepared.totalWeight);
  let best = [...start];
  let bestValue = valueOf(prepared, best);
  const lag = planLagrangian(reduced, siteCount, { iterations: options.iterations, lowerBound: bestValue, guideCount: options.guides, stopBelow: options.stopBelow });
  let guidesTried = 0;
  let improvements = 0;
  let swapCount = 0;
  let swapSweeps = 0;
  let sweepBudgetHit = false;
  const bestKey = () => [...best].sort((a, b) => a - b).join(',');
  for (const cols of lag.guidePlans) {
    if (bestValue >= lag.upperBound - tolerance) break;
    if (options.stopBelow !== undefined && bestValue >= options.stopBelow - tolerance) break;
    const candidates = cols.map((c) => reduced.columnCandidate[c]);
    if (candidates.slice().sort((a, b) => a - b).join(',') === bestKey()) continue;
    guidesTried++;
    const state = new PlanCoverState(prepared);
    for (const j of candidates) state.add(j);
    // Meet the minimums: drop the weakest sites outside short townships, then fill those townships.
    planMeetMinimums(prepared, state);
    while (state.chosen.length > siteCount) {
      let worst = -1;
      let worstLoss = Infinity;
      for (const j of state.chosen) {
        if (!removable(prepared, state, j)) continue;
        const l = state.loss(j);
        if (l < worstLoss) { worstLoss = l; worst = j; }
      }
      if (worst < 0) break;
      state.remove(worst);
    }
    planLazyGreedy(prepared, state, { eligible: () => true, maxSites: siteCount - state.chosen.length, acceptZeroGain: false });
    const swap = planSwapSearch(prepared, state, options.maxSwapSweeps);
    swapCount += swap.swapCount;
    swapSweeps += swap.sweeps;
    if (swap.stoppedBy === 'sweep-budget') sweepBudgetHit = true;
    if (state.value > bestValue + tolerance && meetsMinimums(prepared, state.chosen)) {
      best = [...state.chosen];
      bestValue = state.value;
      improvements++;
    }
  }
  return {
    chosen: best, value: bestValue, lagrangianBound: Math.max(lag.upperBound, bestValue),
    guidesTried, improvements, swapCount, swapSweeps, sweepBudgetHit,
  };
}

function countIn(prepared: PreparedCoverage, chosen: readonly number[], t: number): number {
  let n = 0;
  for (const j of chosen) if (prepared.township[j] === t) n++;
  return n;
}

function removable(prepared: PreparedCoverage, state: PlanCoverState, j: number): boolean {
  const t = prepared.township[j];
  const min = prepared.minimums.get(t);
  return min === undefined || countIn(prepared, state.chosen, t) > min;
}

function meetsMinimums(prepared: PreparedCoverage, chosen: readonly number[]): boolean {
  for (const [t, min] of prepared.minimums) if (countIn(prepared, chosen, t) < min) return false;
  return true;
}

function valueOf(prepared: PreparedCoverage, chosen: readonly number[]): number {
  const state = new PlanCoverState(prepared);
  for (const j of chosen) state.add(j);
  return state.value;
}
