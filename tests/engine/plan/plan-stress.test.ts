/**
 * The planner stress set (tests/fixtures/plan-instances.ts, small sizes) against HiGHS: random and clustered
 * demand, radii 1.5× and 4× the point spacing, every demand point a candidate or uniform candidates, k = 2…20,
 * existing sites fixed. Goals of issue 8: maximal coverage ≥ 99.5% of the optimum with a bound within 1% of it
 * where the plan is optimal; fewest sites ≤ optimum + 1 at 90/95/100% with a lower bound ≤ the optimum; exact
 * and heuristic answers never contradict each other. The bench runs the large sizes.
 */
import loadHighs from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  planCheckExact, planCheckProblem, planMaxCoverage, planMinSites, planReduceDemand, planTabuMinSites, solveMaxCoverageExact, solveMinSitesExact,
} from '../../../api/src/engine/plan/index.ts';
import { coveredWeightOf, layoutInstance, stressInstances } from '../../fixtures/plan-instances';

type Highs = Awaited<ReturnType<typeof loadHighs>>;
let highs: Highs;
beforeAll(async () => { highs = await loadHighs(); });
const instances = stressInstances('small');

describe('stress set vs HiGHS', () => {
  it('maximal coverage: ≥ 99.5% of the optimum on every instance, bound ≥ optimum and within 1% of it where the plan is optimal', () => {
    let worst = { ratio: 1, name: '' };
    let worstBoundGap = 0;
    for (const s of instances) {
      const heuristic = planMaxCoverage(s.problem, s.k);
      const exact = solveMaxCoverageExact(highs, s.problem, s.k);
      expect(exact.status, s.name).toBe('optimal');
      const optimum = exact.objective!;
      const ratio = optimum > 0 ? heuristic.newlyCoveredWeight / optimum : 1;
      if (ratio < worst.ratio) worst = { ratio, name: s.name };
      expect(ratio, s.name).toBeGreaterThanOrEqual(0.995);
      expect(coveredWeightOf(s.problem, heuristic.sites.map((x) => x.candidateIndex))).toBeCloseTo(heuristic.newlyCoveredWeight, 6);
      expect(heuristic.upperBound, s.name).toBeGreaterThanOrEqual(optimum - 1e-6 * optimum);
      expect(heuristic.upperBound, s.name).toBeLessThanOrEqual(heuristic.reachableWeight + 1e-9);
      if (ratio > 1 - 1e-9) {
        worstBoundGap = Math.max(worstBoundGap, heuristic.gapToUpperBound);
        expect(heuristic.gapToUpperBound, s.name).toBeLessThanOrEqual(0.01);
      }
      expect(planCheckExact({ objective: 'max-coverage', newlyCoveredWeight: heuristic.newlyCoveredWeight, totalWeight: heuristic.totalWeight }, exact).ok).toBe(true);
    }
    console.log(`[stress] maximal coverage over ${instances.length} instances: worst ${(100 * worst.ratio).toFixed(3)}% (${worst.name}); worst bound gap where optimal ${(100 * worstBoundGap).toFixed(2)}%`);
  });

  it('fewest sites at 90%, 95% and 100%: ≤ optimum + 1, lower bound ≤ optimum, never contradicting the exact answer', () => {
    let worstExtra = 0;
    let solved = 0;
    for (const s of instances.filter((_, i) => i % 8 === 0)) {
      for (const target of [0.9, 0.95, 1]) {
        const heuristic = planMinSites(s.problem, target);
        const exact = solveMinSitesExact(highs, s.problem, target);
        const label = `${s.name} target ${target}`;
        if (!heuristic.reachable) {
          expect(exact.status, label).toBe('infeasible');
          continue;
        }
        expect(exact.status, label).toBe('optimal');
        const optimum = Math.round(exact.objective!);
        expect(heuristic.siteCount, label).toBeGreaterThanOrEqual(optimum);
        expect(heuristic.siteCount, label).toBeLessThanOrEqual(optimum + 1);
        expect(heuristic.lowerBound, label).toBeLessThanOrEqual(optimum);
        expect(planCheckExact({ objective: 'min-sites', siteCount: heuristic.siteCount, reached: true, totalWeight: heuristic.totalWeight }, exact).ok, label).toBe(true);
        worstExtra = Math.max(worstExtra, heuristic.siteCount - optimum);
        solved++;
      }
    }
    expect(solved).toBeGreaterThan(8);
    console.log(`[stress] fewest sites: ${solved} solved cases, worst heuristic − optimum = ${worstExtra}`);
  });

  it('fewest sites on clustered demand where the improvement phase stops a site above the optimum: tabu search reaches it', () => {
    // The failure mode of the large set's clustered 95% case (seed 921: 60 sites where 58 suffice), at npm test size:
    // small circles (1.5× the point spacing) over villages, every point a candidate. Measured: 19 sites without the
    // tabu search (planMinSites with tabuIterationsPerLevel 0), 18 with it, HiGHS 18.
    const n = 300;
    const p = layoutInstance(31, { demandCount: n, candidates: 'demand', layout: 'clustered', sizeMeters: 10_000, radiusMeters: 1.5 * 10_000 / Math.sqrt(n), existingSites: 3 });
    const exact = solveMinSitesExact(highs, p, 0.95);
    expect(exact.status).toBe('optimal');
    const optimum = Math.round(exact.objective!);
    const plan = planMinSites(p, 0.95);
    if (!plan.reachable) throw new Error('expected reachable');
    expect(plan.siteCount).toBe(optimum);
    expect(plan.lowerBound).toBeLessThanOrEqual(optimum);
    const total = p.demandWeight.reduce((a, b) => a + b, 0);
    const already = p.demandWeight.reduce((a, w, i) => a + (p.alreadyCovered[i] ? w : 0), 0);
    expect(already + coveredWeightOf(p, plan.sites.map((x) => x.candidateIndex))).toBeGreaterThanOrEqual(0.95 * total - 1e-9 * total);
  });

  it('tabu search (planTabuMinSites) from the greedy plan reaches the HiGHS optimum on small clustered instances (greedy: 1–4 sites over)', () => {
    let greedyExtra = 0;
    for (let seed = 4; seed <= 6; seed++) {
      const n = 150;
      const p = layoutInstance(seed, { demandCount: n, candidates: 'demand', layout: 'clustered', sizeMeters: 10_000, radiusMeters: 1.5 * 10_000 / Math.sqrt(n), existingSites: 2 });
      for (const target of [0.95, 1]) {
        const greedy = planMinSites(p, target, {}, { skipImprovement: true });
        if (!greedy.reachable) throw new Error(`seed ${seed}: expected reachable`);
        const prepared = planCheckProblem(p);
        const needed = target * prepared.totalWeight - prepared.alreadyCoveredWeight;
        const start = greedy.sites.map((x) => x.candidateIndex);
        const exact = solveMinSitesExact(highs, p, target);
        expect(exact.status).toBe('optimal');
        const optimum = Math.round(exact.objective!);
        const out = planTabuMinSites(prepared, planReduceDemand(prepared), start, needed, 0, { iterationsPerLevel: 100 });
        expect(coveredWeightOf(p, out.chosen), `seed ${seed} at ${target}`).toBeGreaterThanOrEqual(needed - 1e-9);
        expect(out.chosen.length, `seed ${seed} at ${target}`).toBe(optimum);
        greedyExtra += start.length - optimum;
      }
    }
    expect(greedyExtra).toBeGreaterThan(5); // the instances are hard for greedy, so the search is exercised
  });
});
