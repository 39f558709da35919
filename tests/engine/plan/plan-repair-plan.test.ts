import { describe, expect, it } from 'vitest';
import { planCheckProblem } from '../../../api/src/engine/plan/plan-check-problem';
import { planRepairPlan } from '../../../api/src/engine/plan/plan-repair-plan';
import type { CoverageProblem } from '../../../api/src/engine/plan/plan-types';

const u = (...xs: number[]) => Uint32Array.from(xs);

describe('planRepairPlan', () => {
  it('drops the weakest sites down to k, then polishes with swaps', () => {
    // d0..d3 = 2, d4 = 1.6, d5 = 1.5. A{d0..d3} 8, B{d0 d1 d4} 5.6, C{d2 d3 d5} 5.5, D{d5} 1.5. k = 2, optimum {B, C} = 11.1.
    // From all four, A (B and C cover its points) and D (C covers d5) lose nothing: both dropped, {B, C} is left.
    const p: CoverageProblem = {
      demandWeight: Float64Array.from([2, 2, 2, 2, 1.6, 1.5]), alreadyCovered: new Uint8Array(6),
      candidateCovers: [u(0, 1, 2, 3), u(0, 1, 4), u(2, 3, 5), u(5)],
    };
    const { state, meetsMinimums } = planRepairPlan(planCheckProblem(p), [0, 1, 2, 3], 2, 1000);
    expect([...state.chosen].sort()).toEqual([1, 2]);
    expect(state.value).toBeCloseTo(11.1, 12);
    expect(meetsMinimums).toBe(true);
  });

  it('meets township minimums the given set ignores, and fills up to k', () => {
    // d0 = d1 = d2 = 10, d3 = 1. Township 0: c0{d0} c1{d1} c2{d2}; township 1: c3{d3}. k = 2, township 1 needs 1.
    const p: CoverageProblem = {
      demandWeight: Float64Array.from([10, 10, 10, 1]), alreadyCovered: new Uint8Array(4),
      candidateCovers: [u(0), u(1), u(2), u(3)], candidateTownship: Int32Array.from([0, 0, 0, 1]),
    };
    const prepared = planCheckProblem(p, { townshipMinimums: { 1: 1 } });
    const { state, meetsMinimums } = planRepairPlan(prepared, [0, 1], 2, 1000);
    expect(meetsMinimums).toBe(true);
    expect(state.chosen).toHaveLength(2);
    expect(state.chosen).toContain(3);
    expect(state.value).toBe(11);
    const filled = planRepairPlan(planCheckProblem(p), [2], 2, 1000);
    expect(filled.state.value).toBe(20);
  });
});
