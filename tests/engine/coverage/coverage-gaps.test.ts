import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { booleanValid } from '@turf/boolean-valid';
import { polygon } from '@turf/helpers';
import { coverageGaps } from '../../../api/src/engine/coverage/coverage-gaps';
import { coverageFromReach } from '../../../api/src/engine/coverage/coverage-from-reach';
import { modelledDemand } from '../../../api/src/engine/demand/modelled-demand';
import { nearestFacility } from '../../../api/src/engine/coverage/nearest-facility';
import { straightLineReach } from '../../../api/src/engine/coverage/straight-line-reach';
import type { DemandPoints, Facility } from '../../../api/src/engine/types';
import { makeDemand, METERS_PER_DEGREE_LAT } from '../coverage-helpers';

const stepLat = 400 / METERS_PER_DEGREE_LAT;
const stepLng = stepLat / Math.cos((32.6 * Math.PI) / 180);
/** Hand-made 400 m grid: rows of [population, township] per cell, row 0 at the bottom. */
function grid(rows: number[][]): DemandPoints {
  const pts: Array<[number, number, number, number]> = [];
  rows.forEach((row, j) => row.forEach((p, i) => { if (p > 0) pts.push([106 + i * stepLng, 32.6 + j * stepLat, p, i < 2 ? 0 : 1]); }));
  return { ...makeDemand(pts, ['w', 'e']), cellHalfSizeMeters: 200 };
}
const none = (n: number) => ({ nearestFacility: new Int32Array(n).fill(-1), nearestMinutes: new Float32Array(n).fill(Infinity) });

describe('coverageGaps', () => {
  it('splits a gap at the township line by default: west columns (township w) and east column (e)', () => {
    const d = grid([[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
    const fc = coverageGaps({ demand: d, facilities: [], coverCount: new Uint16Array(9), ...none(9) });
    // w = columns 0–1: 1+2+4+5+7+8 = 27; e = column 2: 3+6+9 = 18.
    expect(fc.features.map((f) => [f.properties.townshipCode, f.properties.population])).toEqual([['w', 27], ['e', 18]]);
  });

  it('outlines a 3×3 block with a covered centre as one polygon with a hole (hand-worked)', () => {
    const d = grid([[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
    const coverCount = new Uint16Array(9);
    coverCount[4] = 1; // the centre cell, population 5
    const fc = coverageGaps({ demand: d, facilities: [], coverCount, ...none(9), splitByTownship: false });
    expect(fc.features.length).toBe(1);
    const [gap] = fc.features;
    expect(gap.geometry.type).toBe('Polygon');
    expect(gap.geometry.coordinates.length).toBe(2); // outer + hole
    expect(gap.properties).toMatchObject({ rank: 1, population: 40, demandPointCount: 8, nearestSiteId: null, nearestMinutes: null });
    expect(gap.properties.olderPopulation).toBeCloseTo(8, 9);
    expect(gap.properties.areaKm2).toBeCloseTo(8 * 0.16, 3);
    // Township by majority: columns 0–1 are 'w' (1+2+4+7+8 = 22), column 2 'e' (3+6+9 = 18).
    expect(gap.properties.townshipCode).toBe('w');
    expect(booleanPointInPolygon([d.lng[4], d.lat[4]], gap)).toBe(false);
    expect(booleanValid(gap)).toBe(true);
  });

  it('ranks separate gaps by population and measures the nearest site from the population-weighted centre', () => {
    // Columns 0 and 2 uncovered, column 1 covered: two 1×3 strips, left 3 people, right 30.
    const d = grid([[1, 0.5, 10], [1, 0.5, 10], [1, 0.5, 10]]);
    const coverCount = Uint16Array.from([0, 1, 0, 0, 1, 0, 0, 1, 0]);
    const facilities: Facility[] = [{ id: 'a', kind: 'point', lng: 0, lat: 0, townshipCode: null }, { id: 'b', kind: 'point', lng: 0, lat: 0, townshipCode: null }];
    const nearestFacility = Int32Array.from([0, 0, 1, 0, 0, 0, 1, 0, 1]);
    const nearestMinutes = Float32Array.from([20, 0, 18, 19, 0, 16, 12, 0, 30]);
    const fc = coverageGaps({ demand: d, facilities, coverCount, nearestFacility, nearestMinutes });
    expect(fc.features.map((f) => [f.properties.rank, f.properties.population, f.properties.nearestSiteId, f.properties.nearestMinutes]))
      .toEqual([[1, 30, 'a', 16], [2, 3, 'a', 19]]); // right strip: points 2, 5, 8 (centre 5); left: 0, 3, 6 (centre 3)
    expect(fc.features[0].properties.centerLat).toBeCloseTo(d.lat[5], 9);
    expect(fc.features[0].properties.centerLng).toBeCloseTo(d.lng[5], 9);
    expect(fc.features[0].properties.areaKm2).toBeCloseTo(3 * 0.16, 3);
  });

  it('merges buffers of plain points closer than twice the buffer', () => {
    // Two points 300 m apart (200 m buffers overlap) and one 5 km away; a 32-gon of r has area 16·sin(π/16)·r².
    const d = makeDemand([[106, 32.6, 2, 0], [106, 32.6 + 300 / METERS_PER_DEGREE_LAT, 3, 0], [106, 32.65, 7, 0]], ['t']);
    const fc = coverageGaps({ demand: d, facilities: [], coverCount: new Uint16Array(3), ...none(3) });
    expect(fc.features.map((f) => f.properties.population)).toEqual([7, 5]);
    const disc = (16 * Math.sin(Math.PI / 16) * 0.2 * 0.2);
    expect(fc.features[0].properties.areaKm2).toBeCloseTo(disc, 3);
    expect(fc.features[1].properties.areaKm2).toBeGreaterThan(disc * 1.5);
    expect(fc.features[1].properties.areaKm2).toBeLessThan(disc * 2);
    expect(fc.features[1].geometry.type).toBe('Polygon');
  });

  it('on modelled demand: every uncovered cell lies in exactly one gap, no covered cell in any', () => {
    const boundary = polygon([[[106.0, 32.6], [106.12, 32.6], [106.12, 32.7], [106.0, 32.7], [106.0, 32.6]]]);
    const d = modelledDemand({ boundary, seats: [{ code: 'a', lng: 106.06, lat: 32.65, isDistrictSeat: true }],
      townshipCodes: ['a'], population: 5000, urbanShare: 0.3, olderShare: 0.2 });
    const facilities: Facility[] = [[106.02, 32.62], [106.06, 32.65], [106.1, 32.68], [106.03, 32.69]]
      .map(([lng, lat], k) => ({ id: `s${k}`, kind: 'station', lng, lat, townshipCode: 'a' }));
    const cov = coverageFromReach(d, facilities, straightLineReach(d, facilities, { radiusMeters: 1500, speedKmh: 4.5, detourFactor: 1.3 }));
    const near = nearestFacility(d, facilities, { speedKmh: 4.5, detourFactor: 1.3 });
    const fc = coverageGaps({ demand: d, facilities, coverCount: cov.coverCount, nearestFacility: near.facilityIndex, nearestMinutes: near.minutes });
    expect(fc.features.reduce((s, f) => s + f.properties.population, 0)).toBeCloseTo(cov.totals.population - cov.totals.covered, 6);
    for (let i = 0; i < d.lng.length; i++) {
      const inside = fc.features.filter((f) => booleanPointInPolygon([d.lng[i], d.lat[i]], f)).length;
      expect(inside, `cell ${i}`).toBe(cov.coverCount[i] === 0 ? 1 : 0);
    }
    const cells = Array.from(cov.coverCount).filter((c) => c === 0).length;
    expect(fc.features.reduce((s, f) => s + f.properties.areaKm2, 0)).toBeCloseTo(cells * 0.16, 1);
    for (let k = 1; k < fc.features.length; k++) {
      expect(fc.features[k - 1].properties.population).toBeGreaterThanOrEqual(fc.features[k].properties.population);
    }
    for (const f of fc.features) expect(booleanValid(f)).toBe(true);
    expect(fc.features.length).toBeGreaterThan(0);
  });

  it('returns no gaps when everybody is covered', () => {
    const d = grid([[1, 2], [3, 4]]);
    expect(coverageGaps({ demand: d, facilities: [], coverCount: new Uint16Array(4).fill(1), ...none(4) }).features).toEqual([]);
  });
});
