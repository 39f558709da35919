import { describe, expect, it } from 'vitest';
import { planCheckProblem } from '../../../api/src/engine/plan/plan-check-problem';
import { planDropDominatedColumns } from '../../../api/src/engine/plan/plan-dominance';
import { planReduceDemand } from '../../../api/src/engine/plan/plan-reduce-demand';
import type { CoverageProblem } from '../../../api/src/engine/plan/plan-types';
import { bruteForceMaxCoverage, bruteForceMinSites, coveredWeightOf, randomInstance } from '../../fixtures/plan-instances';

const u = (...xs: number[]) => Uint32Array.from(xs);

describe('planDropDominatedColumns', () => {
  it('drops a candidate whose demand another covers too (one of two equal ones), keeps township-minimum candidates', () => {
    // c0 {0,1,2}; c1 {1} ⊂ c0; c2 {2,3} = c3 {2,3}; c4 {3} ⊂ c2 but in township 1, which has a minimum.
    const problem: CoverageProblem = {
      demandWeight: Float64Array.from([1, 2, 3, 4]), alreadyCovered: new Uint8Array(4),
      candidateCovers: [u(0, 1, 2), u(1), u(2, 3), u(2, 3), u(3)], candidateTownship: Int32Array.from([0, 0, 0, 0, 1]),
    };
    const prepared = planCheckProblem(problem, { townshipMinimums: { 1: 1 } });
    const kept = [...planDropDominatedColumns(prepared, planReduceDemand(prepared)).columnCandidate];
    expect(kept).toHaveLength(3);
    expect(kept).toContain(0);
    expect(kept).toContain(4);
    expect(kept.filter((j) => j === 2 || j === 3)).toHaveLength(1);
  });

  it('keeps the optimum: the best k kept candidates cover as much as the best k of all, and as few reach a target', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const problem = randomInstance(seed, 12, 10, { density: 0.2, coveredShare: 0.2 });
      const prepared = planCheckProblem(problem);
      const kept = [...planDropDominatedColumns(prepared, planReduceDemand(prepared)).columnCandidate];
      const excluded = problem.candidateCovers.map((_, j) => !kept.includes(j));
      for (const k of [1, 2, 3]) {
        expect(bruteForceMaxCoverage(problem, k, { excluded }).value, `seed ${seed} k ${k}`).toBe(bruteForceMaxCoverage(problem, k).value);
      }
      const all = bruteForceMinSites(problem, 0.9);
      const restricted = bruteForceMinSites({ ...problem, candidateCovers: kept.map((j) => problem.candidateCovers[j]) }, 0.9);
      expect(restricted?.length, `seed ${seed}`).toBe(all?.length);
      if (all) expect(coveredWeightOf(problem, all)).toBeGreaterThan(0);
    }
  });
});
