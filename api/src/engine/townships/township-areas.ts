import { Delaunay } from 'd3-delaunay';
import { bbox } from '@turf/bbox';
import { featureCollection } from '@turf/helpers';
import { intersection, union, type Geometry } from 'martinez-polygon-clipping';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { seatPlanarCoords } from '../geo/seat-planar-coords';
import type { TownshipSeat } from '../types';

/** Properties of an approximate township area. */
export interface TownshipAreaProperties {
  code: string;
  approximate: true;
}

/**
 * Approximate township areas for display: the Voronoi cell of each seat (in the same local plane as
 * `assignTownship`) clipped to the district boundary; cells of seats sharing a code are merged.
 * Real township borders differ; every feature carries `approximate: true`.
 * Clipped with martinez-polygon-clipping (floating point with robust predicates): turf's `intersect` (polyclip-ts,
 * bignumber arithmetic) took 1.7 s and left ~39 MB more resident memory for 朝天区's 1,462-vertex boundary and 12
 * cells; martinez takes ~0.3 s and ~7 MB, with the same areas (tests/engine/township-areas.test.ts).
 *
 * @param boundary - district boundary (WGS-84)
 * @param seats - township seats (WGS-84 degrees)
 * @returns one feature per township code that has a seat and a non-empty cell
 * @example
 * const areas = townshipAreas(districtBoundary, seats); // areas.features[0].properties.code
 * @see https://github.com/d3/d3-delaunay#voronoi_cellPolygon
 */
export function townshipAreas(
  boundary: Feature<Polygon | MultiPolygon>,
  seats: readonly TownshipSeat[],
): FeatureCollection<Polygon | MultiPolygon, TownshipAreaProperties> {
  if (seats.length === 0) return featureCollection([]);
  const { coords, toPlane, toLngLat } = seatPlanarCoords(seats);
  const [minLng, minLat, maxLng, maxLat] = bbox(boundary);
  let [x0, y0] = toPlane(minLng, minLat);
  let [x1, y1] = toPlane(maxLng, maxLat);
  for (let i = 0; i < seats.length; i++) {
    x0 = Math.min(x0, coords[2 * i]); x1 = Math.max(x1, coords[2 * i]);
    y0 = Math.min(y0, coords[2 * i + 1]); y1 = Math.max(y1, coords[2 * i + 1]);
  }
  const margin = Math.max(x1 - x0, y1 - y0) * 0.1 + 1; // km
  const voronoi = new Delaunay(coords).voronoi([x0 - margin, y0 - margin, x1 + margin, y1 + margin]);

  const byCode = new Map<string, Geometry>();
  seats.forEach((seat, i) => {
    const cell = voronoi.cellPolygon(i);
    if (!cell) return; // duplicate seat position: the other seat holds the cell
    const ring = cell.map(([x, y]) => toLngLat(x, y));
    const clipped = intersection([ring], boundary.geometry.coordinates as Geometry);
    if (!clipped?.length) return;
    const before = byCode.get(seat.code);
    const merged = before ? union(before, clipped) : clipped;
    if (merged?.length) byCode.set(seat.code, merged);
  });

  const features: Feature<Polygon | MultiPolygon, TownshipAreaProperties>[] = [];
  for (const [code, g] of byCode) features.push({ type: 'Feature', properties: { code, approximate: true }, geometry: asGeoJson(g) });
  return featureCollection(features);
}

/** martinez answers a Polygon as rings and a MultiPolygon as polygons: tell them apart by the depth of the arrays. */
function asGeoJson(g: Geometry): Polygon | MultiPolygon {
  const multi = Array.isArray(g[0]?.[0]?.[0]);
  return multi ? { type: 'MultiPolygon', coordinates: g as MultiPolygon['coordinates'] } : { type: 'Polygon', coordinates: g as Polygon['coordinates'] };
}
