import { describe, expect, it } from 'vitest';
import { planCheckProblem } from '../../../api/src/engine/plan/plan-check-problem';
import { PlanCoverState } from '../../../api/src/engine/plan/plan-cover-state';
import { planMeetMinimums } from '../../../api/src/engine/plan/plan-meet-minimums';
import type { CoverageProblem } from '../../../api/src/engine/plan/plan-types';

/**
 * Demand weights 10, 5, 1, 7. Candidate j covers demand point j (candidate 3 covers nothing, candidate 4 covers
 * point 3); townships of the candidates: 0, 1, 1, 2, none.
 */
const problem: CoverageProblem = {
  demandWeight: Float64Array.from([10, 5, 1, 7]),
  alreadyCovered: new Uint8Array(4),
  candidateCovers: [Uint32Array.from([0]), Uint32Array.from([1]), Uint32Array.from([2]), new Uint32Array(0), Uint32Array.from([3])],
  candidateTownship: Int32Array.from([0, 1, 1, 2, -1]),
};

describe('planMeetMinimums', () => {
  it('picks only in townships below their minimum, best gain first, zero-gain sites included', () => {
    const prepared = planCheckProblem(problem, { townshipMinimums: { 1: 2, 2: 1 } });
    const state = new PlanCoverState(prepared);
    planMeetMinimums(prepared, state);
    // Township 1 needs two (gains 5 then 1), township 2 one (gain 0); the larger gains 10 and 7 lie elsewhere.
    expect(state.chosen).toEqual([1, 2, 3]);
    expect(state.value).toBe(6);
  });

  it('counts the sites already chosen', () => {
    const prepared = planCheckProblem(problem, { townshipMinimums: { 1: 1, 2: 1 } });
    const state = new PlanCoverState(prepared);
    state.add(2);
    planMeetMinimums(prepared, state);
    expect(state.chosen).toEqual([2, 3]);
  });

  it('adds nothing without minimums', () => {
    const prepared = planCheckProblem(problem);
    const state = new PlanCoverState(prepared);
    planMeetMinimums(prepared, state);
    expect(state.chosen).toEqual([]);
  });
});
