import { EngineInputError } from '../types';
import type {
  CoverageResult, CoverageTotals, DemandPoints, Facility, FacilityReach, FacilityToDemand, TownshipCoverage,
} from '../types';

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
  const older = demand.olderPopulation;
  const coverCount = new Uint16Array(n);
  const nearestFacilityIndex = new Int32Array(n).fill(-1);
  const nearestMinutes = new Float32Array(n).fill(Infinity);

  for (let f = 0; f < reach.length; f++) {
    const { demandIndex, minutes } = reach[f];
    for (let k = 0; k < demandIndex.length; k++) {
      const i = demandIndex[k];
      if (i >= n) throw new EngineInputError(`reach of facility ${facilities[f].id} names demand point ${i} of ${n}`);
      if (coverCount[i] < MAX_COUNT) coverCount[i]++;
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

  const codes = demand.townshipCodes;
  const { tPop, tOld, population, olderPopulation, slot } = demandTotals(demand);
  const tCov = new Float64Array(codes.length + 1); // last slot: outside every township
  const tOldCov = new Float64Array(codes.length + 1);
  let redundantPopulation = 0;
  let covered = 0, olderCovered = 0;
  for (let i = 0; i < n; i++) {
    if (coverCount[i] === 0) continue;
    const t = slot[i];
    tCov[t] += pop[i];
    tOldCov[t] += older[i];
    covered += pop[i];
    olderCovered += older[i];
    if (coverCount[i] >= 3) redundantPopulation += pop[i];
  }

  const perTownship: TownshipCoverage[] = [];
  for (let t = 0; t <= codes.length; t++) {
    if (t === codes.length && tPop[t] === 0 && tOld[t] === 0) break;
    perTownship.push({
      code: t < codes.length ? codes[t] : null,
      population: tPop[t],
      covered: tCov[t],
      share: tPop[t] > 0 ? tCov[t] / tPop[t] : 0,
      olderPopulation: tOld[t],
      olderCovered: tOldCov[t],
    });
  }

  const totals: CoverageTotals = {
    population,
    covered,
    share: population > 0 ? covered / population : 0,
    olderPopulation,
    olderCovered,
    olderShare: olderPopulation > 0 ? olderCovered / olderPopulation : 0,
  };
  return { totals, coverCount, nearestFacilityIndex, nearestMinutes, facilityToDemand, redundantPopulation, perTownship };
}

interface DemandTotals { tPop: Float64Array; tOld: Float64Array; population: number; olderPopulation: number; slot: Int32Array }
const totalsCache = new WeakMap<Float64Array, { demand: DemandPoints; totals: DemandTotals }>();

/**
 * Population and older population in total and per township slot (last slot: outside every township), and each
 * point's slot: facility-independent, so computed once per demand version (cached on the population array, like
 * the demand grid index) and summed in index order as before.
 */
function demandTotals(demand: DemandPoints): DemandTotals {
  const hit = totalsCache.get(demand.population);
  if (hit && hit.demand.olderPopulation === demand.olderPopulation && hit.demand.townshipIndex === demand.townshipIndex
    && hit.demand.townshipCodes === demand.townshipCodes) return hit.totals;
  const n = demand.population.length;
  const codes = demand.townshipCodes;
  const tPop = new Float64Array(codes.length + 1);
  const tOld = new Float64Array(codes.length + 1);
  const slot = new Int32Array(n);
  let population = 0, olderPopulation = 0;
  for (let i = 0; i < n; i++) {
    population += demand.population[i];
    olderPopulation += demand.olderPopulation[i];
    const t = demand.townshipIndex[i] >= 0 && demand.townshipIndex[i] < codes.length ? demand.townshipIndex[i] : codes.length;
    slot[i] = t;
    tPop[t] += demand.population[i];
    tOld[t] += demand.olderPopulation[i];
  }
  const totals = { tPop, tOld, population, olderPopulation, slot };
  totalsCache.set(demand.population, { demand, totals });
  return totals;
}
