import { describe, expect, it } from 'vitest';
import { planCheckProblem } from '../../../api/src/engine/plan/plan-check-problem';
import { PlanCoverState } from '../../../api/src/engine/plan/plan-cover-state';
import { planLazyGreedy } from '../../../api/src/engine/plan/plan-lazy-greedy';
import { planSwapSearch } from '../../../api/src/engine/plan/plan-swap-search';
import { coveredWeightOf, randomInstance } from '../../fixtures/plan-instances';

describe('planSwapSearch', () => {
  it('ends in a 1-swap local optimum (checked by trying every exchange from the definition)', () => {
    let swaps = 0;
    for (let seed = 1; seed <= 25; seed++) {
      const p = randomInstance(seed, 60, 20, { density: 0.12, coveredShare: 0.25, townshipCount: 3 });
      const minimums = { 0: 1 };
      const prepared = planCheckProblem(p, { townshipMinimums: minimums });
      const state = new PlanCoverState(prepared);
      planLazyGreedy(prepared, state, { eligible: (j) => p.candidateTownship![j] === 0, maxSites: 1, acceptZeroGain: true });
      planLazyGreedy(prepared, state, { eligible: () => true, maxSites: 4, acceptZeroGain: false });
      const before = state.value;
      const outcome = planSwapSearch(prepared, state, 1000);
      swaps += outcome.swapCount;
      expect(outcome.stoppedBy).toBe('no-improving-swap');
      const chosen = [...state.chosen];
      const value = coveredWeightOf(p, chosen);
      expect(state.value).toBeCloseTo(value, 9);
      expect(value).toBeGreaterThanOrEqual(before);
      const inTownship0 = (set: number[]) => set.filter((j) => p.candidateTownship![j] === 0).length;
      expect(inTownship0(chosen)).toBeGreaterThanOrEqual(1);
      for (const s of chosen) {
        for (let j = 0; j < p.candidateCovers.length; j++) {
          if (chosen.includes(j)) continue;
          const swapped = chosen.map((x) => (x === s ? j : x));
          if (inTownship0(swapped) < 1) continue;
          expect(coveredWeightOf(p, swapped), `seed ${seed}: swap ${s}→${j}`).toBeLessThanOrEqual(value);
        }
      }
    }
    expect(swaps).toBeGreaterThan(0);
  });

  it('stops at the sweep budget', () => {
    // Hand instance of plan-max-coverage.test.ts: one improving swap exists from the greedy set {A, B}.
    const u = (...xs: number[]) => Uint32Array.from(xs);
    const p = {
      demandWeight: Float64Array.from([2, 2, 2, 2, 1.6, 1.5]), alreadyCovered: new Uint8Array(6),
      candidateCovers: [u(0, 1, 2, 3), u(0, 1, 4), u(2, 3, 5), u(5)],
    };
    const prepared = planCheckProblem(p);
    const state = new PlanCoverState(prepared);
    state.add(0);
    state.add(1);
    expect(planSwapSearch(prepared, state, 1)).toEqual({ swapCount: 1, sweeps: 1, stoppedBy: 'sweep-budget' });
    expect(planSwapSearch(prepared, state, 1)).toEqual({ swapCount: 0, sweeps: 1, stoppedBy: 'no-improving-swap' });
  });
});
