import { describe, expect, it } from 'vitest';
import { distance } from '@turf/distance';
import { serviceCircle } from '../../../api/src/engine/coverage/service-circle';
import { EngineInputError } from '../../../api/src/engine/types';

describe('serviceCircle', () => {
  it('draws a closed 64-gon whose vertices lie on the radius', () => {
    const c = serviceCircle(106.1, 32.65, 865);
    const ring = c.geometry.coordinates[0];
    expect(ring.length).toBe(65);
    expect(ring[0]).toEqual(ring[64]);
    for (const p of ring) expect(distance([106.1, 32.65], p, { units: 'kilometers' }) * 1000).toBeCloseTo(865, 3);
    expect(c.properties.radiusMeters).toBe(865);
    expect(serviceCircle(106.1, 32.65, 100, 16).geometry.coordinates[0].length).toBe(17);
  });

  it('rejects a non-positive radius', () => {
    expect(() => serviceCircle(106.1, 32.65, 0)).toThrow(EngineInputError);
  });
});
