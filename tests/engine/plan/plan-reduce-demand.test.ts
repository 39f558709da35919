import { describe, expect, it } from 'vitest';
import { planCheckProblem } from '../../../api/src/engine/plan/plan-check-problem';
import { planReduceDemand } from '../../../api/src/engine/plan/plan-reduce-demand';
import type { CoverageProblem } from '../../../api/src/engine/plan/plan-types';

const u = (...xs: number[]) => Uint32Array.from(xs);

describe('planReduceDemand', () => {
  it('drops covered, unreachable and zero-weight points, merges identical candidate sets, drops useless candidates', () => {
    // Demand weights: d0 5, d1 7, d2 1 (already covered), d3 2, d4 0, d5 3 (no candidate), d6 4.
    // c0 {d0,d1,d3}, c1 {d0,d1,d6}, c2 {d2,d4} (covers nothing open → dropped), c3 {d3,d6} (excluded).
    // Allowed columns: c0 → 0, c1 → 1. Open reachable points: d0 {0,1}, d1 {0,1}, d3 {0}, d6 {1}.
    // d0 and d1 merge (weight 12); rows in demand order: {0,1}:12, {0}:2, {1}:4.
    const problem: CoverageProblem = {
      demandWeight: Float64Array.from([5, 7, 1, 2, 0, 3, 4]),
      alreadyCovered: Uint8Array.from([0, 0, 1, 0, 0, 0, 0]),
      candidateCovers: [u(0, 1, 3), u(0, 1, 6), u(2, 4), u(3, 6)],
    };
    const reduced = planReduceDemand(planCheckProblem(problem, { excludedCandidates: [false, false, false, true] }));
    expect([...reduced.columnCandidate]).toEqual([0, 1]);
    expect(reduced.relevantDemandPoints).toBe(4);
    expect([...reduced.rowWeight]).toEqual([12, 2, 4]);
    expect([...reduced.rowStarts]).toEqual([0, 2, 3, 4]);
    expect([...reduced.rowColumns]).toEqual([0, 1, 0, 1]);
  });

  it('keeps candidates that cover nothing in a township with a minimum', () => {
    const problem: CoverageProblem = {
      demandWeight: Float64Array.from([1]), alreadyCovered: new Uint8Array(1),
      candidateCovers: [u(0), u()], candidateTownship: Int32Array.from([0, 1]),
    };
    const reduced = planReduceDemand(planCheckProblem(problem, { townshipMinimums: { 1: 1 } }));
    expect([...reduced.columnCandidate]).toEqual([0, 1]);
    expect([...reduced.rowWeight]).toEqual([1]);
  });
});
