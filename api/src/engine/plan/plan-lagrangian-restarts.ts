import type { PreparedCoverage } from './plan-check-problem';
import type { PlanCoverState } from './plan-cover-state';
import { planCoreLagrangian } from './plan-core-lagrangian';
import { planRepairPlan } from './plan-repair-plan';

/** Outcome of {@link planLagrangianRestarts}. */
export interface RestartsOutcome {
  chosen: number[];
  value: number;
  /** Lagrangian upper bound on the optimum (township minimums ignored); Infinity when the phase did not run. */
  lagrangianBound: number;
  /** 1 when every weight is a whole number (so is every plan value and the optimum), else 0. */
  granularity: number;
  /** The phase was skipped: the bound passed in already proved the start optimal (or no iterations were asked for). */
  skipped: boolean;
  /** Subgradient steps run (0 when skipped). */
  iterations: number;
  /** Guide plans polished, and how many of them beat the best plan before. */
  guidesTried: number;
  improvements: number;
  swapCount: number;
  swapSweeps: number;
  sweepBudgetHit: boolean;
}

/**
 * Lagrangian-guided restarts for maximal covering: runs {@link planCoreLagrangian} aimed at the start plan's
 * value; whenever the top-score plan of a step covers more than the best plan, it is repaired (township
 * minimums, greedy fill) and polished with the 1-swap search at once, which raises the value the steps aim at
 * (at most `guides` such plans); after the run, up to `guides` more of its best distinct plans are polished.
 * Nothing runs once the plan is proven optimal — with whole-number weights a bound less than 1 above the plan
 * value, else a bound equal to it — or within `gapTolerance` of the bound (a share, like HiGHS's mip_rel_gap).
 * `knownBound` is a valid upper bound found before (greedy online, reachable).
 *
 * @example
 * const better = planLagrangianRestarts(prepared, state, 20, greedyBound, { iterations: 300, guides: 6, maxSwapSweeps: 1000 });
 * better.chosen; better.lagrangianBound;
 * @see Galvão & ReVelle 1996 (Lagrangian heuristic for the MCLP).
 */
export function planLagrangianRestarts(
  prepared: PreparedCoverage,
  start: PlanCoverState,
  siteCount: number,
  knownBound: number,
  options: { iterations: number; guides: number; maxSwapSweeps: number; gapTolerance?: number },
): RestartsOutcome {
  let granularity = 1;
  for (let i = 0; i < prepared.demandCount && granularity > 0; i++) if (!Number.isInteger(prepared.openWeight[i])) granularity = 0;
  const out: RestartsOutcome = {
    chosen: [...start.chosen], value: start.value, lagrangianBound: Infinity, granularity, skipped: true, iterations: 0,
    guidesTried: 0, improvements: 0, swapCount: 0, swapSweeps: 0, sweepBudgetHit: false,
  };
  const tolerance = 1e-9 * Math.max(1, prepared.totalWeight);
  const gapTolerance = options.gapTolerance ?? 0;
  const proven = (bound: number) => (granularity > 0 ? bound + tolerance < out.value + granularity : bound <= out.value + tolerance)
    || (bound < Infinity && bound - out.value <= gapTolerance * bound);
  if (options.iterations === 0 || proven(knownBound)) return out;
  out.skipped = false;
  const tried = new Set<string>([keyOf(out.chosen)]);
  const tryPlan = (candidates: readonly number[]) => {
    const key = keyOf(candidates);
    if (tried.has(key)) return out.value;
    tried.add(key);
    out.guidesTried++;
    const { state, swap, meetsMinimums } = planRepairPlan(prepared, candidates, siteCount, options.maxSwapSweeps);
    out.swapCount += swap.swapCount;
    out.swapSweeps += swap.sweeps;
    if (swap.stoppedBy === 'sweep-budget') out.sweepBudgetHit = true;
    if (meetsMinimums && state.value > out.value + tolerance) {
      out.chosen = [...state.chosen];
      out.value = state.value;
      out.improvements++;
    }
    return out.value;
  };
  const lag = planCoreLagrangian(prepared, siteCount, {
    iterations: options.iterations, lowerBound: out.value, granularity, gapTolerance, guideCount: options.guides,
    onPlan: (candidates) => (out.guidesTried < options.guides ? tryPlan(candidates) : out.value),
  });
  let afterRun = 0;
  for (const candidates of lag.guidePlans) {
    if (afterRun >= options.guides || proven(Math.min(knownBound, lag.upperBound))) break;
    if (tried.has(keyOf(candidates))) continue;
    afterRun++;
    tryPlan(candidates);
  }
  out.lagrangianBound = Math.max(lag.upperBound, out.value);
  out.iterations = lag.iterations;
  return out;
}

function keyOf(candidates: readonly number[]): string {
  return [...candidates].sort((a, b) => a - b).join(',');
}
