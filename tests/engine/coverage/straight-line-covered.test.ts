import { describe, expect, it } from 'vitest';
import { coverageFromReach } from '../../../api/src/engine/coverage/coverage-from-reach';
import { coverageSummary } from '../../../api/src/engine/coverage/coverage-summary';
import { straightLineCovered } from '../../../api/src/engine/coverage/straight-line-covered';
import { straightLineReach } from '../../../api/src/engine/coverage/straight-line-reach';
import { haversineMeters } from '../../../api/src/engine/geo/index.ts';
import { EngineInputError } from '../../../api/src/engine/types';
import type { DemandPoints, Facility } from '../../../api/src/engine/types';
import { makeDemand, METERS_PER_DEGREE_LAT, seededRandom } from '../coverage-helpers';

const R = 6371008.8;
const RAD = Math.PI / 180;

/** Brute force: covered iff the haversine distance to some facility is within the radius (+ the engine's 1 mm). */
function bruteForce(demand: DemandPoints, facilities: readonly Facility[], radiusMeters: number): number[] {
  return Array.from(demand.lng, (lng, i) => (facilities.some((f) => haversineMeters(f.lng, f.lat, lng, demand.lat[i]) <= radiusMeters + 0.001) ? 1 : 0));
}

/**
 * A seeded scene around (lng0, lat0): uniform points with fractional weights, a cluster dense enough to fill whole
 * grid cells, duplicated points, points within ±3 mm of a circle (across the 1 mm tolerance) and sites in and
 * outside the demand's box.
 */
function scene(seed: number, lng0: number, lat0: number, radiusMeters: number) {
  const rnd = seededRandom(seed);
  const degLat = radiusMeters / METERS_PER_DEGREE_LAT;
  const degLng = degLat / Math.cos(lat0 * RAD);
  const facilities: Facility[] = Array.from({ length: 40 }, (_, k) => ({
    id: `f${k}`, kind: 'station', townshipCode: null,
    // Spread over 8 radii; the last five well outside the demand's box (which is 6 radii wide).
    lng: lng0 + (k >= 35 ? 9 + k - 35 : (rnd() - 0.5) * 8) * degLng, lat: lat0 + (rnd() - 0.5) * 8 * degLat,
  }));
  const rows: Array<[number, number, number, number]> = [];
  const add = (lng: number, lat: number) => rows.push([lng, lat, Math.round(rnd() * 1000) / 7, Math.floor(rnd() * 5) - 1]);
  for (let k = 0; k < 3000; k++) add(lng0 + (rnd() - 0.5) * 6 * degLng, lat0 + (rnd() - 0.5) * 6 * degLat);
  for (let k = 0; k < 3000; k++) add(lng0 + (rnd() - 0.5) * 0.6 * degLng, lat0 + (rnd() - 0.5) * 0.6 * degLat);
  for (let k = 0; k < 400; k++) {
    // On a circle ± 3 mm, any bearing (destination on the sphere).
    const f = facilities[Math.floor(rnd() * 35)];
    const d = (radiusMeters + (rnd() - 0.5) * 0.006) / R;
    const bearing = rnd() * 2 * Math.PI;
    const phi = Math.asin(Math.sin(f.lat * RAD) * Math.cos(d) + Math.cos(f.lat * RAD) * Math.sin(d) * Math.cos(bearing));
    const lambda = f.lng * RAD + Math.atan2(Math.sin(bearing) * Math.sin(d) * Math.cos(f.lat * RAD), Math.cos(d) - Math.sin(f.lat * RAD) * Math.sin(phi));
    add(lambda / RAD, phi / RAD);
  }
  for (let k = 0; k < 300; k++) { const r = rows[Math.floor(rnd() * rows.length)]; rows.push([r[0], r[1], 2.5, r[3]]); }
  return { demand: makeDemand(rows, ['t0', 't1', 't2']), facilities };
}

describe('straightLineCovered', () => {
  for (const [lat0, radiusMeters] of [[32.65, 865.4], [0.5, 577], [-45.2, 2885], [61.3, 865.4], [32.65, 90_000]] as const) {
    it(`equals a brute-force haversine count at latitude ${lat0}, radius ${radiusMeters} m`, () => {
      const { demand, facilities } = scene(Math.round(lat0 * 10 + radiusMeters), 106.1, lat0, radiusMeters);
      const covered = straightLineCovered(demand, facilities, radiusMeters);
      const expected = bruteForce(demand, facilities, radiusMeters);
      expect([...covered]).toEqual(expected);
      // The near-radius points fall on both sides of the limit, within millimetres of it.
      const nearest = Array.from({ length: 400 }, (_, k) => Math.min(...facilities.map((f) => haversineMeters(f.lng, f.lat, demand.lng[6000 + k], demand.lat[6000 + k]))));
      expect(nearest.filter((d) => d > radiusMeters + 0.001 && d < radiusMeters + 0.004).length).toBeGreaterThan(15);
      expect(nearest.filter((d) => d <= radiusMeters + 0.001 && d > radiusMeters - 0.004).length).toBeGreaterThan(15);
      // The totals equal the full per-point path to the last bit (fractional weights, townships, points outside).
      const full = coverageFromReach(demand, facilities, straightLineReach(demand, facilities, { radiusMeters, speedKmh: 4.5, detourFactor: 1.3 }));
      const summary = coverageSummary(demand, covered);
      expect(summary.totals).toEqual(full.totals);
      expect(summary.perTownship).toEqual(full.perTownship);
      expect(summary.totals.covered).toBe(expected.reduce((s, x, i) => s + x * demand.population[i], 0));
    });
  }

  it('counts a point on the site at radius 0, and nothing for empty inputs', () => {
    const demand = makeDemand([[106.1, 32.65, 3], [106.1, 32.65 + 1 / METERS_PER_DEGREE_LAT, 4]]);
    const site: Facility = { id: 's', kind: 'station', lng: 106.1, lat: 32.65, townshipCode: null };
    expect([...straightLineCovered(demand, [site], 0)]).toEqual([1, 0]);
    expect([...straightLineCovered(demand, [], 865)]).toEqual([0, 0]);
    expect(straightLineCovered(makeDemand([]), [site], 865).length).toBe(0);
    expect(coverageSummary(makeDemand([]), new Uint8Array(0)).totals).toMatchObject({ population: 0, covered: 0, share: 0 });
  });

  it('uses the cached demand index across calls and leaves no state behind', () => {
    const { demand, facilities } = scene(3, 106.1, 32.65, 865.4);
    const first = straightLineCovered(demand, facilities, 865.4);
    straightLineCovered(demand, facilities.slice(0, 3), 5000);
    expect(straightLineCovered(demand, facilities, 865.4)).toEqual(first);
  });

  it('rejects a negative radius and a site without coordinates', () => {
    const demand = makeDemand([[106.1, 32.65, 1]]);
    expect(() => straightLineCovered(demand, [], -1)).toThrow(EngineInputError);
    expect(() => straightLineCovered(demand, [{ id: 'x', kind: 'station', lng: Number.NaN, lat: 32, townshipCode: null }], 865)).toThrow(EngineInputError);
  });
});
