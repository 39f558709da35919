import type { ExactCoverageResult } from './plan-types';

/** What the heuristic plan achieved, for {@link planCheckExact}. */
export type HeuristicAnswer =
  | { objective: 'max-coverage'; newlyCoveredWeight: number; totalWeight: number }
  | { objective: 'min-sites'; siteCount: number; reached: boolean; totalWeight: number };

/** An exact result that may be published, or why it may not. */
export type CheckedExact = { ok: true; result: ExactCoverageResult } | { ok: false; message: string; result: ExactCoverageResult };

/**
 * Refuses an exact result that a feasible heuristic plan contradicts, so no answer ever claims an "optimum"
 * worse than a plan it shows: MCLP "optimal" below the heuristic's coverage; LSCP "optimal" with more sites than
 * the heuristic, or "infeasible" when the heuristic reached the target. Such results are solver failures
 * (tolerances, numerical trouble); the caller keeps the heuristic plan and reports the failure.
 *
 * @example
 * const checked = planCheckExact({ objective: 'min-sites', siteCount: 22, reached: true, totalWeight }, exact);
 * if (!checked.ok) note(checked.message);
 */
export function planCheckExact(heuristic: HeuristicAnswer, exact: ExactCoverageResult): CheckedExact {
  const tolerance = 1e-6 * Math.max(1, heuristic.totalWeight);
  const refuse = (why: string): CheckedExact => ({ ok: false, message: `HiGHS answered "${exact.solverStatus}" but ${why}; reported as a solver failure`, result: exact });
  if (heuristic.objective === 'max-coverage') {
    if (exact.status === 'optimal' && exact.objective !== null && exact.objective < heuristic.newlyCoveredWeight - tolerance) {
      return refuse(`its optimum ${round(exact.objective)} is below the heuristic plan's ${round(heuristic.newlyCoveredWeight)}`);
    }
    if (exact.status === 'infeasible') return refuse('the heuristic found a feasible plan');
    return { ok: true, result: exact };
  }
  if (heuristic.reached && exact.status === 'infeasible') return refuse(`the heuristic reached the target with ${heuristic.siteCount} sites`);
  if (heuristic.reached && exact.status === 'optimal' && exact.objective !== null && exact.objective > heuristic.siteCount + 1e-6) {
    return refuse(`its optimum of ${round(exact.objective)} sites exceeds the heuristic plan's ${heuristic.siteCount}`);
  }
  return { ok: true, result: exact };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
