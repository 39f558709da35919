import { describe, expect, it } from 'vitest';
import { planCheckProblem } from '../../../api/src/engine/plan/plan-check-problem';
import { planCoreLagrangian } from '../../../api/src/engine/plan/plan-core-lagrangian';
import type { CoverageProblem } from '../../../api/src/engine/plan/plan-types';
import { bruteForceMaxCoverage, randomInstance } from '../../fixtures/plan-instances';

const u = (...xs: number[]) => Uint32Array.from(xs);

describe('planCoreLagrangian', () => {
  it('bounds the brute-force optimum on random instances, with whole and with fractional weights', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const k = 2 + (seed % 4);
      const p = randomInstance(seed, 40, 15, { density: 0.15, coveredShare: 0.2 });
      const optimum = bruteForceMaxCoverage(p, k).value;
      const whole = planCoreLagrangian(planCheckProblem(p), k, { iterations: 300, lowerBound: 0, granularity: 1 });
      expect(whole.upperBound, `seed ${seed}`).toBeGreaterThanOrEqual(optimum);
      expect(Number.isInteger(whole.upperBound)).toBe(true);
      for (const plan of whole.guidePlans) {
        expect(new Set(plan).size).toBe(k);
        for (const j of plan) expect(j).toBeLessThan(15);
      }
      const scaled = { ...p, demandWeight: p.demandWeight.map((w) => w * 0.37) };
      const fractional = planCoreLagrangian(planCheckProblem(scaled), k, { iterations: 300, lowerBound: 0, granularity: 0 });
      expect(fractional.upperBound, `seed ${seed}`).toBeGreaterThanOrEqual(bruteForceMaxCoverage(scaled, k).value - 1e-9);
    }
  });

  it('stops as soon as the bound is less than one unit above a plan of whole-number weight', () => {
    // Weights d0..d5 = 2, d6 = 3. A (0) covers d0..d3 → 8; B (1) d6 → 3; C (2) d0 d1 d4 → 6; D (3) d2 d3 d5 → 6.
    // k = 2: optimum {C, D} = 12, which is also the LP bound.
    const p: CoverageProblem = {
      demandWeight: Float64Array.from([2, 2, 2, 2, 2, 2, 3]), alreadyCovered: new Uint8Array(7),
      candidateCovers: [u(0, 1, 2, 3), u(6), u(0, 1, 4), u(2, 3, 5)],
    };
    const lag = planCoreLagrangian(planCheckProblem(p), 2, { iterations: 300, lowerBound: 12, granularity: 1 });
    expect(lag.upperBound).toBe(12);
    expect(lag.iterations).toBeLessThan(300);
    // Disjoint covers: at λ = w the bound is the sum of the two largest gains, the optimum: one step proves it.
    const disjoint: CoverageProblem = {
      demandWeight: Float64Array.from([5, 4, 3]), alreadyCovered: new Uint8Array(3), candidateCovers: [u(0), u(1), u(2)],
    };
    const one = planCoreLagrangian(planCheckProblem(disjoint), 2, { iterations: 300, lowerBound: 9, granularity: 1 });
    expect(one).toMatchObject({ upperBound: 9, iterations: 1 });
  });

  it('takes candidates into the core once the k-th score falls below their single gain, and the bound holds', () => {
    // d0 = 100 is shared by c0..c4 (each also covers its own point of weight 1); c5..c9 each cover one point of 50.
    // k = 1: optimum 101 (any of c0..c4). The core starts with 4 candidates (c0..c3); as λ on d0 falls, c0's score
    // drops below c4's single gain (101), so c4 and more must join.
    const candidateCovers = [u(0, 1), u(0, 2), u(0, 3), u(0, 4), u(0, 5), u(6), u(7), u(8), u(9), u(10)];
    const p: CoverageProblem = {
      demandWeight: Float64Array.from([100, 1, 1, 1, 1, 1, 50, 50, 50, 50, 50]), alreadyCovered: new Uint8Array(11), candidateCovers,
    };
    const lag = planCoreLagrangian(planCheckProblem(p), 1, { iterations: 100, lowerBound: 0, granularity: 1 });
    expect(lag.coreSize).toBeGreaterThan(4);
    expect(lag.upperBound).toBeGreaterThanOrEqual(101);
    // With the optimum known the first step proves it (bound = largest single gain = 101).
    expect(planCoreLagrangian(planCheckProblem(p), 1, { iterations: 100, lowerBound: 101, granularity: 1 })).toMatchObject({ upperBound: 101, iterations: 1 });
  });

  it('raises its aim when a polished plan beats the start', () => {
    const p = randomInstance(7, 60, 20, { density: 0.12 });
    const optimum = bruteForceMaxCoverage(p, 3).value;
    const seen: number[] = [];
    const lag = planCoreLagrangian(planCheckProblem(p), 3, {
      iterations: 300, lowerBound: 0, granularity: 1,
      onPlan: (candidates, covered) => { seen.push(covered); expect(candidates).toHaveLength(3); return covered; },
    });
    expect(seen.length).toBeGreaterThan(0);
    expect(lag.lowerBound).toBe(Math.max(...seen));
    expect(lag.lowerBound).toBeLessThanOrEqual(optimum);
    expect(lag.upperBound).toBeGreaterThanOrEqual(optimum);
  });
});
