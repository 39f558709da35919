import TinyQueue from 'tinyqueue';
import type { PreparedCoverage } from './plan-check-problem';
import type { PlanCoverState } from './plan-cover-state';

/** A heap entry: `gain` is the exact marginal gain of candidate `j` when `stamp` equals the chosen count, else an upper bound. */
export interface GainBound {
  gain: number;
  j: number;
  stamp: number;
}

/** One phase of the lazy greedy. */
export interface LazyGreedyPhase {
  /** Candidates this phase may pick (allowed and unchosen is checked too); re-checked when an entry is popped. */
  eligible: (j: number) => boolean;
  /** Add at most this many sites. */
  maxSites: number;
  /** Stop as soon as the newly covered weight reaches this value. */
  stopAtValue?: number;
  /** Pick sites that add nothing (needed to meet township minimums). */
  acceptZeroGain: boolean;
  /** Called before each pick with the heap entries (upper bounds of all eligible unchosen candidates). */
  onStep?: (bounds: readonly GainBound[]) => void;
}

/**
 * Lazy greedy (CELF) for weighted coverage: adds the candidate with the largest marginal gain, re-evaluating
 * only heap entries whose stored gain is stale. Stale gains are valid upper bounds because coverage is
 * submodular (a site's gain can only shrink as sites are added). Ties go to the lower candidate index.
 * Returns the number of sites added to `state`.
 *
 * @example
 * const added = planLazyGreedy(prepared, state, { eligible: () => true, maxSites: 10, acceptZeroGain: false });
 * @see Leskovec et al. 2007, "Cost-effective outbreak detection in networks" (CELF).
 */
export function planLazyGreedy(prepared: PreparedCoverage, state: PlanCoverState, phase: LazyGreedyPhase): number {
  const entries: GainBound[] = [];
  const stamp0 = state.chosen.length;
  for (let j = 0; j < prepared.candidateCount; j++) {
    if (prepared.allowed[j] && !state.chosenMask[j] && phase.eligible(j)) {
      entries.push({ gain: stamp0 === 0 ? prepared.singleGain[j] : state.gain(j), j, stamp: stamp0 });
    }
  }
  const heap = new TinyQueue<GainBound>(entries, (a, b) => b.gain - a.gain || a.j - b.j);
  const tolerance = 1e-12 * Math.max(1, prepared.totalWeight);
  let added = 0;
  while (added < phase.maxSites && heap.length > 0) {
    if (phase.stopAtValue !== undefined && state.value >= phase.stopAtValue - tolerance) break;
    phase.onStep?.(heap.data);
    let best: GainBound | undefined;
    while (heap.length > 0) {
      const top = heap.peek()!;
      if (!phase.eligible(top.j)) {
        heap.pop();
        continue;
      }
      if (top.stamp === state.chosen.length) {
        best = heap.pop();
        break;
      }
      heap.pop();
      top.gain = state.gain(top.j);
      top.stamp = state.chosen.length;
      heap.push(top);
    }
    if (!best || (best.gain <= 0 && !phase.acceptZeroGain)) break;
    state.add(best.j);
    added++;
  }
  return added;
}
