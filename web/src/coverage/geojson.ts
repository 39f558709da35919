/** Pure GeoJSON helpers for the coverage view. */
import { intersection, union, type Geom } from 'polyclip-ts';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';

/**
 * The area reached by any of the isochrones, as one (multi)polygon: overlapping circles are merged so a
 * translucent fill does not darken where service areas overlap, and the result is cut to `clip` (the
 * district) when given, since only residents inside it are counted. Falls back to the separate polygons
 * if the polygon clipping fails on degenerate input.
 * @example coveredArea(await coverageApi.isochrones(settings), boundary.features[0].geometry).features.length // 0 or 1
 */
export function coveredArea(
  isochrones: FeatureCollection<Polygon | MultiPolygon>,
  clip?: Polygon | MultiPolygon | null,
): FeatureCollection<Polygon | MultiPolygon> {
  const geoms = isochrones.features.map((f) => f.geometry.coordinates as Geom).filter((g) => g.length > 0);
  if (geoms.length === 0) return { type: 'FeatureCollection', features: [] };
  try {
    let merged = union(geoms[0], ...geoms.slice(1));
    if (clip) merged = intersection(merged, clip.coordinates as Geom);
    if (merged.length === 0) return { type: 'FeatureCollection', features: [] };
    return { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: merged } }] };
  } catch {
    return { type: 'FeatureCollection', features: isochrones.features.map((f) => ({ type: 'Feature', properties: {}, geometry: f.geometry })) };
  }
}

/** [west, south, east, north] in degrees of every coordinate of a feature's geometry, or null if it has none. */
export function featureBounds(feature: Feature<Geometry | null> | null | undefined): [number, number, number, number] | null {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  const visit = (c: unknown): void => {
    if (typeof (c as Position)[0] === 'number') {
      const [x, y] = c as Position;
      if (x < w) w = x;
      if (x > e) e = x;
      if (y < s) s = y;
      if (y > n) n = y;
    } else for (const inner of c as unknown[]) visit(inner);
  };
  const g = feature?.geometry;
  if (!g) return null;
  if (g.type === 'GeometryCollection') for (const x of g.geometries) visit((x as Exclude<Geometry, { type: 'GeometryCollection' }>).coordinates);
  else visit(g.coordinates);
  return w === Infinity ? null : [w, s, e, n];
}
