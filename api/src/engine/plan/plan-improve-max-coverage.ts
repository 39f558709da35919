import type { PreparedCoverage } from './plan-check-problem';
import { PlanCoverState } from './plan-cover-state';
import { planLagrangian } from './plan-lagrangian';
import type { ReducedCoverage } from './plan-reduce-demand';
import { planRepairPlan } from './plan-repair-plan';

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
    const { state, swap, meetsMinimums } = planRepairPlan(prepared, candidates, siteCount, options.maxSwapSweeps);
    swapCount += swap.swapCount;
    swapSweeps += swap.sweeps;
    if (swap.stoppedBy === 'sweep-budget') sweepBudgetHit = true;
    if (state.value > bestValue + tolerance && meetsMinimums) {
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

function valueOf(prepared: PreparedCoverage, chosen: readonly number[]): number {
  const state = new PlanCoverState(prepared);
  for (const j of chosen) state.add(j);
  return state.value;
}
