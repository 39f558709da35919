import { describe, expect, it } from 'vitest';
import { planOptimalityGap } from '../../../api/src/engine/plan/plan-optimality-gap';
import type { ExactCoverageResult, MaxCoverageResult } from '../../../api/src/engine/plan/plan-types';

const heuristic = (value: number, upperBound: number) => ({ newlyCoveredWeight: value, upperBound }) as MaxCoverageResult;
const exact = (status: ExactCoverageResult['status'], objective: number | null, bestBound: number | null) =>
  ({ status, objective, bestBound }) as ExactCoverageResult;

describe('planOptimalityGap', () => {
  it('uses the proven optimum when there is one', () => {
    const gap = planOptimalityGap(heuristic(98, 120), exact('optimal', 100, 100));
    expect(gap).toMatchObject({ referenceKind: 'optimum', referenceValue: 100, exactIncumbentValue: 100 });
    expect(gap.gap).toBeCloseTo(0.02, 12);
  });

  it('falls back to the tighter of the greedy bound and the solver bound', () => {
    // Time limit: HiGHS incumbent 90 (worse than the heuristic), bound 110; greedy bound 120 → reference 110.
    const gap = planOptimalityGap(heuristic(99, 120), exact('time-limit', 90, 110));
    expect(gap).toMatchObject({ referenceKind: 'upper-bound', referenceValue: 110, exactIncumbentValue: 90 });
    expect(gap.gap).toBeCloseTo(11 / 110, 12);
    // No solver run: greedy bound alone.
    expect(planOptimalityGap(heuristic(99, 120)).gap).toBeCloseTo(21 / 120, 12);
    // Nothing to cover.
    expect(planOptimalityGap(heuristic(0, 0)).gap).toBe(0);
  });
});
