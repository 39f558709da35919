import { describe, expect, it } from 'vitest';
import { distance } from '@turf/distance';
import { nearestFacility } from '../../../api/src/engine/coverage/nearest-facility';
import { makeDemand, randomDemand, randomFacilities } from '../coverage-helpers';

describe('nearestFacility', () => {
  it('matches a brute-force Turf scan for every demand point', () => {
    const box: [number, number, number, number] = [105.63, 32.48, 106.3, 32.87];
    const demand = randomDemand(1500, 21, box);
    const facilities = randomFacilities(120, 22, box);
    const r = nearestFacility(demand, facilities, { speedKmh: 4.5, detourFactor: 1.3 });
    for (let i = 0; i < demand.lng.length; i++) {
      let best = -1, bestM = Infinity;
      facilities.forEach((f, k) => {
        const m = distance([demand.lng[i], demand.lat[i]], [f.lng, f.lat], { units: 'kilometers' }) * 1000;
        if (m < bestM) { bestM = m; best = k; }
      });
      expect(r.facilityIndex[i]).toBe(best);
      expect(r.meters[i]).toBeCloseTo(bestM, 4);
      expect(r.minutes[i]).toBeCloseTo((bestM * 1.3) / 75, 3); // 4.5 km/h = 75 m/min
    }
  });

  it('gives -1 and Infinity without facilities', () => {
    const r = nearestFacility(makeDemand([[106, 32.6, 1]]), [], { speedKmh: 4.5, detourFactor: 1.3 });
    expect([r.facilityIndex[0], r.meters[0], r.minutes[0]]).toEqual([-1, Infinity, Infinity]);
  });
});
