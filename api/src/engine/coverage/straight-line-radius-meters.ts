import { EngineInputError } from '../types';

/**
 * Straight-line service radius in metres for a travel-time limit: speed × minutes ÷ detour factor
 * (the planners' hand method: roads are on average `detourFactor` times longer than the crow flies).
 *
 * @param speedKmh - travel speed, km/h
 * @param minutes - time limit, minutes
 * @param detourFactor - road distance ÷ straight-line distance (≥ 1; 1.3 by default in the planner)
 * @returns radius in metres
 * @example
 * straightLineRadiusMeters(4.5, 15, 1.3); // 865.38… (1,125 m of walking ÷ 1.3)
 * @see DEFAULT_DETOUR_FACTOR in types.ts
 */
export function straightLineRadiusMeters(speedKmh: number, minutes: number, detourFactor: number): number {
  if (!(speedKmh > 0) || !(minutes >= 0) || !(detourFactor > 0)) {
    throw new EngineInputError('speedKmh and detourFactor must be > 0 and minutes ≥ 0');
  }
  return (speedKmh * 1000 / 60) * minutes / detourFactor;
}
