import { describe, expect, it } from 'vitest';
import { coverageFromReach } from '../../../api/src/engine/coverage/coverage-from-reach';
import { straightLineReach } from '../../../api/src/engine/coverage/straight-line-reach';
import { EngineInputError } from '../../../api/src/engine/types';
import type { Facility, FacilityReach } from '../../../api/src/engine/types';
import { makeDemand, METERS_PER_DEGREE_LAT, randomDemand, randomFacilities } from '../coverage-helpers';

const fac = (id: string, lng = 106.1, lat = 32.65): Facility => ({ id, kind: 'station', lng, lat, townshipCode: null });
const reach = (idx: number[], minutes: number[] = idx.map(() => 1)): FacilityReach =>
  ({ demandIndex: Uint32Array.from(idx), minutes: Float32Array.from(minutes) });

describe('coverageFromReach', () => {
  // Points A(10, t0) B(20, t0) C(5, t1) D(7, t1) E(3, t1); older = 20% of population.
  const demand = makeDemand([[0, 0, 10, 0], [0, 0, 20, 0], [0, 0, 5, 1], [0, 0, 7, 1], [0, 0, 3, 1]], ['t0', 't1']);

  it('splits unique and shared coverage (hand-worked)', () => {
    // f1 reaches A, B; f2 reaches B, C. D and E are not reached.
    const r = coverageFromReach(demand, [fac('f1'), fac('f2')], [reach([0, 1], [3, 9]), reach([1, 2], [4, 2])]);
    expect([...r.coverCount]).toEqual([1, 2, 1, 0, 0]);
    expect(r.totals.population).toBe(45);
    expect(r.totals.covered).toBe(35);
    expect(r.totals.share).toBeCloseTo(35 / 45, 12);
    expect(r.totals.olderPopulation).toBeCloseTo(9, 12);
    expect(r.totals.olderCovered).toBeCloseTo(7, 12);
    expect(r.facilityToDemand).toEqual([
      { id: 'f1', population: 30, uniquePopulation: 10 },
      { id: 'f2', population: 25, uniquePopulation: 5 },
    ]);
    expect(r.redundantPopulation).toBe(0);
    expect([...r.nearestFacilityIndex]).toEqual([0, 1, 1, -1, -1]); // B: f2 at 4 min beats f1 at 9
    expect([...r.nearestMinutes]).toEqual([3, 4, 2, Infinity, Infinity]);
    expect(r.perTownship).toEqual([
      { code: 't0', population: 30, covered: 30, share: 1, olderPopulation: 6, olderCovered: 6 },
      { code: 't1', population: 15, covered: 5, share: 5 / 15, olderPopulation: expect.closeTo(3, 12), olderCovered: 1 },
    ]);
  });

  it('counts people reached by 3 or more sites as redundant', () => {
    // E (3) by f1, f2, f3; D (7) by f1, f2 only: redundant = 3.
    const r = coverageFromReach(demand, [fac('f1'), fac('f2'), fac('f3')], [reach([3, 4]), reach([3, 4]), reach([4])]);
    expect(r.redundantPopulation).toBe(3);
    expect(r.facilityToDemand.map((f) => f.uniquePopulation)).toEqual([0, 0, 0]);
    expect(r.totals.covered).toBe(10);
  });

  it('reports zero coverage with no sites at all', () => {
    const r = coverageFromReach(demand, [], []);
    expect(r.totals.covered).toBe(0);
    expect(r.totals.share).toBe(0);
    expect(r.facilityToDemand).toEqual([]);
    expect([...r.coverCount]).toEqual([0, 0, 0, 0, 0]);
    expect(r.perTownship.map((t) => t.covered)).toEqual([0, 0]);
  });

  it('reports share 1 when everybody is covered, and 0 (not NaN) for an empty township', () => {
    const r = coverageFromReach(makeDemand([[0, 0, 4, 0], [0, 0, 6, 0]], ['t0', 'empty']), [fac('f')], [reach([0, 1])]);
    expect(r.totals.share).toBe(1);
    expect(r.totals.olderShare).toBe(1);
    expect(r.perTownship[1]).toEqual({ code: 'empty', population: 0, covered: 0, share: 0, olderPopulation: 0, olderCovered: 0 });
  });

  it('counts a site outside the district: it covers the residents within its radius', () => {
    // Residents at the district edge (lat 32.65); the site is 600 m north, beyond the edge; radius 865 m.
    const d = makeDemand([[106.1, 32.65, 8, 0], [106.1, 32.65 - 400 / METERS_PER_DEGREE_LAT, 2, 0]], ['t0']);
    const outside = fac('outside', 106.1, 32.65 + 600 / METERS_PER_DEGREE_LAT);
    const r = coverageFromReach(d, [outside], straightLineReach(d, [outside], { radiusMeters: 865, speedKmh: 4.5, detourFactor: 1.3 }));
    expect(r.totals.covered).toBe(8); // 600 m covered, 1000 m not
    expect(r.facilityToDemand[0]).toEqual({ id: 'outside', population: 8, uniquePopulation: 8 });
  });

  it('per-township sums equal the totals, points outside townships included (random)', () => {
    const box: [number, number, number, number] = [106.0, 32.6, 106.2, 32.7];
    const d = randomDemand(4000, 5, box);
    const f = randomFacilities(40, 6, box);
    const r = coverageFromReach(d, f, straightLineReach(d, f, { radiusMeters: 1500, speedKmh: 4.5, detourFactor: 1.3 }));
    expect(r.perTownship.at(-1)!.code).toBeNull();
    const sum = (k: 'population' | 'covered' | 'olderPopulation' | 'olderCovered') => r.perTownship.reduce((s, t) => s + t[k], 0);
    expect(sum('population')).toBe(r.totals.population); // integer populations: exact
    expect(sum('covered')).toBe(r.totals.covered);
    expect(sum('olderPopulation')).toBeCloseTo(r.totals.olderPopulation, 6);
    expect(sum('olderCovered')).toBeCloseTo(r.totals.olderCovered, 6);
    // Covered population recomputed independently from the reach lists.
    const reached = new Set<number>();
    for (const x of straightLineReach(d, f, { radiusMeters: 1500, speedKmh: 4.5, detourFactor: 1.3 })) for (const i of x.demandIndex) reached.add(i);
    expect([...reached].reduce((s, i) => s + d.population[i], 0)).toBe(r.totals.covered);
    expect(r.totals.share).toBeGreaterThan(0);
    expect(r.totals.share).toBeLessThan(1);
  });

  it('rejects reach lists that do not match', () => {
    expect(() => coverageFromReach(demand, [fac('f')], [])).toThrow(EngineInputError);
    expect(() => coverageFromReach(demand, [fac('f')], [reach([99])])).toThrow(EngineInputError);
  });
});
