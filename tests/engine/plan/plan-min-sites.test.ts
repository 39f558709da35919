import { describe, expect, it } from 'vitest';
import { planMinSites } from '../../../api/src/engine/plan/plan-min-sites';
import { EngineInputError } from '../../../api/src/engine/types';
import type { CoverageProblem } from '../../../api/src/engine/plan/plan-types';
import { bruteForceMinSites, coveredWeightOf, randomInstance } from '../../fixtures/plan-instances';

const u = (...xs: number[]) => Uint32Array.from(xs);

/** Four demand points of 25 residents (total 100); d0 already covered (25%). c0{d1} c1{d2} c2{d1,d2} c3{d3}. */
function quarters(): CoverageProblem {
  return {
    demandWeight: Float64Array.from([25, 25, 25, 25]), alreadyCovered: Uint8Array.from([1, 0, 0, 0]),
    candidateCovers: [u(1), u(2), u(1, 2), u(3)], candidateIds: ['c0', 'c1', 'c2', 'c3'],
  };
}

describe('planMinSites', () => {
  it('reaches a target exactly on the boundary', () => {
    // 75% needs 50 more residents: c2 alone covers d1 + d2 = 50 → one site, share exactly 0.75.
    const plan = planMinSites(quarters(), 0.75);
    if (!plan.reachable) throw new Error('expected reachable');
    expect(plan.sites.map((s) => s.candidateId)).toEqual(['c2']);
    expect(plan.coveredShare).toBe(0.75);
    expect(plan.lowerBound).toBe(1);
    // 100%: c2 then c3 → two sites; any single site covers ≤ 50 of the missing 75 → lower bound 2.
    const all = planMinSites(quarters(), 1);
    if (!all.reachable) throw new Error('expected reachable');
    expect(all.sites.map((s) => [s.rank, s.candidateId, s.marginalGain])).toEqual([[1, 'c2', 50], [2, 'c3', 25]]);
    expect(all.coveredShare).toBe(1);
    expect(all.lowerBound).toBe(2);
  });

  it('needs no site when already covered demand meets the target', () => {
    const plan = planMinSites(quarters(), 0.25);
    expect(plan.reachable && plan.siteCount).toBe(0);
  });

  it('says clearly when the target cannot be reached', () => {
    // Without c3 nobody covers d3: at most 75%.
    const plan = planMinSites(quarters(), 0.8, { excludedCandidates: [false, false, false, true] });
    expect(plan.reachable).toBe(false);
    if (plan.reachable) return;
    expect(plan.maxShare).toBe(0.75);
    expect(plan.message).toMatch(/80\.00%.*75\.00%/);
    // A point nobody covers at all: 100% unreachable, returns at once.
    const p = quarters();
    p.candidateCovers[3] = u();
    expect(planMinSites(p, 1)).toMatchObject({ reachable: false, maxShare: 0.75 });
  });

  it('greedy can use more sites than needed; the improvement phase drops the redundant one and the bound proves it', () => {
    // Six unit points. S0 {0,1,2}, S1 {3,4,5}, S2 {0,1,3,4}. Greedy takes S2 (4), then S0 and S1 (1 each) → 3 sites.
    // Optimum {S0, S1} = 2: S2 is redundant once S0 and S1 are in. Lower bound at ∅: gains 4, 3, 3 → two largest (7) reach 6 → 2.
    const p: CoverageProblem = {
      demandWeight: new Float64Array(6).fill(1), alreadyCovered: new Uint8Array(6),
      candidateCovers: [u(0, 1, 2), u(3, 4, 5), u(0, 1, 3, 4)],
    };
    const plan = planMinSites(p, 1);
    if (!plan.reachable) throw new Error('expected reachable');
    expect(plan.greedySiteCount).toBe(3);
    expect(plan.siteCount).toBe(2);
    expect(plan.sites.map((s) => s.candidateIndex).sort()).toEqual([0, 1]);
    expect(plan.lowerBound).toBe(2);
    expect(plan.gapToLowerBound).toBe(0);
    const greedy = planMinSites(p, 1, {}, { skipImprovement: true });
    if (!greedy.reachable) throw new Error('expected reachable');
    expect(greedy.siteCount).toBe(3);
    expect(greedy.sites[0].candidateIndex).toBe(2);
  });

  it('meets township minimums first', () => {
    // Township 1 (c3) must get a site even though c2 alone reaches 75%.
    const p = { ...quarters(), candidateTownship: Int32Array.from([0, 0, 0, 1]) };
    const plan = planMinSites(p, 0.75, { townshipMinimums: { 1: 1 } });
    if (!plan.reachable) throw new Error('expected reachable');
    expect(plan.sites.map((s) => s.candidateId).sort()).toEqual(['c2', 'c3']);
    expect(plan.lowerBound).toBe(1);
  });

  it('rejects a target outside 0..1', () => {
    expect(() => planMinSites(quarters(), 1.5)).toThrow(EngineInputError);
    expect(() => planMinSites(quarters(), Number.NaN)).toThrow(EngineInputError);
  });

  it('on random instances: reaches the target, never below the brute-force optimum, lower bound ≤ optimum', () => {
    let greedyExtra = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const p = randomInstance(seed, 30, 12, { density: 0.2, coveredShare: 0.2 });
      const target = 0.6 + (seed % 4) * 0.1;
      const brute = bruteForceMinSites(p, target);
      const plan = planMinSites(p, target);
      expect(plan.reachable, `seed ${seed}`).toBe(brute !== null);
      if (!plan.reachable || brute === null) continue;
      const total = p.demandWeight.reduce((a, b) => a + b, 0);
      const already = p.demandWeight.reduce((a, w, i) => a + (p.alreadyCovered[i] ? w : 0), 0);
      const covered = already + coveredWeightOf(p, plan.sites.map((s) => s.candidateIndex));
      expect(covered).toBeGreaterThanOrEqual(target * total - 1e-9);
      expect(plan.coveredShare).toBeCloseTo(covered / total, 12);
      expect(plan.siteCount).toBeGreaterThanOrEqual(brute.length);
      expect(plan.lowerBound).toBeLessThanOrEqual(brute.length);
      greedyExtra += plan.siteCount - brute.length;
    }
    expect(greedyExtra).toBeLessThanOrEqual(3); // greedy + improvement phase over 30 instances
  });
});
