import { EngineInputError } from '../types';
import { planCheckProblem, planReachableWeight } from './plan-check-problem';
import { PlanCoverState } from './plan-cover-state';
import { planLazyGreedy } from './plan-lazy-greedy';
import { planMeetMinimums } from './plan-meet-minimums';
import { solveMinSitesExact } from './plan-exact';
import { planImproveMinSites } from './plan-improve-min-sites';
import { planRankSites } from './plan-rank-sites';
import { planSetCover } from './plan-set-cover';
import { planReduceDemand } from './plan-reduce-demand';
import { planMinSitesBound } from './plan-min-sites-bound';
import { planTabuMinSites } from './plan-tabu-min-sites';
import type { CoverageConstraints, CoverageProblem, MinSitesOptions, MinSitesResult } from './plan-types';

/** Work of one tabu level, iterations × (nonzeros + columns): about 0.3 s (one swap ≈ 15 ns per nonzero). */
const TABU_WORK = 20_000_000;

/**
 * Set-covering (LSCP-style) heuristic: the fewest new sites so that `targetShare` (0..1) of the total weight
 * (residents, already covered ones included) is covered. Township minimums are met first (greedy within those
 * townships), then lazy greedy adds the site with the largest marginal gain until the target is reached. On models
 * below a size limit the Lagrangian set-cover heuristic (planSetCover: subgradient + Lagrangian-cost greedy +
 * redundancy removal each step, then fix-and-resolve rounds) gives a second plan. The improvement phase
 * (planImproveMinSites: drop redundant sites, then 1-swap and Lagrangian-guided maximal-covering restarts at one
 * site fewer) runs from both; last, on small models, tabu search (planTabuMinSites: eject the weakest site, swap
 * with a short memory until the target is reached again) takes the best plan further down. The fewest sites win.
 * When all allowed candidates together cannot reach the target it returns `{ reachable: false, maxShare }` at once.
 *
 * Lower bound, the largest of: the sum of township minimums; the greedy-gains bound (for any set S met during the
 * greedy, a plan T reaching the target needs f(S) + the |T| largest marginal gains given S ≥ target; steps 0, 1,
 * 2, 4, 8, …); the Lagrangian bounds (⌈set-cover Lagrangian bound⌉; q sites whose maximal-covering Lagrangian
 * bound is below the target are too few); and, when `options.highs` is given and the reduced model is small, ⌈LP relaxation⌉.
 *
 * @example
 * const plan = planMinSites({ demandWeight, alreadyCovered, candidateCovers }, 0.95);
 * if (plan.reachable) plan.siteCount; else plan.maxShare;
 * @see Toregas et al. 1971 (LSCP); Chvátal 1979 (greedy set cover).
 */
export function planMinSites(
  problem: CoverageProblem,
  targetShare: number,
  constraints: CoverageConstraints = {},
  options: MinSitesOptions = {},
): MinSitesResult {
  if (!Number.isFinite(targetShare) || targetShare < 0 || targetShare > 1) {
    throw new EngineInputError(`targetShare must be between 0 and 1, got ${targetShare}`);
  }
  const prepared = planCheckProblem(problem, constraints);
  const { totalWeight: total, alreadyCoveredWeight: already } = prepared;
  const tolerance = 1e-9 * Math.max(1, total);
  const share = (covered: number) => (total > 0 ? covered / total : 1);

  const maxNew = planReachableWeight(prepared);
  const maxShare = share(already + maxNew);
  const needed = targetShare * total - already;
  if (maxNew < needed - tolerance) {
    const pct = (x: number) => `${(100 * x).toFixed(2)}%`;
    return {
      reachable: false, targetShare, maxShare, totalWeight: total,
      message: `target ${pct(targetShare)} cannot be reached: all allowed candidates together cover at most ${pct(maxShare)} of the population`,
    };
  }

  const state = new PlanCoverState(prepared);
  planMeetMinimums(prepared, state);
  let lowerBound = prepared.minimumTotal;
  let step = 0;
  planLazyGreedy(prepared, state, {
    eligible: () => true,
    maxSites: prepared.allowedCount,
    stopAtValue: needed,
    acceptZeroGain: false,
    onStep: (bounds) => {
      if ((step & (step - 1)) === 0) {
        const gains = Float64Array.from(bounds, (b) => b.gain).sort().reverse();
        let reach = state.value;
        let count = 0;
        while (reach < needed - tolerance && count < gains.length) reach += gains[count++];
        lowerBound = Math.max(lowerBound, count);
      }
      step++;
    },
  });
  if (state.value < needed - tolerance) throw new Error('planMinSites: greedy stopped below a reachable target');
  const greedySiteCount = state.chosen.length;
  let boundMethod: 'lp-relaxation' | 'lagrangian' | 'greedy-gains' | 'township-minimums' =
    lowerBound > prepared.minimumTotal ? 'greedy-gains' : 'township-minimums';
  let chosen = [...state.chosen];
  const reduced = planReduceDemand(prepared);
  const nonzeros = reduced.rowColumns.length;
  if (options.highs) {
    if (nonzeros <= (options.lpMaxNonzeros ?? 200_000)) {
      const lp = solveMinSitesExact(options.highs, problem, targetShare, { ...constraints, lpRelaxation: true });
      if (lp.status === 'optimal' && lp.objective !== null) {
        const lpBound = Math.ceil(lp.objective - 1e-4); // slack for the LP tolerance: never round 7.0000001 up to 8
        if (lpBound > lowerBound) { lowerBound = lpBound; boundMethod = 'lp-relaxation'; }
      }
    }
  }
  // The set-cover heuristic's greedy costs (sites × columns) per subgradient step: only on models where that and
  // the nonzeros stay small (the stress set: ≤ 100,000 nonzeros, ≤ 160 × 900); larger ones keep greedy + improvement.
  const setCoverWork = greedySiteCount * reduced.columnCandidate.length;
  const small = nonzeros <= (options.setCoverMaxNonzeros ?? 150_000) && setCoverWork <= (options.setCoverMaxWork ?? 400_000);
  const iterations = options.lagrangianIterations ?? 300;
  if (!options.skipImprovement && chosen.length > lowerBound) {
    // Starts: the greedy plan and, on small models, the Lagrangian set-cover plan; each gets the improvement phase.
    const starts = [state];
    if (small) {
      const cover = planSetCover(reduced, needed, { iterations });
      if (cover.lowerBound > lowerBound) { lowerBound = cover.lowerBound; boundMethod = 'lagrangian'; }
      const trial = new PlanCoverState(prepared);
      for (const c of cover.columns) trial.add(reduced.columnCandidate[c]);
      planMeetMinimums(prepared, trial);
      if (trial.value >= needed - tolerance) {
        if (trial.chosen.length < chosen.length) chosen = [...trial.chosen];
        starts.unshift(trial);
      }
    }
    for (const start of starts) {
      if (chosen.length <= lowerBound) break;
      const improved = planImproveMinSites(prepared, reduced, start, needed, lowerBound, { iterations, guides: 6, maxSwapSweeps: 1000 });
      if (improved.chosen.length < chosen.length) chosen = improved.chosen;
      if (improved.lagrangianLowerBound > lowerBound) { lowerBound = improved.lagrangianLowerBound; boundMethod = 'lagrangian'; }
    }
    // Tabu search from the best plan down to the bound (small models: one swap costs a pass over the model).
    if (small && chosen.length > lowerBound) {
      const perLevel = Math.min(options.tabuIterationsPerLevel ?? 1000, Math.floor(TABU_WORK / (nonzeros + reduced.columnCandidate.length)));
      const tabu = planTabuMinSites(prepared, reduced, chosen, needed, lowerBound, { iterationsPerLevel: perLevel });
      chosen = tabu.chosen;
      // The level the search gave up on: with its best coverage steering the subgradient, the bound may rule it out.
      const proof = tabu.bestBelow > 0 && chosen.length - 1 >= Math.max(lowerBound, 1)
        ? planMinSitesBound(reduced, needed - tolerance, chosen.length - 1, chosen.length - 1, iterations, () => tabu.bestBelow) : 0;
      if (proof > lowerBound) { lowerBound = proof; boundMethod = 'lagrangian'; }
    }
  }
  lowerBound = Math.min(lowerBound, chosen.length);
  const sites = planRankSites(prepared, chosen, true);
  const newlyCoveredWeight = sites.reduce((sum, s) => sum + s.marginalGain, 0);
  return {
    reachable: true, targetShare, sites, siteCount: sites.length,
    coveredShare: share(already + newlyCoveredWeight), newlyCoveredWeight, maxShare,
    lowerBound, boundMethod, gapToLowerBound: sites.length > 0 ? (sites.length - lowerBound) / sites.length : 0,
    greedySiteCount, totalWeight: total,
  };
}
