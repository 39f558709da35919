import type { PreparedCoverage } from './plan-check-problem';
import { PlanCoreRelaxation } from './plan-core-relaxation';

/** Outcome of {@link planCoreLagrangian}. */
export interface CoreLagrangianOutcome {
  /** Upper bound on the newly covered weight of any `siteCount` candidates (township minimums ignored). */
  upperBound: number;
  /** Distinct candidate sets (top `siteCount` by Lagrangian score) met on the way, best actual coverage first. */
  guidePlans: number[][];
  /** Best plan value known at the end: the start value, raised by `onPlan`. */
  lowerBound: number;
  iterations: number;
  /** Candidates whose scores were tracked (the rest provably never reached the top `siteCount`). */
  coreSize: number;
}

/** Options of {@link planCoreLagrangian}. */
export interface CoreLagrangianOptions {
  iterations: number;
  /** Value of the best plan known (steps aim at it; the run stops once the bound meets it). */
  lowerBound: number;
  /** Every plan value is a multiple of this (1 when all weights are whole numbers, else 0): a bound less than one unit above the best plan proves it optimal. */
  granularity: number;
  /** Also stop once (bound − best plan) ≤ this share of the bound (like HiGHS's mip_rel_gap). Default 0. */
  gapTolerance?: number;
  guideCount?: number;
  patience?: number;
  /** Called with a top-score plan that covers more than the best plan; returns that plan's value once polished (the new best, if higher). */
  onPlan?: (candidates: number[], coveredWeight: number) => number;
}

/**
 * Lagrangian relaxation of maximal covering on demand points, computed on a core of candidates: relaxing
 * y_i ≤ Σ_{j covers i} x_j with multipliers 0 ≤ λ_i ≤ w_i gives L(λ) = Σ_i (w_i − λ_i) + (sum of the `siteCount`
 * largest scores c_j = Σ_{i in j} λ_i), an upper bound on the optimum for every λ. Starting from λ = w (L is then
 * the sum of the `siteCount` largest single-site gains g_j), subgradient steps (Polyak step μ·(L − best plan)/‖g‖²,
 * μ from 2.5, halved after `patience` = 10 steps without a lower bound; tuned on seeded 50,000 × 5,000 instances)
 * aim at the best known plan value.
 * Since λ ≤ w, every score is at most g_j, so only candidates in descending order of g_j down to the current
 * `siteCount`-th score need scores: the core grows (doubling) whenever that threshold falls below the largest
 * g_j outside it, and λ moves only on demand points the core covers. With small circles and k ≪ candidates the
 * core is a few hundred candidates, so a step costs microseconds instead of a pass over every cover list.
 * Scores are updated incrementally; the bound keeps a 1e-9 × total margin for rounding and, with whole-number
 * weights, is rounded down to a whole number (the optimum is one).
 *
 * @example
 * const lag = planCoreLagrangian(prepared, 20, { iterations: 300, lowerBound: plan.value, granularity: 1 });
 * lag.upperBound; lag.guidePlans[0];
 * @see Galvão & ReVelle 1996 (Lagrangian heuristic for the MCLP); Held, Wolfe & Crowder 1974 (subgradient steps);
 *   Caprara, Fischetti & Toth 1999 (pricing on a core of columns).
 */
export function planCoreLagrangian(prepared: PreparedCoverage, siteCount: number, options: CoreLagrangianOptions): CoreLagrangianOutcome {
  const margin = 1e-9 * Math.max(1, prepared.totalWeight);
  const relax = new PlanCoreRelaxation(prepared);
  let lowerBound = options.lowerBound;
  const { order } = relax;
  if (siteCount === 0 || order.length <= siteCount) {
    const upperBound = siteCount === 0 ? 0 : relax.coverageOf(order);
    return { upperBound, guidePlans: [order.slice(0, siteCount)], lowerBound, iterations: 0, coreSize: order.length };
  }
  relax.grow(Math.min(order.length, 4 * siteCount));
  const guides = new Map<string, { candidates: number[]; value: number }>();
  const guideCount = options.guideCount ?? 8;
  const patience = options.patience ?? 10;
  let best = Infinity;
  let mu = 2.5;
  let stale = 0;
  let iterations = 0;
  const gapTolerance = options.gapTolerance ?? 0;
  const proven = () => (options.granularity > 0 ? best + margin < lowerBound + options.granularity : best <= lowerBound + margin)
    || (best < Infinity && best + margin - lowerBound <= gapTolerance * (best + margin));
  for (let it = 0; it < options.iterations && !proven(); it++) {
    iterations++;
    const value = relax.selectTop(siteCount);
    if (value < best - margin) { best = value; stale = 0; } else if (++stale >= patience) { mu /= 2; stale = 0; }
    const candidates = relax.topCandidates();
    rememberGuide(guides, candidates, relax.covered, guideCount);
    if (options.onPlan && relax.covered > lowerBound + margin) lowerBound = Math.max(lowerBound, options.onPlan(candidates, relax.covered));
    if (proven() || mu < 1e-4) break;
    const norm = relax.subgradientNorm();
    if (norm === 0) break;
    relax.step((mu * Math.max(best - lowerBound, 1e-6 * prepared.totalWeight)) / norm);
  }
  let upperBound = best + margin;
  if (options.granularity > 0) upperBound = Math.floor(upperBound / options.granularity) * options.granularity;
  const guidePlans = [...guides.values()].sort((a, b) => b.value - a.value).map((g) => g.candidates);
  return { upperBound: Math.max(upperBound, lowerBound), guidePlans, lowerBound, iterations, coreSize: relax.core };
}

function rememberGuide(guides: Map<string, { candidates: number[]; value: number }>, candidates: number[], value: number, keep: number) {
  let worstKey = '';
  let worst = Infinity;
  for (const [k, g] of guides) if (g.value < worst) { worst = g.value; worstKey = k; }
  if (guides.size >= keep && worst >= value) return;
  const key = [...candidates].sort((a, b) => a - b).join(',');
  if (guides.has(key)) return;
  if (guides.size >= keep) guides.delete(worstKey);
  guides.set(key, { candidates, value });
}
