import { describe, expect, it } from 'vitest';
import { seatPlanarCoords } from '../../../api/src/engine/geo/seat-planar-coords';

describe('seatPlanarCoords', () => {
  it('centres the plane on the seats, in kilometres, and converts back', () => {
    const { coords, toLngLat, toPlane } = seatPlanarCoords([{ code: 'a', lng: 106, lat: 32.5 }, { code: 'b', lng: 106, lat: 32.7 }]);
    const kmPerDeg = (6371008.8 * Math.PI) / 180 / 1000;
    expect(coords[1]).toBeCloseTo(-0.1 * kmPerDeg, 9);
    expect(coords[3]).toBeCloseTo(0.1 * kmPerDeg, 9);
    const [x] = toPlane(106.1, 32.6);
    expect(x).toBeCloseTo(0.1 * kmPerDeg * Math.cos((32.6 * Math.PI) / 180), 9);
    const [lng, lat] = toLngLat(...toPlane(105.9, 32.61));
    expect(lng).toBeCloseTo(105.9, 12);
    expect(lat).toBeCloseTo(32.61, 12);
  });
});
