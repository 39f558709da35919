/**
 * Pure MapLibre layers of the resident page: routes from the resident's point to the nearest sites
 * (solid along roads, dashed when the route is only a straight-line estimate; the selected one on top,
 * thicker), and the resident's point (filled when exact, hollow when approximate, e.g. a township seat).
 */
import type { CircleLayerSpecification, LineLayerSpecification, SourceSpecification } from 'maplibre-gl';
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';

export const RESIDENT_SOURCE = { routes: 'resident-routes', point: 'resident-point' } as const;

export const RESIDENT_LAYER = {
  routeCasing: 'resident-route-casing',
  routeRoad: 'resident-route-road',
  routeStraight: 'resident-route-straight',
  point: 'resident-point',
} as const;

export const ROUTE_COLOR = '#1f5fa8';
export const SELECTED_ROUTE_COLOR = '#9e1b20';

export interface RouteProps {
  siteId: string;
  rank: number;
  /** 'network' routes follow roads; 'straight-line' ones only show the direction. */
  method: 'network' | 'straight-line';
  selected: boolean;
}

export interface PointProps {
  approximate: boolean;
}

const EMPTY = { type: 'FeatureCollection' as const, features: [] };

/** The resident page's own GeoJSON sources, empty until a point is chosen. */
export function residentSources(): Record<string, SourceSpecification> {
  return {
    [RESIDENT_SOURCE.routes]: { type: 'geojson', data: EMPTY },
    [RESIDENT_SOURCE.point]: { type: 'geojson', data: EMPTY },
  };
}

/** Route lines (the selected route sorted on top) and the resident's point, in drawing order. */
export function residentLayers(): (LineLayerSpecification | CircleLayerSpecification)[] {
  const color = ['case', ['get', 'selected'], SELECTED_ROUTE_COLOR, ROUTE_COLOR] as never;
  const width = ['case', ['get', 'selected'], 4, 2.5] as never;
  const sortKey = ['case', ['get', 'selected'], 1, 0] as never;
  return [
    {
      id: RESIDENT_LAYER.routeCasing,
      type: 'line',
      source: RESIDENT_SOURCE.routes,
      filter: ['==', ['get', 'method'], 'network'],
      layout: { 'line-join': 'round', 'line-cap': 'round', 'line-sort-key': sortKey },
      paint: { 'line-color': '#ffffff', 'line-width': ['+', width, 3] as never, 'line-opacity': 0.9 },
    },
    {
      id: RESIDENT_LAYER.routeRoad,
      type: 'line',
      source: RESIDENT_SOURCE.routes,
      filter: ['==', ['get', 'method'], 'network'],
      layout: { 'line-join': 'round', 'line-cap': 'round', 'line-sort-key': sortKey },
      paint: { 'line-color': color, 'line-width': width, 'line-opacity': ['case', ['get', 'selected'], 1, 0.6] as never },
    },
    {
      id: RESIDENT_LAYER.routeStraight,
      type: 'line',
      source: RESIDENT_SOURCE.routes,
      filter: ['!=', ['get', 'method'], 'network'],
      layout: { 'line-cap': 'butt', 'line-sort-key': sortKey },
      paint: {
        'line-color': color,
        'line-width': width,
        'line-opacity': ['case', ['get', 'selected'], 1, 0.55] as never,
        'line-dasharray': [2, 2],
      },
    },
    {
      id: RESIDENT_LAYER.point,
      type: 'circle',
      source: RESIDENT_SOURCE.point,
      paint: {
        'circle-radius': 8,
        'circle-color': ['case', ['get', 'approximate'], '#ffffff', '#1a73e8'] as never,
        'circle-stroke-color': ['case', ['get', 'approximate'], '#1a73e8', '#ffffff'] as never,
        'circle-stroke-width': 3,
      },
    },
  ];
}

/** Route features for the nearest-site results (rank 1 = nearest); results without a route are skipped. */
export function routeFeatures(
  results: readonly { id: string; route: LineString | null }[],
  method: string,
  selectedId: string | null,
): FeatureCollection<LineString, RouteProps> {
  const features: Feature<LineString, RouteProps>[] = [];
  results.forEach((r, i) => {
    if (!r.route) return;
    features.push({
      type: 'Feature',
      geometry: r.route,
      properties: { siteId: r.id, rank: i + 1, method: method === 'network' ? 'network' : 'straight-line', selected: r.id === selectedId },
    });
  });
  return { type: 'FeatureCollection', features };
}

/** The resident's point as a one-feature collection (empty for null). */
export function pointFeature(p: { lng: number; lat: number; approximate: boolean } | null): FeatureCollection<Point, PointProps> {
  return {
    type: 'FeatureCollection',
    features: p ? [{ type: 'Feature', geometry: { type: 'Point', coordinates: [p.lng, p.lat] }, properties: { approximate: p.approximate } }] : [],
  };
}
