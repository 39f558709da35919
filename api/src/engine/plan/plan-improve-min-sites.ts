import type { PreparedCoverage } from './plan-check-problem';
import { PlanCoverState } from './plan-cover-state';
import { planImproveMaxCoverage } from './plan-improve-max-coverage';
import { planMinSitesBound } from './plan-min-sites-bound';
import type { ReducedCoverage } from './plan-reduce-demand';
import { planSwapSearch } from './plan-swap-search';
import { planCanRemove, planWeakestRemovable } from './plan-weakest-site';

/** Outcome of {@link planImproveMinSites}. */
export interface ImproveMinSitesOutcome {
  chosen: number[];
  /** Sites removed as redundant (the rest still reach the target). */
  redundantDropped: number;
  /** Times a plan with one site fewer was found (swap / Lagrangian-guided search at k − 1). */
  reductions: number;
  /** Largest q with a Lagrangian proof that q sites cannot reach the target, plus one (0 when none was found). */
  lagrangianLowerBound: number;
}

/**
 * Improvement phase of the fewest-sites heuristic. (1) Drop redundant sites: while some chosen site can go with
 * the rest still reaching `needed`, remove the one that loses least. (2) Ejection: try k − 1 sites — remove the
 * site that loses least, run the 1-swap search and the Lagrangian-guided restarts of the maximal-covering
 * heuristic at k − 1; if the target is reached, keep it and repeat. (3) Lower bound: a Lagrangian bound of the
 * maximal covering with q sites below `needed` proves q sites are too few; the largest such q (binary search
 * between `knownLowerBound` and the plan's count) plus one is returned.
 *
 * @example
 * const better = planImproveMinSites(prepared, reduced, state, needed, 1, { iterations: 300, guides: 6, maxSwapSweeps: 1000 });
 * better.chosen.length; better.lagrangianLowerBound;
 * @see Galvão & ReVelle 1996; Beasley 1990, "A Lagrangian heuristic for set-covering problems".
 */
export function planImproveMinSites(
  prepared: PreparedCoverage,
  reduced: ReducedCoverage,
  state: PlanCoverState,
  needed: number,
  knownLowerBound: number,
  options: { iterations: number; guides: number; maxSwapSweeps: number },
): ImproveMinSitesOutcome {
  const tolerance = 1e-9 * Math.max(1, prepared.totalWeight);
  const redundantDropped = dropRedundant(prepared, state, needed - tolerance);
  let chosen = [...state.chosen];
  let reductions = 0;
  let lowerBound = 0;
  while (chosen.length > Math.max(knownLowerBound, prepared.minimumTotal, 1)) {
    const k = chosen.length - 1;
    const trial = new PlanCoverState(prepared);
    for (const j of chosen) trial.add(j);
    const weakest = planWeakestRemovable(prepared, trial);
    if (weakest < 0) break;
    trial.remove(weakest);
    planSwapSearch(prepared, trial, options.maxSwapSweeps);
    let next: number[] | null = trial.value >= needed - tolerance ? [...trial.chosen] : null;
    if (!next) {
      const better = planImproveMaxCoverage(prepared, reduced, trial.chosen, k, { ...options, stopBelow: needed - tolerance });
      if (better.value >= needed - tolerance) next = better.chosen;
      else if (better.lagrangianBound < needed - tolerance) { lowerBound = k + 1; break; }
    }
    if (!next) break;
    const s = new PlanCoverState(prepared);
    for (const j of next) s.add(j);
    dropRedundant(prepared, s, needed - tolerance);
    chosen = [...s.chosen];
    reductions++;
  }
  if (lowerBound === 0) lowerBound = planMinSitesBound(reduced, needed - tolerance, knownLowerBound, chosen.length - 1, options.iterations);
  return { chosen, redundantDropped, reductions, lagrangianLowerBound: lowerBound };
}

/** Removes, one at a time, the chosen site that loses least while the rest still cover `floor`. */
function dropRedundant(prepared: PreparedCoverage, state: PlanCoverState, floor: number): number {
  let dropped = 0;
  for (;;) {
    let best = -1;
    let bestLoss = Infinity;
    for (const j of state.chosen) {
      if (!planCanRemove(prepared, state, j)) continue;
      const l = state.loss(j);
      if (state.value - l >= floor && l < bestLoss) { bestLoss = l; best = j; }
    }
    if (best < 0) return dropped;
    state.remove(best);
    dropped++;
  }
}
