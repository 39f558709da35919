import { Delaunay } from 'd3-delaunay';
import { bbox } from '@turf/bbox';
import { featureCollection, polygon } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { union } from '@turf/union';
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

  const byCode = new Map<string, Feature<Polygon | MultiPolygon>[]>();
  seats.forEach((seat, i) => {
    const cell = voronoi.cellPolygon(i);
    if (!cell) return; // duplicate seat position: the other seat holds the cell
    const ring = cell.map(([x, y]) => toLngLat(x, y));
    const clipped = intersect(featureCollection([polygon([ring]), boundary]));
    if (!clipped) return;
    const list = byCode.get(seat.code) ?? [];
    list.push(clipped);
    byCode.set(seat.code, list);
  });

  const features: Feature<Polygon | MultiPolygon, TownshipAreaProperties>[] = [];
  for (const [code, parts] of byCode) {
    const merged = parts.length === 1 ? parts[0] : union(featureCollection(parts));
    if (!merged) continue;
    features.push({ type: 'Feature', properties: { code, approximate: true }, geometry: merged.geometry });
  }
  return featureCollection(features);
}
