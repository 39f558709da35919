import { describe, expect, it } from 'vitest';
import { nearestFacilitiesToPoint } from '../../../api/src/engine/coverage/nearest-facilities-to-point';
import { EngineInputError } from '../../../api/src/engine/types';
import type { Facility } from '../../../api/src/engine/types';
import { METERS_PER_DEGREE_LAT } from '../coverage-helpers';

describe('nearestFacilitiesToPoint', () => {
  // Facilities due north of the query at 300, 100, 200 and 400 m (same meridian: distance = R·Δφ).
  const facilities: Facility[] = [300, 100, 200, 400].map((m, k) => ({
    id: `f${m}`, kind: 'point', lng: 106, lat: 32.6 + m / METERS_PER_DEGREE_LAT, townshipCode: null,
  }));

  it('returns the nearest `limit` facilities, nearest first, with metres and minutes', () => {
    const r = nearestFacilitiesToPoint(106, 32.6, facilities, { limit: 3, speedKmh: 15, detourFactor: 1.2 });
    expect(r.map((x) => [x.id, x.index])).toEqual([['f100', 1], ['f200', 2], ['f300', 0]]);
    expect(r[0].meters).toBeCloseTo(100, 6);
    expect(r[1].minutes).toBeCloseTo((200 * 1.2) / 250, 6); // 15 km/h = 250 m/min
  });

  it('handles limits beyond the count and rejects bad input', () => {
    expect(nearestFacilitiesToPoint(106, 32.6, facilities, { limit: 10, speedKmh: 4.5, detourFactor: 1.3 }).length).toBe(4);
    expect(nearestFacilitiesToPoint(106, 32.6, [], { speedKmh: 4.5, detourFactor: 1.3 })).toEqual([]);
    expect(() => nearestFacilitiesToPoint(NaN, 32.6, facilities, { speedKmh: 4.5, detourFactor: 1.3 })).toThrow(EngineInputError);
  });
});
