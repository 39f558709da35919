import loadHighs from 'highs';
import { describe, expect, it } from 'vitest';
import { planCheckProblem } from '../../../api/src/engine/plan/plan-check-problem';
import { solveMinSitesExact } from '../../../api/src/engine/plan/plan-exact';
import { planMinSites } from '../../../api/src/engine/plan/plan-min-sites';
import { planReduceDemand } from '../../../api/src/engine/plan/plan-reduce-demand';
import { planTabuMinSites } from '../../../api/src/engine/plan/plan-tabu-min-sites';
import type { CoverageProblem } from '../../../api/src/engine/plan/plan-types';
import { coveredWeightOf, layoutInstance, randomInstance } from '../../fixtures/plan-instances';

/** The greedy plan (no improvement phase) and the weight it must keep covering. */
function greedyStart(p: CoverageProblem, target: number, townshipMinimums?: Record<number, number>) {
  const greedy = planMinSites(p, target, { townshipMinimums }, { skipImprovement: true });
  if (!greedy.reachable) return null;
  const prepared = planCheckProblem(p, { townshipMinimums });
  const needed = target * prepared.totalWeight - prepared.alreadyCoveredWeight;
  return { prepared, reduced: planReduceDemand(prepared), start: greedy.sites.map((s) => s.candidateIndex), needed };
}

describe('planTabuMinSites', () => {
  it('from the greedy plan, reaches the HiGHS optimum on small clustered instances (greedy: 1–4 sites over), always covering the target', async () => {
    const highs = await loadHighs();
    let greedyExtra = 0;
    for (let seed = 4; seed <= 6; seed++) {
      const n = 150;
      const p = layoutInstance(seed, { demandCount: n, candidates: 'demand', layout: 'clustered', sizeMeters: 10_000, radiusMeters: 1.5 * 10_000 / Math.sqrt(n), existingSites: 2 });
      for (const target of [0.95, 1]) {
        const run = greedyStart(p, target);
        if (!run) throw new Error(`seed ${seed}: expected reachable`);
        const exact = solveMinSitesExact(highs, p, target);
        expect(exact.status).toBe('optimal');
        const optimum = Math.round(exact.objective!);
        const out = planTabuMinSites(run.prepared, run.reduced, run.start, run.needed, 0, { iterationsPerLevel: 300 });
        expect(coveredWeightOf(p, out.chosen), `seed ${seed} at ${target}`).toBeGreaterThanOrEqual(run.needed - 1e-9);
        expect(out.chosen.length, `seed ${seed} at ${target}`).toBe(optimum);
        greedyExtra += run.start.length - optimum;
      }
    }
    expect(greedyExtra).toBeGreaterThan(5); // the instances are hard for greedy, so the search is exercised
  });

  it('keeps township minimums met and stops at the lower bound it is given', () => {
    for (let seed = 1; seed <= 15; seed++) {
      const p = randomInstance(seed, 40, 16, { density: 0.15, coveredShare: 0.1, townshipCount: 3 });
      const run = greedyStart(p, 0.7, { 0: 2 });
      if (!run) continue;
      const out = planTabuMinSites(run.prepared, run.reduced, run.start, run.needed, 0, { iterationsPerLevel: 200 });
      expect(out.chosen.filter((j) => p.candidateTownship![j] === 0).length, `seed ${seed}`).toBeGreaterThanOrEqual(2);
      expect(coveredWeightOf(p, out.chosen), `seed ${seed}`).toBeGreaterThanOrEqual(run.needed - 1e-9);
      const stopped = planTabuMinSites(run.prepared, run.reduced, run.start, run.needed, run.start.length, { iterationsPerLevel: 200 });
      expect(stopped.chosen.length).toBe(run.start.length);
      expect(stopped.iterations).toBe(0);
    }
  });
});
