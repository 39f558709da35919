import { EngineInputError } from '../types';
import type { CoverageResult, DemandPoints, Facility, FacilityReach, FacilityToDemand } from '../types';
import { coverageSummary } from './coverage-summary';

const MAX_COUNT = 65535;

/**
 * Coverage of the demand by the facilities, from each facility's reach list (straight-line or
 * network): population and older population covered in total and per township, how many facilities
 * reach each demand point, each facility's population and unique population (reached by no other
 * facility), and the population reached by 3 or more facilities (redundant).
 * Method-agnostic: it only reads `reach`, so it works with any travel-time method.
 *
 * @param demand - demand points (population in persons)
 * @param facilities - facilities, aligned with `reach`
 * @param reach - per facility, the demand indices it reaches and the minutes to each
 * @returns totals (shares 0..1, 0 when nobody lives there), per-point cover counts and nearest
 *   facility/minutes within reach, per-facility and per-township figures
 * @example
 * const reach = straightLineReach(demand, facilities, { radiusMeters: 865, speedKmh: 4.5, detourFactor: 1.3 });
 * const { totals } = coverageFromReach(demand, facilities, reach); // totals.share → 0.83
 * @see https://pysal.org/spopt/ (location-set covering / maximal covering vocabulary)
 */
export function coverageFromReach(
  demand: DemandPoints,
  facilities: readonly Facility[],
  reach: readonly FacilityReach[],
): CoverageResult {
  if (reach.length !== facilities.length) {
    throw new EngineInputError(`reach has ${reach.length} entries but there are ${facilities.length} facilities`);
  }
  const n = demand.population.length;
  const pop = demand.population;
  const coverCount = new Uint16Array(n);
  const covered = new Uint8Array(n); // the summary reads one array type only (monomorphic, hot loops)
  const nearestFacilityIndex = new Int32Array(n).fill(-1);
  const nearestMinutes = new Float32Array(n).fill(Infinity);

  for (let f = 0; f < reach.length; f++) {
    const { demandIndex, minutes } = reach[f];
    for (let k = 0; k < demandIndex.length; k++) {
      const i = demandIndex[k];
      if (i >= n) throw new EngineInputError(`reach of facility ${facilities[f].id} names demand point ${i} of ${n}`);
      if (coverCount[i] < MAX_COUNT) coverCount[i]++;
      covered[i] = 1;
      if (minutes[k] < nearestMinutes[i]) {
        nearestMinutes[i] = minutes[k];
        nearestFacilityIndex[i] = f;
      }
    }
  }

  const facilityToDemand: FacilityToDemand[] = facilities.map((facility, f) => {
    let population = 0;
    let uniquePopulation = 0;
    const { demandIndex } = reach[f];
    for (let k = 0; k < demandIndex.length; k++) {
      const i = demandIndex[k];
      population += pop[i];
      if (coverCount[i] === 1) uniquePopulation += pop[i];
    }
    return { id: facility.id, population, uniquePopulation };
  });

  let redundantPopulation = 0;
  for (let i = 0; i < n; i++) if (coverCount[i] >= 3) redundantPopulation += pop[i];
  const { totals, perTownship } = coverageSummary(demand, covered);
  return { totals, coverCount, nearestFacilityIndex, nearestMinutes, facilityToDemand, redundantPopulation, perTownship };
}
