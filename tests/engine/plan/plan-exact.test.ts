import loadHighs from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { solveMaxCoverageExact, solveMinSitesExact } from '../../../api/src/engine/plan/plan-exact';
import { planMaxCoverage } from '../../../api/src/engine/plan/plan-max-coverage';
import { planMinSites } from '../../../api/src/engine/plan/plan-min-sites';
import type { CoverageProblem } from '../../../api/src/engine/plan/plan-types';
import {
  bruteForceMaxCoverage, bruteForceMinSites, coveredWeightOf, randomInstance, spatialInstance,
} from '../../fixtures/plan-instances';

const u = (...xs: number[]) => Uint32Array.from(xs);
type Highs = Awaited<ReturnType<typeof loadHighs>>;
let highs: Highs;
beforeAll(async () => { highs = await loadHighs(); });

/** Same hand instance as plan-max-coverage.test.ts: optimum {B, C} = 11.1 (all pairs worked out there). */
const hand = (): CoverageProblem => ({
  demandWeight: Float64Array.from([2, 2, 2, 2, 1.6, 1.5]), alreadyCovered: new Uint8Array(6),
  candidateCovers: [u(0, 1, 2, 3), u(0, 1, 4), u(2, 3, 5), u(5)], candidateIds: ['A', 'B', 'C', 'D'],
});

describe('solveMaxCoverageExact', () => {
  it('finds the hand-worked optimum and reports a proven gap of 0', () => {
    const exact = solveMaxCoverageExact(highs, hand(), 2);
    expect(exact.status).toBe('optimal');
    expect(exact.chosenCandidateIds.sort()).toEqual(['B', 'C']);
    expect(exact.objective).toBeCloseTo(11.1, 9);
    expect(exact.newlyCoveredWeight).toBeCloseTo(11.1, 12);
    expect(exact.bestBound).toBeCloseTo(11.1, 9);
    expect(exact.mipGap).toBeCloseTo(0, 9);
    // Reduced model: 6 open points, each covered by a different candidate set except d0/d1 ({A,B}) and d2/d3 ({A,C});
    // D {d5} ⊂ C {d2,d3,d5} is dominated and dropped.
    expect(exact.model).toMatchObject({ demandPoints: 6, relevantDemandPoints: 6, mergedDemandRows: 4, candidateColumns: 3 });
  });

  it('honours exclusions and township minimums', () => {
    expect(solveMaxCoverageExact(highs, hand(), 2, { excludedCandidates: [false, true, false, false] }).objective).toBeCloseTo(9.5, 9);
    // d0=d1=d2=10, d3=1; c0..c2 in township 0 cover one 10 each, c3 in township 1 covers d3. k=2.
    const p: CoverageProblem = {
      demandWeight: Float64Array.from([10, 10, 10, 1]), alreadyCovered: new Uint8Array(4),
      candidateCovers: [u(0), u(1), u(2), u(3)], candidateTownship: Int32Array.from([0, 0, 0, 1]),
    };
    expect(solveMaxCoverageExact(highs, p, 2).objective).toBeCloseTo(20, 9);
    const withMinimum = solveMaxCoverageExact(highs, p, 2, { townshipMinimums: { 1: 1 } });
    expect(withMinimum.objective).toBeCloseTo(11, 9);
    expect(withMinimum.chosenCandidates).toContain(3);
  });

  it('reports nothing to cover without calling the solver', () => {
    const p = hand();
    p.alreadyCovered.fill(1);
    expect(solveMaxCoverageExact(highs, p, 2)).toMatchObject({ status: 'optimal', objective: 0, chosenCandidates: [] });
  });

  it('reports a time limit with what it has', () => {
    const p = spatialInstance(3, { demandCount: 3000, candidateCount: 300, widthMeters: 15000, heightMeters: 10000, radiusMeters: 1500, existingSites: 10 });
    const exact = solveMaxCoverageExact(highs, p, 12, { timeLimitSeconds: 0 });
    expect(exact.status).toBe('time-limit');
    expect(exact.solverStatus).toBe('timeLimit');
    // With no time at all HiGHS may stop before any incumbent or bound; whatever it returns must be consistent.
    if (exact.objective === null) expect(exact.chosenCandidates).toEqual([]);
    else expect(exact.newlyCoveredWeight).toBeCloseTo(exact.objective, 6);
    if (exact.bestBound !== null) expect(exact.bestBound).toBeGreaterThanOrEqual(planMaxCoverage(p, 12).newlyCoveredWeight - 1e-6);
  });

  it('HiGHS, brute force and greedy + swap agree on 30 random 40×15 instances', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const k = 2 + (seed % 4);
      const p = randomInstance(seed, 40, 15, { density: 0.15, coveredShare: 0.2 });
      const exact = solveMaxCoverageExact(highs, p, k);
      const brute = bruteForceMaxCoverage(p, k);
      expect(exact.status).toBe('optimal');
      expect(exact.objective!, `seed ${seed}`).toBeCloseTo(brute.value, 6);
      expect(coveredWeightOf(p, exact.chosenCandidates)).toBe(brute.value);
      expect(planMaxCoverage(p, k).newlyCoveredWeight, `seed ${seed}`).toBe(brute.value);
    }
  });

  it('HiGHS matches brute force with township minimums and exclusions', () => {
    for (let seed = 200; seed < 215; seed++) {
      const p = randomInstance(seed, 30, 12, { density: 0.2, townshipCount: 3 });
      const excluded = Array.from({ length: 12 }, (_, j) => (j * 5 + seed) % 4 === 0);
      const minimums = { 0: 1, 1: 1 };
      const allowedIn = (t: number) => p.candidateTownship!.filter((x, j) => x === t && !excluded[j]).length;
      if (allowedIn(0) < 1 || allowedIn(1) < 1) continue;
      const exact = solveMaxCoverageExact(highs, p, 3, { excludedCandidates: excluded, townshipMinimums: minimums });
      const brute = bruteForceMaxCoverage(p, 3, { excluded, minimums });
      expect(exact.objective!, `seed ${seed}`).toBeCloseTo(brute.value, 6);
      for (const j of exact.chosenCandidates) expect(excluded[j]).toBe(false);
    }
  });

  it('greedy + swap is within 1% of the HiGHS optimum on medium spatial instances (2,000 × 200, k = 10)', () => {
    for (const seed of [11, 12, 13]) {
      const p = spatialInstance(seed, { demandCount: 2000, candidateCount: 200, widthMeters: 12000, heightMeters: 8000, radiusMeters: 1100, existingSites: 20 });
      const exact = solveMaxCoverageExact(highs, p, 10, { timeLimitSeconds: 50 });
      expect(exact.status).toBe('optimal');
      const plan = planMaxCoverage(p, 10);
      expect(plan.newlyCoveredWeight).toBeLessThanOrEqual(exact.objective! + 1e-6);
      expect(plan.newlyCoveredWeight / exact.objective!, `seed ${seed}`).toBeGreaterThanOrEqual(0.99);
      expect(plan.upperBound).toBeGreaterThanOrEqual(exact.objective! - 1e-6);
      expect(exact.model.mergedDemandRows).toBeLessThan(exact.model.relevantDemandPoints);
    }
  });
});

describe('solveMinSitesExact', () => {
  /** 4 × 25 residents, d0 already covered; c0{d1} c1{d2} c2{d1,d2} c3{d3}. */
  const quarters = (): CoverageProblem => ({
    demandWeight: Float64Array.from([25, 25, 25, 25]), alreadyCovered: Uint8Array.from([1, 0, 0, 0]),
    candidateCovers: [u(1), u(2), u(1, 2), u(3)],
  });

  it('solves exactly reachable targets and proves unreachable ones infeasible', () => {
    expect(solveMinSitesExact(highs, quarters(), 0.75)).toMatchObject({ status: 'optimal', objective: 1, chosenCandidates: [2] });
    expect(solveMinSitesExact(highs, quarters(), 1)).toMatchObject({ status: 'optimal', objective: 2, chosenCandidates: [2, 3] });
    expect(solveMinSitesExact(highs, quarters(), 0.8, { excludedCandidates: [0, 0, 0, 1].map(Boolean) }).status).toBe('infeasible');
    expect(solveMinSitesExact(highs, quarters(), 0.25)).toMatchObject({ status: 'optimal', objective: 0 });
  });

  it('beats greedy on the classic set-cover example', () => {
    // Six unit points; S0 {0,1,2}, S1 {3,4,5}, S2 {0,1,3,4}: greedy needs 3, optimum {S0, S1} = 2.
    const p: CoverageProblem = {
      demandWeight: new Float64Array(6).fill(1), alreadyCovered: new Uint8Array(6),
      candidateCovers: [u(0, 1, 2), u(3, 4, 5), u(0, 1, 3, 4)],
    };
    expect(solveMinSitesExact(highs, p, 1)).toMatchObject({ status: 'optimal', objective: 2, chosenCandidates: [0, 1] });
  });

  it('models full coverage as plain set-cover rows, even with weights far apart', () => {
    // Weights 1e6 and 0.5 (old model: Σ w·y ≥ total − 1e-9·total sat within HiGHS's tolerance of its maximum).
    // d0..d5; c0 {d0,d1}, c1 {d2,d3}, c2 {d4,d5}, c3 {d1,d2}, c4 {d3,d4}, c5 {d0,d5}: a 6-cycle of pairs.
    // Covering all six needs 3 sites ({c0,c1,c2} or {c3,c4,c5}); no 2 pairs cover 6 points.
    const p: CoverageProblem = {
      demandWeight: Float64Array.from([1e6, 0.5, 1e6, 0.5, 1e6, 1e6]), alreadyCovered: new Uint8Array(6),
      candidateCovers: [u(0, 1), u(2, 3), u(4, 5), u(1, 2), u(3, 4), u(0, 5)],
    };
    const exact = solveMinSitesExact(highs, p, 1);
    expect(exact).toMatchObject({ status: 'optimal', objective: 3 });
    expect(coveredWeightOf(p, exact.chosenCandidates)).toBe(4e6 + 1);
    // Set-cover rows only: 6 merged rows × 2 columns each, no coverage (y) columns.
    expect(exact.model).toMatchObject({ mergedDemandRows: 6, candidateColumns: 6, nonzeros: 12 });
    // Just below full (the smallest point may stay open): 2 sites can't, 3 still needed; at 99.9999% of 4,000,001 one 0.5 may go.
    expect(solveMinSitesExact(highs, p, 1 - 0.4 / 4_000_001)).toMatchObject({ status: 'optimal', objective: 3 });
    // Greedy agrees and the heuristic never reports fewer than the optimum.
    const heuristic = planMinSites(p, 1);
    if (!heuristic.reachable) throw new Error('expected reachable');
    expect(heuristic.siteCount).toBe(3);
    expect(heuristic.lowerBound).toBe(3);
  });

  it('matches brute force on random instances and brackets greedy', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const p = randomInstance(seed, 30, 12, { density: 0.2, coveredShare: 0.2 });
      const target = 0.6 + (seed % 4) * 0.1;
      const brute = bruteForceMinSites(p, target);
      const exact = solveMinSitesExact(highs, p, target);
      const greedy = planMinSites(p, target);
      if (brute === null) {
        expect(exact.status).toBe('infeasible');
        expect(greedy.reachable).toBe(false);
        continue;
      }
      expect(exact.status).toBe('optimal');
      expect(exact.objective!, `seed ${seed}`).toBeCloseTo(brute.length, 9);
      if (!greedy.reachable) throw new Error('greedy should reach a reachable target');
      expect(greedy.lowerBound).toBeLessThanOrEqual(brute.length);
      expect(greedy.siteCount).toBeGreaterThanOrEqual(brute.length);
    }
  });
});
