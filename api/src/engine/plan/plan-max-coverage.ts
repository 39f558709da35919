import { EngineInputError } from '../types';
import { planCheckProblem, planReachableWeight } from './plan-check-problem';
import { PlanCoverState } from './plan-cover-state';
import { planLazyGreedy } from './plan-lazy-greedy';
import { planMeetMinimums } from './plan-meet-minimums';
import { planRankSites } from './plan-rank-sites';
import { planSumOfLargest } from './plan-sum-of-largest';
import { planLagrangianRestarts } from './plan-lagrangian-restarts';
import { planSwapSearch } from './plan-swap-search';
import type { CoverageConstraints, CoverageProblem, MaxCoverageOptions, MaxCoverageResult } from './plan-types';

/**
 * Maximal covering (MCLP) heuristic: chooses up to `siteCount` candidate sites maximising newly covered weight
 * (residents), honouring excluded candidates and per-township minimum counts.
 *
 * Method: (1) township minimums first — lazy greedy restricted to candidates in townships still below their
 * minimum, until every minimum is met; (2) lazy greedy (CELF) over all allowed candidates up to `siteCount`,
 * stopping early if no candidate adds coverage; (3) best-improvement 1-swap local search within
 * `maxSwapSweeps` sweeps; (4) unless the bounds so far already prove the plan optimal, Lagrangian-guided restarts
 * (planLagrangianRestarts): a subgradient run on a core of candidates gives an upper bound and plans of high
 * Lagrangian score, each repaired and polished with the swap search — 1-swap alone stops in local optima — and
 * stops as soon as the bound proves the best plan optimal or within `gapTolerance` (0.01%) of it; (5) final
 * ranking greedy within the chosen set.
 * The upper bound is the least of: the Lagrangian bound, the greedy online bound (the lesser of f(S) + sum of the
 * k largest marginal gains given S at the greedy's first step and at the final set S) and the total open weight
 * any allowed candidate reaches, rounded down to a whole number when all weights are whole (the optimum then is).
 * All ignore township minimums, which can only lower the optimum, so they bound the constrained optimum too.
 *
 * @example
 * const plan = planMaxCoverage({ demandWeight, alreadyCovered, candidateCovers }, 10, { townshipMinimums: { 3: 1 } });
 * plan.sites[0].candidateIndex; plan.newlyCoveredWeight; plan.gapToUpperBound;
 * @see Church & ReVelle 1974 (MCLP); Nemhauser, Wolsey & Fisher 1978 (greedy and its online bound);
 *   Minoux 1978 / Leskovec et al. 2007 (lazy evaluation).
 */
export function planMaxCoverage(
  problem: CoverageProblem,
  siteCount: number,
  constraints: CoverageConstraints = {},
  options: MaxCoverageOptions = {},
): MaxCoverageResult {
  if (!Number.isInteger(siteCount) || siteCount < 0) throw new EngineInputError(`siteCount must be a whole number ≥ 0, got ${siteCount}`);
  const prepared = planCheckProblem(problem, constraints);
  if (prepared.minimumTotal > siteCount) {
    throw new EngineInputError(`township minimums need ${prepared.minimumTotal} sites but only ${siteCount} are planned`);
  }
  const maxSweeps = options.maxSwapSweeps ?? 1000;
  if (!Number.isInteger(maxSweeps) || maxSweeps < 0) throw new EngineInputError(`maxSwapSweeps must be a whole number ≥ 0, got ${maxSweeps}`);
  const state = new PlanCoverState(prepared);

  planMeetMinimums(prepared, state);
  let upperBound = Infinity;
  planLazyGreedy(prepared, state, {
    eligible: () => true,
    maxSites: siteCount - state.chosen.length,
    acceptZeroGain: false,
    // At the first step the heap holds exact gains; later steps hold stale ones and gave weaker bounds than the Lagrangian.
    onStep: (bounds) => {
      if (Number.isFinite(upperBound)) return;
      const gains = new Float64Array(bounds.length);
      for (let b = 0; b < bounds.length; b++) gains[b] = bounds[b].gain;
      upperBound = state.value + planSumOfLargest(gains, siteCount);
    },
  });
  const greedyCoveredWeight = state.value;
  const gainEvaluations = state.evaluations;

  const swap = options.skipSwaps ? { swapCount: 0, sweeps: 0, stoppedBy: 'skipped' as const } : planSwapSearch(prepared, state, maxSweeps);
  const swapCoveredWeight = state.value;
  const iterations = options.skipSwaps ? 0 : options.lagrangianIterations ?? 300;
  if (!Number.isInteger(iterations) || iterations < 0) throw new EngineInputError(`lagrangianIterations must be a whole number ≥ 0, got ${iterations}`);
  const gapTolerance = options.gapTolerance ?? 1e-4;
  if (!(gapTolerance >= 0 && gapTolerance < 1)) throw new EngineInputError(`gapTolerance must be a share in [0, 1), got ${gapTolerance}`);
  const reachableWeight = planReachableWeight(prepared);
  const improved = planLagrangianRestarts(prepared, state, siteCount, Math.min(upperBound, reachableWeight), {
    iterations, guides: options.guidePlans ?? 6, maxSwapSweeps: maxSweeps, gapTolerance,
  });

  const sites = planRankSites(prepared, improved.chosen, true);
  const newlyCoveredWeight = sites.reduce((sum, s) => sum + s.marginalGain, 0);
  const finalState = new PlanCoverState(prepared);
  for (const j of improved.chosen) finalState.add(j);
  const finalGains = new Float64Array(prepared.candidateCount);
  for (let j = 0; j < prepared.candidateCount; j++) {
    if (prepared.allowed[j] && !finalState.chosenMask[j]) finalGains[j] = finalState.gain(j);
  }
  upperBound = Math.min(upperBound, newlyCoveredWeight + planSumOfLargest(finalGains, siteCount));
  const greedyBound = upperBound;
  let boundMethod: MaxCoverageResult['boundMethod'] = 'greedy-online';
  if (improved.lagrangianBound < upperBound) { upperBound = improved.lagrangianBound; boundMethod = 'lagrangian'; }
  if (reachableWeight < upperBound) { upperBound = reachableWeight; boundMethod = 'reachable-weight'; }
  // Whole-number weights: so is the optimum. Rounding guard: the bound can never be below an achieved value.
  if (improved.granularity > 0) upperBound = Math.floor(upperBound + 1e-9 * Math.max(1, prepared.totalWeight));
  upperBound = Math.max(upperBound, newlyCoveredWeight);
  const total = prepared.totalWeight;
  const percent = (x: number) => (total > 0 ? (100 * x) / total : 0);
  return {
    sites,
    requestedSiteCount: siteCount,
    newlyCoveredWeight,
    greedyCoveredWeight,
    upperBound,
    gapToUpperBound: upperBound > 0 ? (upperBound - newlyCoveredWeight) / upperBound : 0,
    totalWeight: total,
    alreadyCoveredWeight: prepared.alreadyCoveredWeight,
    coveragePercentBefore: percent(prepared.alreadyCoveredWeight),
    coveragePercentAfter: percent(prepared.alreadyCoveredWeight + newlyCoveredWeight),
    swapCoveredWeight,
    swapCount: swap.swapCount + improved.swapCount,
    swapSweeps: swap.sweeps + improved.swapSweeps,
    swapStoppedBy: improved.sweepBudgetHit ? 'sweep-budget' : swap.stoppedBy,
    boundMethod,
    greedyOnlineBound: Math.max(greedyBound, newlyCoveredWeight),
    lagrangianBound: Number.isFinite(improved.lagrangianBound) ? improved.lagrangianBound : null,
    reachableWeight,
    lagrangianIterations: improved.iterations,
    guidePlansTried: improved.guidesTried,
    guideImprovements: improved.improvements,
    gainEvaluations,
  };
}
