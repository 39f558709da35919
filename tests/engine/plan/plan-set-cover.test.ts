import { describe, expect, it } from 'vitest';
import { planCheckProblem } from '../../../api/src/engine/plan/plan-check-problem';
import { planReduceDemand } from '../../../api/src/engine/plan/plan-reduce-demand';
import { planSetCover } from '../../../api/src/engine/plan/plan-set-cover';
import type { CoverageProblem } from '../../../api/src/engine/plan/plan-types';
import { bruteForceMinSites, coveredWeightOf, randomInstance } from '../../fixtures/plan-instances';

const u = (...xs: number[]) => Uint32Array.from(xs);

function solve(problem: CoverageProblem, targetShare: number) {
  const prepared = planCheckProblem(problem);
  const reduced = planReduceDemand(prepared);
  const needed = targetShare * prepared.totalWeight - prepared.alreadyCoveredWeight;
  const cover = planSetCover(reduced, needed, { iterations: 300 });
  const candidates = cover.columns.map((c) => reduced.columnCandidate[c]);
  return { ...cover, candidates, needed };
}

describe('planSetCover', () => {
  it('finds the two-site cover that greedy misses (greedy takes the big middle set first and needs three)', () => {
    // Six points of weight 1. c0 {0,1,2}, c1 {3,4,5}, c2 {1,2,3,4} (largest: greedy picks it, then needs c0 and c1).
    const problem: CoverageProblem = {
      demandWeight: new Float64Array(6).fill(1), alreadyCovered: new Uint8Array(6),
      candidateCovers: [u(0, 1, 2), u(3, 4, 5), u(1, 2, 3, 4)],
    };
    const cover = solve(problem, 1);
    expect(cover.candidates).toEqual([0, 1]);
    expect(cover.lowerBound).toBe(2);
  });

  it('drops dominated candidates and points: a subset candidate is never chosen, a cover of every point is found', () => {
    // c1 ⊂ c0 and c3 = c2. Point 0 only c0 covers, point 3 only c2/c3: the one best cover is c0 + c2 (or c3).
    const problem: CoverageProblem = {
      demandWeight: Float64Array.from([5, 1, 1, 7]), alreadyCovered: new Uint8Array(4),
      candidateCovers: [u(0, 1, 2), u(1), u(2, 3), u(2, 3)],
    };
    const cover = solve(problem, 1);
    expect(cover.candidates).toHaveLength(2);
    expect(cover.candidates).toContain(0);
    expect(coveredWeightOf(problem, cover.candidates)).toBe(14);
  });

  it('partial targets: reaches the weight needed with few sites, and its lower bound never exceeds the optimum', () => {
    let extra = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const problem = randomInstance(seed, 14, 9, { density: 0.25, coveredShare: 0.15 });
      for (const target of [0.6, 0.8, 0.9, 1]) {
        const optimum = bruteForceMinSites(problem, target);
        const cover = solve(problem, target);
        if (optimum === null) continue;
        expect(coveredWeightOf(problem, cover.candidates), `seed ${seed} target ${target}`).toBeGreaterThanOrEqual(cover.needed - 1e-9);
        expect(cover.lowerBound, `seed ${seed} target ${target}`).toBeLessThanOrEqual(optimum.length);
        expect(cover.candidates.length).toBeGreaterThanOrEqual(optimum.length);
        extra = Math.max(extra, cover.candidates.length - optimum.length);
      }
    }
    expect(extra).toBeLessThanOrEqual(1);
  });

  it('needs no site when nothing more is needed', () => {
    const problem: CoverageProblem = { demandWeight: Float64Array.from([1, 1]), alreadyCovered: Uint8Array.from([1, 0]), candidateCovers: [u(1)] };
    expect(solve(problem, 0.5).candidates).toEqual([]);
  });
});
