import KDBush from 'kdbush';
import { area } from '@turf/area';
import { circle } from '@turf/circle';
import { union } from 'polyclip-ts';
import type { Geom } from 'polyclip-ts';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { demandGrid } from '../demand/demand-grid';
import { gridRings } from '../geo/grid-rings';
import { haversineMeters } from '../geo/haversine-meters';
import { EngineInputError } from '../types';
import type { CoverageGapProperties, DemandPoints, Facility } from '../types';

/** Input of {@link coverageGaps}. */
export interface CoverageGapsInput {
  demand: DemandPoints;
  facilities: readonly Facility[];
  /** Facilities reaching each demand point (from coverageFromReach or the incremental state). */
  coverCount: ArrayLike<number>;
  /** Per demand point: index into `facilities` of the nearest facility (-1 if unknown). */
  nearestFacility: ArrayLike<number>;
  /** Per demand point: minutes to that facility (Infinity if unknown). */
  nearestMinutes: ArrayLike<number>;
  /** Buffer around plain (non-grid) points, metres (default 200). */
  bufferMeters?: number;
  /** Keep gaps within one township each (a gap crossing a township line becomes two); default true. */
  splitByTownship?: boolean;
}

/**
 * Uncovered demand (cover count 0, population > 0) as ranked polygons. Grid demand: uncovered cells
 * are grouped into 4-connected components (within one township unless `splitByTownship` is false) and each
 * component's exact cell outline becomes one polygon
 * (with holes). Plain points: each is buffered by `bufferMeters`, points whose buffers overlap are
 * grouped, and each group's circles are unioned. Gaps are ranked by population, largest first.
 *
 * @param input - demand, facilities, per-point cover counts and nearest facility/minutes
 * @returns polygons with population, older population, area (km²), population-weighted centre, the nearest site and
 *   minutes from the demand point closest to that centre (not from the gap's edge), majority township
 * @example
 * const c = coverageFromReach(demand, facilities, reach);
 * const gaps = coverageGaps({ demand, facilities, coverCount: c.coverCount,
 *   nearestFacility: near.facilityIndex, nearestMinutes: near.minutes });
 * @see https://en.wikipedia.org/wiki/Connected-component_labeling
 */
export function coverageGaps(input: CoverageGapsInput): FeatureCollection<Polygon | MultiPolygon, CoverageGapProperties> {
  const { demand, facilities, coverCount, nearestFacility, nearestMinutes } = input;
  const n = demand.population.length;
  if (coverCount.length !== n || nearestFacility.length !== n || nearestMinutes.length !== n) {
    throw new EngineInputError('coverCount, nearestFacility and nearestMinutes must have one entry per demand point');
  }
  const uncovered: number[] = [];
  for (let i = 0; i < n; i++) if (coverCount[i] === 0 && demand.population[i] > 0) uncovered.push(i);
  const grid = demandGrid(demand);
  const split = input.splitByTownship ?? true;
  const byTownship = new Map<number, number[]>();
  for (const i of uncovered) {
    const t = split ? demand.townshipIndex[i] : 0;
    const list = byTownship.get(t);
    if (list) list.push(i); else byTownship.set(t, [i]);
  }
  const groups: Array<{ members: number[]; geometry: Polygon | MultiPolygon }> = [...byTownship.values()].flatMap((part) =>
    grid ? gridGroups(part, grid) : pointGroups(part, demand, input.bufferMeters ?? 200));

  const features = groups.map(({ members, geometry }) => {
    let population = 0, olderPopulation = 0, sumLng = 0, sumLat = 0;
    const byTownship = new Map<number, number>();
    for (const i of members) {
      population += demand.population[i];
      olderPopulation += demand.olderPopulation[i];
      sumLng += demand.population[i] * demand.lng[i];
      sumLat += demand.population[i] * demand.lat[i];
      const t = demand.townshipIndex[i];
      byTownship.set(t, (byTownship.get(t) ?? 0) + demand.population[i]);
    }
    const centerLng = sumLng / population, centerLat = sumLat / population;
    const best = centralMember(members, demand, centerLng, centerLat, nearestFacility);
    let top = -1, topPopulation = -1;
    for (const [t, p] of byTownship) if (p > topPopulation || (p === topPopulation && t < top)) { top = t; topPopulation = p; }
    const feature: Feature<Polygon | MultiPolygon, CoverageGapProperties> = {
      type: 'Feature',
      geometry,
      properties: {
        rank: 0,
        population,
        olderPopulation,
        areaKm2: 0,
        demandPointCount: members.length,
        centerLng,
        centerLat,
        nearestSiteId: best >= 0 ? facilities[nearestFacility[best]]?.id ?? null : null,
        nearestMinutes: best >= 0 && Number.isFinite(nearestMinutes[best]) ? nearestMinutes[best] : null,
        townshipCode: top >= 0 ? demand.townshipCodes[top] ?? null : null,
      },
    };
    feature.properties.areaKm2 = area(feature) / 1e6;
    return feature;
  });
  features.sort((a, b) => b.properties.population - a.properties.population || b.properties.areaKm2 - a.properties.areaKm2);
  features.forEach((f, k) => { f.properties.rank = k + 1; });
  return { type: 'FeatureCollection', features };
}

/** The member demand point nearest the population-weighted centre that knows its nearest facility (-1 if none does). */
function centralMember(members: number[], demand: DemandPoints, lng: number, lat: number, nearestFacility: ArrayLike<number>): number {
  const cosLat = Math.cos((lat * Math.PI) / 180);
  let best = -1, bestD2 = Infinity;
  for (const i of members) {
    if (nearestFacility[i] < 0) continue;
    const dx = (demand.lng[i] - lng) * cosLat, dy = demand.lat[i] - lat;
    const d2 = dx * dx + dy * dy;
    if (d2 < bestD2) { best = i; bestD2 = d2; }
  }
  return best;
}

function gridGroups(uncovered: number[], grid: NonNullable<ReturnType<typeof demandGrid>>) {
  const { cols, rows, col, row, originLng, originLat, stepLng, stepLat } = grid;
  const cellPoints = new Map<number, number[]>(); // cell key → uncovered demand points in it
  for (const i of uncovered) {
    const key = row[i] * cols + col[i];
    const list = cellPoints.get(key);
    if (list) list.push(i); else cellPoints.set(key, [i]);
  }
  const has = (c: number, r: number) => c >= 0 && r >= 0 && c < cols && r < rows && cellPoints.has(r * cols + c);
  const seen = new Set<number>();
  const groups: Array<{ members: number[]; geometry: Polygon }> = [];
  for (const start of cellPoints.keys()) {
    if (seen.has(start)) continue;
    seen.add(start);
    const cells: Array<[number, number]> = [];
    const stack = [start];
    while (stack.length > 0) {
      const key = stack.pop()!;
      const c = key % cols, r = (key - c) / cols;
      cells.push([c, r]);
      for (const [dc, dr] of [[1, 0], [-1, 0], [0, 1], [0, -1]]) {
        const k = (r + dr) * cols + (c + dc);
        if (has(c + dc, r + dr) && !seen.has(k)) { seen.add(k); stack.push(k); }
      }
    }
    const rings = gridRings(cells, has);
    const toLngLat = (ring: Array<[number, number]>): Position[] =>
      ring.map(([x, y]) => [originLng + (x - 0.5) * stepLng, originLat + (y - 0.5) * stepLat]);
    const outer = rings.filter((r) => r.area > 0);
    if (outer.length !== 1) throw new Error(`coverageGaps: component has ${outer.length} outer rings`);
    const coordinates = [toLngLat(outer[0].ring), ...rings.filter((r) => r.area < 0).map((r) => toLngLat(r.ring))];
    const members = cells.flatMap(([c, r]) => cellPoints.get(r * cols + c)!);
    groups.push({ members, geometry: { type: 'Polygon', coordinates } });
  }
  return groups;
}

function pointGroups(uncovered: number[], demand: DemandPoints, bufferMeters: number) {
  if (!(bufferMeters > 0)) throw new EngineInputError('bufferMeters must be > 0');
  if (uncovered.length === 0) return [];
  const index = new KDBush(uncovered.length);
  for (const i of uncovered) index.add(demand.lng[i], demand.lat[i]);
  index.finish();
  const parent = uncovered.map((_, k) => k);
  const find = (k: number): number => (parent[k] === k ? k : (parent[k] = find(parent[k])));
  const reachDeg = (2 * bufferMeters) / 111_000 * 1.5; // generous box; exact check below
  uncovered.forEach((i, k) => {
    const lngPad = reachDeg / Math.cos((demand.lat[i] * Math.PI) / 180);
    for (const m of index.range(demand.lng[i] - lngPad, demand.lat[i] - reachDeg, demand.lng[i] + lngPad, demand.lat[i] + reachDeg)) {
      const j = uncovered[m];
      if (m !== k && haversineMeters(demand.lng[i], demand.lat[i], demand.lng[j], demand.lat[j]) < 2 * bufferMeters) {
        parent[find(m)] = find(k);
      }
    }
  });
  const byRoot = new Map<number, number[]>();
  uncovered.forEach((i, k) => {
    const root = find(k);
    const list = byRoot.get(root);
    if (list) list.push(i); else byRoot.set(root, [i]);
  });
  return [...byRoot.values()].map((members) => {
    const circles = members.map((i) => circle([demand.lng[i], demand.lat[i]], bufferMeters, { steps: 32, units: 'meters' }).geometry.coordinates as Geom);
    const merged = circles.length === 1 ? [circles[0] as Position[][]] : union(circles[0], ...circles.slice(1));
    const geometry: Polygon | MultiPolygon = merged.length === 1
      ? { type: 'Polygon', coordinates: merged[0] }
      : { type: 'MultiPolygon', coordinates: merged };
    return { members, geometry };
  });
}
