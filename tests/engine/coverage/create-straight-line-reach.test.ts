import { describe, expect, it } from 'vitest';
import { createStraightLineReach } from '../../../api/src/engine/coverage/create-straight-line-reach';
import { EngineInputError } from '../../../api/src/engine/types';
import { makeDemand, METERS_PER_DEGREE_LAT, seededRandom } from '../coverage-helpers';

describe('createStraightLineReach', () => {
  const demand = makeDemand([[106, 32.6, 1], [106, 32.6 + 500 / METERS_PER_DEGREE_LAT, 1], [106, 32.6 + 1500 / METERS_PER_DEGREE_LAT, 1]]);

  it('reuses one index for many facilities and sorts demand indices', () => {
    const reachOf = createStraightLineReach(demand, { radiusMeters: 1000, speedKmh: 15, detourFactor: 1 });
    const a = reachOf({ id: 'a', kind: 'point', lng: 106, lat: 32.6, townshipCode: null });
    const b = reachOf({ id: 'b', kind: 'point', lng: 106, lat: 32.6 + 1500 / METERS_PER_DEGREE_LAT, townshipCode: null });
    expect([...a.demandIndex]).toEqual([0, 1]);
    expect([...b.demandIndex]).toEqual([1, 2]);
    expect(a.minutes[1]).toBeCloseTo(2, 5); // 500 m at 250 m/min
    expect(b.minutes[0]).toBeCloseTo(4, 5); // 1,000 m at 250 m/min, exactly on the radius
  });

  it('rejects a negative radius', () => {
    expect(() => createStraightLineReach(demand, { radiusMeters: -1, speedKmh: 4.5, detourFactor: 1.3 })).toThrow(EngineInputError);
  });
});

describe('createStraightLineReach: trig-free prefilter', () => {
  it('agrees with the exact haversine test for points within millimetres of the circle', () => {
    const RAD = Math.PI / 180;
    const R = 6371008.8;
    const radiusMeters = 865;
    const centre = { lng: 106.1, lat: 32.65 };
    const rnd = seededRandom(77);
    const lng: number[] = [];
    const lat: number[] = [];
    for (let k = 0; k < 20_000; k++) {
      // Distance radius + 1 mm tolerance ± up to 2 mm, any bearing (a small-distance destination formula).
      const d = radiusMeters + 0.001 + (rnd() - 0.5) * 0.004;
      const bearing = rnd() * 2 * Math.PI;
      lat.push(centre.lat + (d * Math.cos(bearing)) / R / RAD);
      lng.push(centre.lng + (d * Math.sin(bearing)) / R / RAD / Math.cos(centre.lat * RAD));
    }
    const demand = makeDemand(lng.map((x, i) => [x, lat[i], 1, 0]), ['t0']);
    const reach = createStraightLineReach(demand, { radiusMeters, speedKmh: 4.5, detourFactor: 1.3 })({ id: 'c', kind: 'point', ...centre, townshipCode: null });
    const hMax = Math.sin((radiusMeters + 0.001) / R / 2) ** 2;
    const expected: number[] = [];
    for (let i = 0; i < lng.length; i++) {
      const sinDLat = Math.sin((lat[i] - centre.lat) * RAD * 0.5);
      const sinDLng = Math.sin((lng[i] - centre.lng) * RAD * 0.5);
      const h = sinDLat * sinDLat + Math.cos(centre.lat * RAD) * Math.cos(lat[i] * RAD) * sinDLng * sinDLng;
      if (h <= hMax) expected.push(i);
    }
    expect(expected.length).toBeGreaterThan(5000);
    expect(expected.length).toBeLessThan(15_000);
    expect([...reach.demandIndex]).toEqual(expected);
  });
});
