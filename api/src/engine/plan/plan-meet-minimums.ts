import type { PreparedCoverage } from './plan-check-problem';
import type { PlanCoverState } from './plan-cover-state';
import { planLazyGreedy } from './plan-lazy-greedy';

/**
 * Meets the per-township minimum site counts: lazy greedy restricted to candidates in townships still below
 * their minimum (counting the sites already in `state`), accepting sites that add no weight, until every
 * minimum is met. Does nothing when there are no minimums.
 *
 * @example
 * const prepared = planCheckProblem(problem, { townshipMinimums: { 3: 1 } });
 * const state = new PlanCoverState(prepared);
 * planMeetMinimums(prepared, state); // state.chosen now holds a candidate of township 3
 * @see planLazyGreedy for the greedy step (CELF).
 */
export function planMeetMinimums(prepared: PreparedCoverage, state: PlanCoverState): void {
  if (prepared.minimumTotal === 0) return;
  const { township, minimums } = prepared;
  const chosenIn = (t: number) => state.chosen.reduce((n, j) => n + (township[j] === t ? 1 : 0), 0);
  planLazyGreedy(prepared, state, {
    eligible: (j) => minimums.has(township[j]) && chosenIn(township[j]) < minimums.get(township[j])!,
    maxSites: prepared.minimumTotal,
    acceptZeroGain: true,
  });
}
