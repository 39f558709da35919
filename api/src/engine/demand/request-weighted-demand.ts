import type { DemandPoints } from '../types.ts';

/** An observed service request as demand: where it came from, its township (code) and its weight (usually 1). */
export interface ObservedRequest { lng: number; lat: number; townshipCode: string | null; weight: number }

/** The demand the planner optimises when it plans with observed requests. */
export interface RequestWeightedDemand {
  /** The population points followed by one point per request (population 0, so population figures are unchanged). */
  demand: DemandPoints;
  /** Planning weight per point of `demand`. */
  weight: Float64Array;
  /** Index of the first request point in `demand`. */
  firstRequestIndex: number;
  /** What one unit of `weight` is: a request, or a resident (population-equivalent, blend). */
  unit: 'requests' | 'population-equivalent';
}

/**
 * Demand weighted by observed service requests: each request becomes its own demand point of weight `weight`
 * (population 0), and the planning weight is `share` of the requests and `1 − share` of the residents. In a blend
 * the requests are scaled to the residents' total (each side normalised), so `share` = 0.3 means 30% of the
 * weight comes from requests whatever their count; `share` = 1 plans on requests alone (weight in requests).
 *
 * @param demand - the population points (residents per point)
 * @param population - the residents weight per point of `demand` (all residents or those aged 65+)
 * @param requests - observed requests, WGS-84 degrees
 * @param share - 0..1, the requests' part of the weight
 * @example
 * ```ts
 * const { demand: d, weight } = requestWeightedDemand(grid, grid.population, [{ lng: 105.9, lat: 32.6, townshipCode: null, weight: 1 }], 1);
 * // weight is 0 on every grid point and 1 on the one request point
 * ```
 */
export function requestWeightedDemand(
  demand: DemandPoints, population: ArrayLike<number>, requests: ObservedRequest[], share: number,
): RequestWeightedDemand {
  if (!(share >= 0 && share <= 1)) throw new Error('share must be between 0 and 1');
  const n = demand.lng.length;
  const m = requests.length;
  const concat = (a: Float64Array, b: ArrayLike<number>) => { const out = new Float64Array(n + m); out.set(a); out.set(Array.from(b), n); return out; };
  const townshipIndex = new Int32Array(n + m);
  townshipIndex.set(demand.townshipIndex);
  requests.forEach((r, j) => { townshipIndex[n + j] = r.townshipCode === null ? -1 : demand.townshipCodes.indexOf(r.townshipCode); });
  const zeros = new Float64Array(m);
  const out: DemandPoints = {
    ...demand,
    lng: concat(demand.lng, requests.map((r) => r.lng)), lat: concat(demand.lat, requests.map((r) => r.lat)),
    population: concat(demand.population, zeros), olderPopulation: concat(demand.olderPopulation, zeros), townshipIndex,
  };
  let residents = 0, observed = 0;
  for (let i = 0; i < n; i++) residents += population[i];
  for (const r of requests) observed += r.weight;
  const weight = new Float64Array(n + m);
  if (share === 1) {
    requests.forEach((r, j) => { weight[n + j] = r.weight; });
    return { demand: out, weight, firstRequestIndex: n, unit: 'requests' };
  }
  // Blend: residents keep their own weight × (1 − share); requests share the residents' total × share.
  const perRequest = observed > 0 ? (share * residents) / observed : 0;
  for (let i = 0; i < n; i++) weight[i] = (1 - share) * population[i];
  requests.forEach((r, j) => { weight[n + j] = perRequest * r.weight; });
  return { demand: out, weight, firstRequestIndex: n, unit: 'population-equivalent' };
}
