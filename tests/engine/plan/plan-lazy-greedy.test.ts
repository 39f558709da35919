import { describe, expect, it } from 'vitest';
import { planCheckProblem } from '../../../api/src/engine/plan/plan-check-problem';
import { PlanCoverState } from '../../../api/src/engine/plan/plan-cover-state';
import { planLazyGreedy } from '../../../api/src/engine/plan/plan-lazy-greedy';
import type { CoverageProblem } from '../../../api/src/engine/plan/plan-types';
import { coveredWeightOf, randomInstance } from '../../fixtures/plan-instances';

/** Plain greedy from the definition: recompute every gain each step, ties to the lower index, stop at zero gain. */
function naiveGreedy(problem: CoverageProblem, k: number): number[] {
  const chosen: number[] = [];
  for (let step = 0; step < k; step++) {
    const base = coveredWeightOf(problem, chosen);
    let best = -1;
    let bestGain = 0;
    problem.candidateCovers.forEach((_, j) => {
      if (chosen.includes(j)) return;
      const gain = coveredWeightOf(problem, [...chosen, j]) - base;
      if (gain > bestGain) { bestGain = gain; best = j; }
    });
    if (best < 0) break;
    chosen.push(best);
  }
  return chosen;
}

describe('planLazyGreedy', () => {
  it('picks the same sequence as plain greedy while evaluating fewer gains', () => {
    let lazyEvaluations = 0;
    let plainEvaluations = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const p = randomInstance(seed, 200, 40, { density: 0.05, coveredShare: 0.3, maxWeight: 1000 });
      const state = new PlanCoverState(planCheckProblem(p));
      planLazyGreedy(planCheckProblem(p), state, { eligible: () => true, maxSites: 8, acceptZeroGain: false });
      expect(state.chosen, `seed ${seed}`).toEqual(naiveGreedy(p, 8));
      expect(state.value).toBe(coveredWeightOf(p, state.chosen));
      lazyEvaluations += state.evaluations;
      plainEvaluations += 40 * 8;
    }
    expect(lazyEvaluations).toBeLessThan(plainEvaluations);
  });

  it('stops at a target value and can be restricted to eligible candidates', () => {
    const p = randomInstance(5, 100, 20, { density: 0.1 });
    const prepared = planCheckProblem(p);
    const state = new PlanCoverState(prepared);
    planLazyGreedy(prepared, state, { eligible: (j) => j % 2 === 1, maxSites: 20, acceptZeroGain: false, stopAtValue: 200 });
    expect(state.chosen.every((j) => j % 2 === 1)).toBe(true);
    expect(state.value).toBeGreaterThanOrEqual(200);
    state.remove(state.chosen[state.chosen.length - 1]);
    expect(state.value).toBeLessThan(200); // it stopped as soon as the target was reached
  });
});
