import { seededRandom } from '../seeded-random';
import type { PreparedCoverage } from './plan-check-problem';
import { PlanCoverState } from './plan-cover-state';
import { planLazyGreedy } from './plan-lazy-greedy';
import { planMeetMinimums } from './plan-meet-minimums';
import { planSwapSearch } from './plan-swap-search';

/** Outcome of {@link planPerturbSearch}. */
export interface PerturbSearchOutcome {
  chosen: number[];
  value: number;
  /** Rounds that found a better plan. */
  improvements: number;
  swapCount: number;
  swapSweeps: number;
  /** True when some swap search ran out of its sweep budget. */
  sweepBudgetHit: boolean;
}

/**
 * Iterated local search around a 1-swap local optimum: each round drops a few randomly picked sites of the best
 * plan (1 up to a third of them), refills greedily without the dropped ones (township minimums first), runs the
 * 1-swap search (which may bring them back) and keeps the result if it covers more. `rounds` bounds the work;
 * the pseudo-random choice is seeded, so results are reproducible.
 *
 * @example
 * const better = planPerturbSearch(prepared, state.chosen, { rounds: 30, maxSwapSweeps: 1000, seed: 1 });
 * @see Lourenço, Martin & Stützle 2003, "Iterated local search".
 */
export function planPerturbSearch(
  prepared: PreparedCoverage,
  start: readonly number[],
  options: { rounds: number; maxSwapSweeps: number; seed: number },
): PerturbSearchOutcome {
  const rand = seededRandom(options.seed);
  const tolerance = 1e-9 * Math.max(1, prepared.totalWeight);
  let best = [...start];
  let bestValue = valueOf(prepared, best);
  let improvements = 0;
  let swapCount = 0;
  let swapSweeps = 0;
  let sweepBudgetHit = false;
  for (let round = 0; round < options.rounds && best.length > 0; round++) {
    const dropCount = 1 + Math.floor(rand() * Math.min(best.length, Math.max(2, Math.ceil(best.length / 3))));
    const order = [...best];
    for (let a = order.length - 1; a > 0; a--) {
      const b = Math.floor(rand() * (a + 1));
      [order[a], order[b]] = [order[b], order[a]];
    }
    const dropped = new Set(order.slice(0, dropCount));
    const state = new PlanCoverState(prepared);
    for (const j of best) if (!dropped.has(j)) state.add(j);
    planMeetMinimums(prepared, state);
    planLazyGreedy(prepared, state, {
      eligible: (j) => !dropped.has(j),
      maxSites: best.length - state.chosen.length,
      acceptZeroGain: false,
    });
    const swap = planSwapSearch(prepared, state, options.maxSwapSweeps);
    swapCount += swap.swapCount;
    swapSweeps += swap.sweeps;
    if (swap.stoppedBy === 'sweep-budget') sweepBudgetHit = true;
    if (state.value > bestValue + tolerance) {
      best = [...state.chosen];
      bestValue = valueOf(prepared, best);
      improvements++;
    }
  }
  return { chosen: best, value: bestValue, improvements, swapCount, swapSweeps, sweepBudgetHit };
}

function valueOf(prepared: PreparedCoverage, chosen: readonly number[]): number {
  const state = new PlanCoverState(prepared);
  for (const j of chosen) state.add(j);
  return state.value;
}

