import { describe, expect, it } from 'vitest';
import { createStraightLineReach } from '../../../api/src/engine/coverage/create-straight-line-reach';
import { EngineInputError } from '../../../api/src/engine/types';
import { makeDemand, METERS_PER_DEGREE_LAT } from '../coverage-helpers';

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
