import type { PreparedCoverage } from './plan-check-problem';
import { PlanCoverState } from './plan-cover-state';
import type { PlannedSite } from './plan-types';

/**
 * Ranks chosen candidates and recomputes each one's marginal gain (newly covered weight given the sites ranked
 * before it) from scratch, so the gains sum exactly to the plan's total. With `reorder` the order is greedy
 * within the chosen set (largest marginal gain first, ties to the lower index); without it the given order is kept.
 *
 * @example
 * const sites = planRankSites(prepared, [4, 1, 7], true); // sites[0].rank === 1
 */
export function planRankSites(prepared: PreparedCoverage, chosen: readonly number[], reorder: boolean): PlannedSite[] {
  const state = new PlanCoverState(prepared);
  const order: number[] = [];
  const gains: number[] = [];
  if (!reorder) {
    for (const j of chosen) {
      gains.push(state.add(j));
      order.push(j);
    }
  } else {
    const remaining = [...chosen].sort((a, b) => a - b);
    while (remaining.length > 0) {
      let bestAt = 0;
      let bestGain = -1;
      for (let r = 0; r < remaining.length; r++) {
        const g = state.gain(remaining[r]);
        if (g > bestGain) { bestGain = g; bestAt = r; }
      }
      const j = remaining.splice(bestAt, 1)[0];
      gains.push(state.add(j));
      order.push(j);
    }
  }
  return order.map((j, r) => ({
    rank: r + 1,
    candidateIndex: j,
    candidateId: prepared.ids ? prepared.ids[j] : null,
    marginalGain: gains[r],
    townshipIndex: prepared.township[j],
  }));
}
