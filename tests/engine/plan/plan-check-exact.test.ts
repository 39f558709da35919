import { describe, expect, it } from 'vitest';
import { planCheckExact } from '../../../api/src/engine/plan/plan-check-exact';
import type { ExactCoverageResult } from '../../../api/src/engine/plan/plan-types';

const exact = (status: ExactCoverageResult['status'], objective: number | null): ExactCoverageResult => ({
  status, solverStatus: status, chosenCandidates: [], chosenCandidateIds: [], objective, newlyCoveredWeight: objective,
  bestBound: objective, mipGap: 0, solverSeconds: 0,
  model: { demandPoints: 0, relevantDemandPoints: 0, mergedDemandRows: 0, candidateColumns: 0, nonzeros: 0 },
});

describe('planCheckExact', () => {
  it('refuses an exact fewest-sites count above the heuristic plan, or infeasible when the heuristic reached the target', () => {
    const heuristic = { objective: 'min-sites' as const, siteCount: 22, reached: true, totalWeight: 12_152 };
    expect(planCheckExact(heuristic, exact('optimal', 27))).toMatchObject({ ok: false });
    expect(planCheckExact(heuristic, exact('infeasible', null)).ok).toBe(false);
    expect(planCheckExact(heuristic, exact('optimal', 22)).ok).toBe(true);
    expect(planCheckExact(heuristic, exact('optimal', 21)).ok).toBe(true);
    expect(planCheckExact({ ...heuristic, reached: false }, exact('infeasible', null)).ok).toBe(true);
  });

  it('refuses a maximal-covering optimum below the heuristic plan', () => {
    const heuristic = { objective: 'max-coverage' as const, newlyCoveredWeight: 11_000, totalWeight: 12_152 };
    const checked = planCheckExact(heuristic, exact('optimal', 10_500));
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.message).toContain('below the heuristic');
    expect(planCheckExact(heuristic, exact('optimal', 11_000)).ok).toBe(true);
    // A time-limited incumbent may be below the heuristic: that is no contradiction.
    expect(planCheckExact(heuristic, exact('time-limit', 10_500)).ok).toBe(true);
  });
});
