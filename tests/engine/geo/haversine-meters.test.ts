import { describe, expect, it } from 'vitest';
import { distance } from '@turf/distance';
import { haversineMeters } from '../../../api/src/engine/geo/haversine-meters';
import { seededRandom } from '../coverage-helpers';

describe('haversineMeters', () => {
  it('gives R·Δφ along a meridian (R = 6,371,008.8 m): 0.01° = 1,111.9508 m', () => {
    expect(haversineMeters(106.1, 32.65, 106.1, 32.66)).toBeCloseTo((6371008.8 * Math.PI / 180) * 0.01, 6);
    expect(haversineMeters(106.1, 32.65, 106.1, 32.65)).toBe(0);
  });

  it('agrees with turf.distance on random pairs', () => {
    const rnd = seededRandom(1);
    for (let k = 0; k < 200; k++) {
      const a: [number, number] = [105.6 + rnd(), 32.4 + rnd()];
      const b: [number, number] = [105.6 + rnd(), 32.4 + rnd()];
      expect(haversineMeters(a[0], a[1], b[0], b[1])).toBeCloseTo(distance(a, b, { units: 'kilometers' }) * 1000, 5);
    }
  });
});
