import type { ExactCoverageResult, MaxCoverageResult } from './plan-types';

/** How far a heuristic maximal-covering plan is from the best possible. */
export interface OptimalityGap {
  heuristicValue: number;
  /** The proven optimum, or else the tightest known upper bound. */
  referenceValue: number;
  referenceKind: 'optimum' | 'upper-bound';
  /** (referenceValue − heuristicValue) / referenceValue, 0..1 (0 when referenceValue is 0). An upper bound of the true gap when referenceKind is 'upper-bound'. */
  gap: number;
  /** Best solution the exact solver found, when it ran (may be below the heuristic after a time limit). */
  exactIncumbentValue: number | null;
}

/**
 * Optimality gap of a heuristic maximal-covering plan: against the exact optimum when HiGHS proved one,
 * otherwise against the tightest upper bound (the greedy online bound or HiGHS's best bound).
 *
 * @example
 * planOptimalityGap(planMaxCoverage(problem, 10), solveMaxCoverageExact(highs, problem, 10)).gap; // e.g. 0.002
 * @see Nemhauser, Wolsey & Fisher 1978 for the online bound used without an exact result.
 */
export function planOptimalityGap(heuristic: MaxCoverageResult, exact?: ExactCoverageResult): OptimalityGap {
  const heuristicValue = heuristic.newlyCoveredWeight;
  let referenceValue = heuristic.upperBound;
  let referenceKind: OptimalityGap['referenceKind'] = 'upper-bound';
  if (exact?.status === 'optimal' && exact.objective !== null) {
    // The solver's optimum is within its tolerances; never report a negative gap for a tie.
    referenceValue = Math.max(exact.objective, heuristicValue);
    referenceKind = 'optimum';
  } else if (exact?.bestBound !== null && exact?.bestBound !== undefined) {
    referenceValue = Math.max(heuristicValue, Math.min(referenceValue, exact.bestBound));
  }
  return {
    heuristicValue,
    referenceValue,
    referenceKind,
    gap: referenceValue > 0 ? (referenceValue - heuristicValue) / referenceValue : 0,
    exactIncumbentValue: exact?.objective ?? null,
  };
}
