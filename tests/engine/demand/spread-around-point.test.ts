import { describe, expect, it } from 'vitest';
import { polygon } from '@turf/helpers';
import { spreadAroundPoint } from '../../../api/src/engine/demand/spread-around-point';
import { modelledDemand } from '../../../api/src/engine/demand/modelled-demand';
import { haversineMeters } from '../../../api/src/engine/geo/haversine-meters';
import type { TownshipSeat } from '../../../api/src/engine/types';

const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, x) => s + x, 0);

describe('spreadAroundPoint', () => {
  it('adds exactly the amount within 3σ, more near the point; all of it to the closest cell when none is within 3σ', () => {
    const lng = [106.0, 106.005, 106.01, 106.1];
    const lat = [32.6, 32.6, 32.6, 32.6];
    const pop = new Float64Array(4);
    spreadAroundPoint(pop, lng, lat, { lng: 106.0, lat: 32.6 }, 100, 500);
    expect(sum(pop)).toBeCloseTo(100, 9);
    expect(pop[0]).toBeGreaterThan(pop[1]);
    expect(pop[1]).toBeGreaterThan(pop[2]);
    expect(pop[3]).toBe(0);
    const far = new Float64Array(4);
    spreadAroundPoint(far, lng, lat, { lng: 107, lat: 32.6 }, 10, 500);
    expect(Array.from(far)).toEqual([0, 0, 0, 10]);
  });
});

describe('modelledDemand anchored on villages', () => {
  const square = polygon([[[105.8, 32.5], [106.2, 32.5], [106.2, 32.8], [105.8, 32.8], [105.8, 32.5]]]);
  const seats: TownshipSeat[] = [{ code: 'a', lng: 105.9, lat: 32.6 }, { code: 'b', lng: 106.1, lat: 32.7 }];
  const base = { boundary: square, seats, townshipCodes: ['a', 'b'], population: 50_000, urbanShare: 0.3, olderShare: 0.2 };
  const counts = { a: { villages: 4, communities: 1 }, b: { villages: 2, communities: 1 } };
  const near = (d: ReturnType<typeof modelledDemand>, p: { lng: number; lat: number }, m: number) => {
    let s = 0;
    for (let i = 0; i < d.lng.length; i++) if (haversineMeters(p.lng, p.lat, d.lng[i], d.lat[i]) <= m) s += d.population[i];
    return s;
  };

  it('without placed villages equals the unanchored model', () => {
    const plain = modelledDemand(base);
    const anchored = modelledDemand({ ...base, anchors: { points: [], counts } });
    expect(Array.from(anchored.population)).toEqual(Array.from(plain.population));
    expect(anchored.source.method).toContain('anchored on 0 of 8 villages/communities');
  });

  it("a placed village takes its township's rural share per village around its point; the total is kept", () => {
    const plain = modelledDemand(base);
    const v = { townshipCode: 'a', type: 'village' as const, lng: 105.86, lat: 32.66 };
    const d = modelledDemand({ ...base, anchors: { points: [v], counts } });
    expect(sum(d.population)).toBeCloseTo(50_000, 6);
    expect(near(d, v, 1000)).toBeGreaterThan(near(plain, v, 1000) * 2);
    // Township b is untouched: its cells keep their population.
    const far = { lng: 106.15, lat: 32.75 };
    expect(near(d, far, 3000)).toBeCloseTo(near(plain, far, 3000), 6);
    expect(d.source.method).toContain('anchored on 1 of 8 villages/communities');
  });

  it('a placed community takes its share of the urban population from the seat', () => {
    const c = { townshipCode: 'b', type: 'community' as const, lng: 106.14, lat: 32.72 };
    const plain = modelledDemand(base);
    const d = modelledDemand({ ...base, anchors: { points: [c], counts } });
    expect(sum(d.population)).toBeCloseTo(50_000, 6);
    expect(near(d, seats[1], 1000)).toBeLessThan(near(plain, seats[1], 1000));
    expect(near(d, c, 1000)).toBeGreaterThan(near(plain, c, 1000));
  });
});
