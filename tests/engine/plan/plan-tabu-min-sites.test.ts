import { describe, expect, it } from 'vitest';
import { planCheckProblem } from '../../../api/src/engine/plan/plan-check-problem';
import { planMinSites } from '../../../api/src/engine/plan/plan-min-sites';
import { planReduceDemand } from '../../../api/src/engine/plan/plan-reduce-demand';
import { planTabuMinSites } from '../../../api/src/engine/plan/plan-tabu-min-sites';
import type { CoverageProblem } from '../../../api/src/engine/plan/plan-types';
import { coveredWeightOf, randomInstance } from '../../fixtures/plan-instances';

/** The greedy plan (no improvement phase) and the weight it must keep covering. */
function greedyStart(p: CoverageProblem, target: number, townshipMinimums?: Record<number, number>) {
  const greedy = planMinSites(p, target, { townshipMinimums }, { skipImprovement: true });
  if (!greedy.reachable) return null;
  const prepared = planCheckProblem(p, { townshipMinimums });
  const needed = target * prepared.totalWeight - prepared.alreadyCoveredWeight;
  return { prepared, reduced: planReduceDemand(prepared), start: greedy.sites.map((s) => s.candidateIndex), needed };
}

// Against the HiGHS optimum on small clustered instances: tests/engine/plan/plan-stress.test.ts (HiGHS is loaded there).
describe('planTabuMinSites', () => {
  it('keeps township minimums met and stops at the lower bound it is given', () => {
    let fewer = 0;
    for (let seed = 1; seed <= 15; seed++) {
      const p = randomInstance(seed, 40, 16, { density: 0.15, coveredShare: 0.1, townshipCount: 3 });
      const run = greedyStart(p, 0.7, { 0: 2 });
      if (!run) continue;
      const out = planTabuMinSites(run.prepared, run.reduced, run.start, run.needed, 0, { iterationsPerLevel: 100 });
      expect(out.chosen.filter((j) => p.candidateTownship![j] === 0).length, `seed ${seed}`).toBeGreaterThanOrEqual(2);
      expect(coveredWeightOf(p, out.chosen), `seed ${seed}`).toBeGreaterThanOrEqual(run.needed - 1e-9);
      if (out.chosen.length < run.start.length) fewer++;
      const stopped = planTabuMinSites(run.prepared, run.reduced, run.start, run.needed, run.start.length, { iterationsPerLevel: 100 });
      expect(stopped.chosen.length).toBe(run.start.length);
      expect(stopped.iterations).toBe(0);
    }
    expect(fewer).toBeGreaterThan(0);
  });
});
