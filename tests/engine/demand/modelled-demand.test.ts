import { describe, expect, it } from 'vitest';
import { area } from '@turf/area';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { distance } from '@turf/distance';
import { point, polygon } from '@turf/helpers';
import { MODELLED_DEMAND_METHOD, modelledDemand } from '../../../api/src/engine/demand/modelled-demand';
import { EngineInputError } from '../../../api/src/engine/types';
import type { TownshipSeat } from '../../../api/src/engine/types';

// A 0.4° × 0.3° box (≈ 37.5 km × 33.4 km) with three seats ≥ 15 km apart; codes 'c' has no seat.
const square = polygon([[[105.8, 32.5], [106.2, 32.5], [106.2, 32.8], [105.8, 32.8], [105.8, 32.5]]]);
const seats: TownshipSeat[] = [
  { code: 'a', lng: 106.0, lat: 32.65, isDistrictSeat: true },
  { code: 'b', lng: 105.85, lat: 32.55 },
  { code: 'c2', lng: 106.15, lat: 32.75 },
];
const codes = ['a', 'b', 'c', 'c2'];
const base = { boundary: square, seats, townshipCodes: codes, population: 100_000, urbanShare: 0.4, olderShare: 0.2 };
const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, x) => s + x, 0);
const km = (lng1: number, lat1: number, lng2: number, lat2: number) => distance(point([lng1, lat1]), point([lng2, lat2]));

describe('modelledDemand', () => {
  const d = modelledDemand(base);

  it('sums to the population, keeps cell centres inside the boundary and labels itself modelled', () => {
    expect(sum(d.population)).toBeCloseTo(100_000, 6);
    expect(sum(d.olderPopulation)).toBeCloseTo(20_000, 6);
    for (let i = 0; i < d.lng.length; i++) expect(booleanPointInPolygon([d.lng[i], d.lat[i]], square)).toBe(true);
    // Cell area × count ≈ boundary area: 400 m cells, ±2% for the edge rows.
    expect(d.lng.length * 0.16).toBeGreaterThan((area(square) / 1e6) * 0.98);
    expect(d.lng.length * 0.16).toBeLessThan((area(square) / 1e6) * 1.02);
    expect(d.source).toMatchObject({ name: 'modelled demand surface', modelled: true });
    expect(d.source.method.startsWith(MODELLED_DEMAND_METHOD)).toBe(true);
    expect(d.cellHalfSizeMeters).toBe(200);
    expect(d.townshipApproximate).toBe(true);
  });

  it('puts 50% of the urban population around the district seat, the rest shared by the township seats', () => {
    // Far cells (> 4.5 km = 3σ from every seat) hold rural population only, all the same.
    const far: number[] = [];
    const near = [0, 0, 0];
    const nearCount = [0, 0, 0];
    for (let i = 0; i < d.lng.length; i++) {
      const dist = seats.map((s) => km(s.lng, s.lat, d.lng[i], d.lat[i]));
      const k = dist.findIndex((x) => x <= 4.5);
      if (k < 0) far.push(d.population[i]);
      else { near[k] += d.population[i]; if (dist[k] > 1.5) nearCount[k]++; }
    }
    const ruralPerCell = far[0];
    for (const p of far) expect(p).toBeCloseTo(ruralPerCell, 9);
    // Rural share 60 000 over every cell farther than 1.5 km (σ) from all seats.
    const ruralCells = far.length + nearCount[0] + nearCount[1] + nearCount[2];
    expect(ruralPerCell * ruralCells).toBeCloseTo(60_000, 3);
    expect(near[0] - ruralPerCell * nearCount[0]).toBeCloseTo(40_000 * 0.5, 3);
    expect(near[1] - ruralPerCell * nearCount[1]).toBeCloseTo(40_000 * 0.25, 3);
    expect(near[2] - ruralPerCell * nearCount[2]).toBeCloseTo(40_000 * 0.25, 3);
  });

  it('assigns each cell to the nearest seat’s township; a township without a seat gets none', () => {
    for (let i = 0; i < d.lng.length; i += 7) {
      const dist = seats.map((s) => km(s.lng, s.lat, d.lng[i], d.lat[i]));
      const best = dist.indexOf(Math.min(...dist));
      if (Math.abs(dist[best] - [...dist].sort((a, b) => a - b)[1]) < 0.05) continue; // on a Voronoi edge
      expect(codes[d.townshipIndex[i]]).toBe(seats[best].code);
    }
    expect(Array.from(d.townshipIndex).includes(codes.indexOf('c'))).toBe(false);
  });

  it('leaves holes empty (even-odd rule) and spreads everything rural without seats', () => {
    const withHole = polygon([
      [[105.8, 32.5], [106.2, 32.5], [106.2, 32.8], [105.8, 32.8], [105.8, 32.5]],
      [[105.9, 32.6], [105.9, 32.7], [106.1, 32.7], [106.1, 32.6], [105.9, 32.6]],
    ]);
    const r = modelledDemand({ ...base, boundary: withHole, seats: [], urbanShare: 0 });
    for (let i = 0; i < r.lng.length; i++) expect(booleanPointInPolygon([r.lng[i], r.lat[i]], withHole)).toBe(true);
    expect(sum(r.population)).toBeCloseTo(100_000, 6);
    expect(Math.max(...r.population) - Math.min(...r.population)).toBeLessThan(1e-6);
    expect(Array.from(r.townshipIndex).every((t) => t === -1)).toBe(true);
  });

  it('rejects bad input', () => {
    expect(() => modelledDemand({ ...base, urbanShare: 1.2 })).toThrow(EngineInputError);
    expect(() => modelledDemand({ ...base, seats: [] })).toThrow(EngineInputError);
    expect(() => modelledDemand({ ...base, seats: [{ code: 'zz', lng: 106, lat: 32.6 }] })).toThrow(EngineInputError);
    const tiny = polygon([[[106, 32.6], [106.0001, 32.6], [106.0001, 32.6001], [106, 32.6]]]);
    expect(() => modelledDemand({ ...base, boundary: tiny })).toThrow(EngineInputError);
  });
});

