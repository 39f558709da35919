/**
 * Shared helpers for the coverage-engine tests and bench (not a test file).
 */
import type { DemandPoints, Facility } from '../../api/src/engine/types';

import { seededRandom } from '../../api/src/engine/seeded-random';
export { seededRandom };

/** Plain demand points from [lng, lat, population, townshipIndex?] rows; older = 20% of population. */
export function makeDemand(rows: Array<[number, number, number, number?]>, townshipCodes: string[] = []): DemandPoints {
  return {
    lng: Float64Array.from(rows, (r) => r[0]),
    lat: Float64Array.from(rows, (r) => r[1]),
    population: Float64Array.from(rows, (r) => r[2]),
    olderPopulation: Float64Array.from(rows, (r) => r[2] * 0.2),
    townshipIndex: Int32Array.from(rows, (r) => r[3] ?? -1),
    townshipCodes,
    cellHalfSizeMeters: 0,
    source: { name: 'test points', modelled: false, method: 'hand-made test data' },
  };
}

/** Random demand in a box, integer populations 1..9, townships by longitude band. */
export function randomDemand(
  count: number, seed: number, box: [number, number, number, number], townshipCodes: string[] = ['t0', 't1', 't2'],
): DemandPoints {
  const rnd = seededRandom(seed);
  const rows: Array<[number, number, number, number?]> = [];
  for (let i = 0; i < count; i++) {
    const lng = box[0] + rnd() * (box[2] - box[0]);
    const lat = box[1] + rnd() * (box[3] - box[1]);
    const band = Math.min(townshipCodes.length - 1, Math.floor(((lng - box[0]) / (box[2] - box[0])) * townshipCodes.length));
    rows.push([lng, lat, 1 + Math.floor(rnd() * 9), i % 17 === 0 ? -1 : band]);
  }
  return makeDemand(rows, townshipCodes);
}

/** Random facilities in a box. */
export function randomFacilities(count: number, seed: number, box: [number, number, number, number]): Facility[] {
  const rnd = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => ({
    id: `f${i}`, kind: 'station', townshipCode: null,
    lng: box[0] + rnd() * (box[2] - box[0]), lat: box[1] + rnd() * (box[3] - box[1]),
  }));
}

/** Metres per degree of latitude on the engine's sphere (R = 6,371,008.8 m): R·π/180. */
export const METERS_PER_DEGREE_LAT = (6371008.8 * Math.PI) / 180;
